// An uploaded file as the evidence and letter checks judge it: a name (first piece) and its
// bytes (the rest). Whatever the bytes, the checks answer yes or no: no crash, no leak.
#include "fuzz/fuzz_input.hpp"
#include "server/storage/file_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = fuzz::pieces(data, size, 2);
  const std::string_view bytes = in[1];
  (void)server::storage::decode_jpeg(bytes);
  (void)server::storage::png_decodes(bytes);
  (void)server::storage::pdf_opens(bytes);
  auto type = domain::check_evidence_bytes(bytes, std::string(in[0]));
  if (type) (void)server::storage::evidence_container_ok(bytes, type.value());
  return 0;
}
