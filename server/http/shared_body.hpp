#pragma once
// A reply body made of bytes held elsewhere (the static site's files, a ready JSON reply):
// nothing is copied per request, and the bytes live while any reply still sends them.
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace server::http {

// Bytes that replies send again and again. A large one lives in a memory file (memfd)
// mapped into the process: a plain connection hands it to the kernel with sendfile(2),
// which takes the pages instead of copying them per reply; TLS reads the mapping.
class HeldBytes {
 public:
  static constexpr std::size_t file_from = 64 * 1024;
  static std::shared_ptr<const HeldBytes> of(std::string bytes);
  HeldBytes(const HeldBytes&) = delete;
  HeldBytes& operator=(const HeldBytes&) = delete;
  ~HeldBytes();

  std::string_view view() const { return map_ ? std::string_view(map_, size_) : std::string_view(bytes_); }
  std::size_t size() const { return view().size(); }
  int file() const { return fd_; }  // -1: held in the heap only

 private:
  HeldBytes() = default;
  std::string bytes_;
  int fd_ = -1;
  const char* map_ = nullptr;
  std::size_t size_ = 0;
};

struct SharedBody {
  class value_type {
   public:
    value_type() = default;
    explicit value_type(std::shared_ptr<const HeldBytes> bytes) : bytes_(std::move(bytes)) {}
    std::size_t size() const { return bytes_ ? bytes_->size() : 0; }
    const char* data() const { return bytes_ ? bytes_->view().data() : nullptr; }
    int file() const { return bytes_ ? bytes_->file() : -1; }

   private:
    std::shared_ptr<const HeldBytes> bytes_;
  };

  static std::uint64_t size(const value_type& body) { return body.size(); }

  // All of it in one buffer: the socket takes what it can, the serializer keeps the rest.
  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;
    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(boost::beast::error_code& ec) { ec = {}; }
    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      return {{const_buffers_type(body_.data(), body_.size()), false}};
    }

   private:
    const value_type& body_;
  };
};

}  // namespace server::http
