#include "server/lec/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>

namespace server::lec {

namespace {

// A workbook's parts are small; anything bigger is refused rather than inflated (zip bombs).
constexpr zip_uint64_t kMaxPartBytes = 200u * 1024 * 1024;

struct Archive {
  zip_t* za = nullptr;
  explicit Archive(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      za = zip_open_from_source(src, ZIP_RDONLY, &err);
      if (!za) zip_source_free(src);
    }
    zip_error_fini(&err);
  }
  ~Archive() {
    if (za) zip_discard(za);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  std::optional<std::string> read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(za, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
    if (st.size > kMaxPartBytes) throw XlsxError(name + " is too large");
    zip_file_t* f = zip_fopen(za, name.c_str(), 0);
    if (!f) return std::nullopt;
    std::string out(st.size, '\0');
    const zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw XlsxError("cannot read " + name);
    return out;
  }
};

std::string_view local_name(const char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
const char* attr(const char** atts, std::string_view key) {
  for (int i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == key) return atts[i + 1];
  return nullptr;
}

// A handler's exception must not unwind through expat's C frames (that leaked the
// parser's buffers on every refused workbook, found by fuzz/xlsx_import_fuzz): it is kept,
// the parser stopped, and the exception rethrown once XML_Parse has returned.
template <class H>
struct XmlRun {
  H& handler;
  XML_Parser parser;
  std::exception_ptr error;
  template <class F>
  static void call(void* user, F&& f) {
    auto* run = static_cast<XmlRun*>(user);
    if (run->error) return;
    try {
      f(run->handler);
    } catch (...) {
      run->error = std::current_exception();
      XML_StopParser(run->parser, XML_FALSE);
    }
  }
};

// Runs expat over `xml`, calling the handler object's start/end/text.
template <class H>
void parse_xml(const std::string& xml, H& h, const char* part) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"), &XML_ParserFree);
  XmlRun<H> run{h, p.get(), nullptr};
  XML_SetUserData(p.get(), &run);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const char* n, const char** a) { XmlRun<H>::call(u, [&](H& h) { h.start(local_name(n), a); }); },
      [](void* u, const char* n) { XmlRun<H>::call(u, [&](H& h) { h.end(local_name(n)); }); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const char* s, int len) {
    XmlRun<H>::call(u, [&](H& h) { h.text(std::string_view(s, static_cast<std::size_t>(len))); });
  });
  const auto status = XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (run.error) std::rethrow_exception(run.error);
  if (status == XML_STATUS_ERROR)
    throw XlsxError(std::string(part) + ": " + XML_ErrorString(XML_GetErrorCode(p.get())));
}

// <si> items: the text of every <t> in it except phonetic runs (<rPh>).
struct SharedStrings {
  std::vector<std::string> items;
  std::string cur;
  bool in_t = false;
  int rph = 0;
  void start(std::string_view n, const char**) {
    if (n == "si") cur.clear();
    else if (n == "rPh") ++rph;
    else if (n == "t") in_t = true;
  }
  void end(std::string_view n) {
    if (n == "si") items.push_back(cur);
    else if (n == "rPh") --rph;
    else if (n == "t") in_t = false;
  }
  void text(std::string_view s) {
    if (in_t && rph == 0) cur += s;
  }
};

// The first <sheet> of workbook.xml and its relationship id.
struct FirstSheet {
  std::string rid;
  void start(std::string_view n, const char** a) {
    if (n == "sheet" && rid.empty())
      if (const char* r = attr(a, "id")) rid = r;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};
struct Rels {
  std::string want, target;
  void start(std::string_view n, const char** a) {
    if (n != "Relationship") return;
    const char* id = attr(a, "Id");
    const char* t = attr(a, "Target");
    if (id && t && want == id) target = t;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

std::size_t column_of(const char* ref) {  // "AB12" -> 27 (0-based)
  std::size_t col = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref) col = col * 26 + static_cast<std::size_t>(*ref - 'A' + 1);
  return col ? col - 1 : 0;
}

struct Sheet {
  const std::vector<std::string>* shared = nullptr;
  std::vector<std::vector<std::string>> rows;
  std::size_t row = 0, col = 0;
  std::string type, value;
  bool in_value = false, in_cell = false;
  void start(std::string_view n, const char** a) {
    if (n == "row") {
      const char* r = attr(a, "r");
      row = r ? static_cast<std::size_t>(std::strtoul(r, nullptr, 10)) : row + 1;
      if (row == 0 || row > 1100000) throw XlsxError("bad row number");
      col = 0;
    } else if (n == "c") {
      // A cell outside any <row> would be stored at row -1 (found by fuzz/xlsx_import_fuzz).
      if (row == 0) throw XlsxError("a cell outside a row");
      const char* r = attr(a, "r");
      if (r) col = column_of(r);
      if (col > 16384) throw XlsxError("bad column");
      const char* t = attr(a, "t");
      type = t ? t : "n";
      value.clear();
      in_cell = true;
    } else if (in_cell && (n == "v" || n == "t")) {
      in_value = true;
    }
  }
  void end(std::string_view n) {
    if (n == "v" || n == "t") in_value = false;
    if (n != "c") return;
    in_cell = false;
    std::string text;
    if (type == "s") {
      std::size_t i = 0;
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), i);
      if (ec != std::errc() || i >= shared->size()) throw XlsxError("bad shared string index");
      text = (*shared)[i];
    } else if (type == "n") {
      text = number_text(value);
    } else {
      text = value;  // inlineStr, str (a formula's text), b, e
    }
    if (!text.empty()) {
      if (rows.size() < row) rows.resize(row);
      auto& cells = rows[row - 1];
      if (cells.size() <= col) cells.resize(col + 1);
      cells[col] = std::move(text);
    }
    ++col;
  }
  void text(std::string_view s) {
    if (in_value) value += s;
  }
};

}  // namespace

std::string number_text(std::string_view v) {
  if (v.empty()) return "";
  double d = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || !std::isfinite(d)) return std::string(v);
  char buf[64];
  if (d == std::floor(d) && std::fabs(d) < 1e16) std::snprintf(buf, sizeof buf, "%.0f", d);
  else std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

bool looks_like_xlsx(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return false;
  Archive a(bytes);
  return a.za && zip_name_locate(a.za, "xl/workbook.xml", 0) >= 0;
}

std::vector<std::vector<std::string>> read_xlsx_first_sheet(std::string_view bytes) {
  Archive a(bytes);
  if (!a.za) throw XlsxError("not a ZIP archive");
  const auto workbook = a.read("xl/workbook.xml");
  if (!workbook) throw XlsxError("no xl/workbook.xml");
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  FirstSheet first;
  parse_xml(*workbook, first, "workbook.xml");
  if (const auto rels = a.read("xl/_rels/workbook.xml.rels"); rels && !first.rid.empty()) {
    Rels r{first.rid, {}};
    parse_xml(*rels, r, "workbook.xml.rels");
    if (!r.target.empty()) sheet_path = r.target[0] == '/' ? r.target.substr(1) : "xl/" + r.target;
  }
  SharedStrings ss;
  if (const auto s = a.read("xl/sharedStrings.xml")) parse_xml(*s, ss, "sharedStrings.xml");
  const auto sheet = a.read(sheet_path);
  if (!sheet) throw XlsxError("no " + sheet_path);
  Sheet sh;
  sh.shared = &ss.items;
  parse_xml(*sheet, sh, "worksheet");
  return std::move(sh.rows);
}

}  // namespace server::lec
