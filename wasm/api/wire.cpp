#include "wasm/api/wire.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "shared/ui/strings_client.hpp"

namespace platform {

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

}  // namespace platform

namespace api {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

domain::FieldError made_error(std::string code, const ui::Text& text) {
  return {std::move(code), "", std::string(text.th), std::string(text.en)};
}

}  // namespace

std::string text_of(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t int_of(const nlohmann::json& j, std::string_view key, std::int64_t fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

int parse_retry_after(std::string_view value) {
  value = trim(value);
  if (value.empty()) return 0;
  int seconds = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return 60;  // an HTTP date: wait a minute
    seconds = std::min(seconds * 10 + (c - '0'), 24 * 3600);
  }
  return seconds;
}

Reply decode_reply(const platform::HttpResponse& r) {
  Reply reply;
  reply.status = r.status;
  reply.body = nlohmann::json::parse(r.body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  reply.retry_after = parse_retry_after(r.header("retry-after"));
  if (reply.ok()) return reply;
  if (r.status == 0) {
    reply.error = made_error("network", ui::text::no_answer);
    return reply;
  }
  const auto& b = reply.body;
  if (b.is_object() && b.contains("error") && b["error"].is_object()) {
    const auto& e = b["error"];
    auto str = [&](const char* key) {
      auto it = e.find(key);
      return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    domain::FieldError fe{str("code"), str("field"), str("message_th"), str("message_en")};
    if (!fe.code.empty() && (!fe.message_th.empty() || !fe.message_en.empty())) {
      if (fe.message_th.empty()) fe.message_th = fe.message_en;
      if (fe.message_en.empty()) fe.message_en = fe.message_th;
      reply.error = std::move(fe);
      return reply;
    }
  }
  // Not the api.md shape (a proxy's error page, say): say so, with the status.
  auto fe = made_error("unexpected_reply", ui::text::unexpected_reply);
  fe.message_th += " (HTTP " + std::to_string(r.status) + ")";
  fe.message_en += " (HTTP " + std::to_string(r.status) + ")";
  reply.error = std::move(fe);
  return reply;
}

platform::Headers parse_header_block(std::string_view block) {
  platform::Headers out;
  while (!block.empty()) {
    size_t eol = block.find('\n');
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 1);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out.emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return out;
}

std::string encode_multipart(const std::vector<FormPart>& parts, std::string_view boundary) {
  std::string out;
  auto quoted = [](std::string_view s) {  // quotes and line breaks would end the header
    std::string q;
    for (char c : s) {
      if (c == '"') q += "%22";
      else if (c == '\r') q += "%0D";
      else if (c == '\n') q += "%0A";
      else q += c;
    }
    return q;
  };
  for (const auto& p : parts) {
    out += "--";
    out += boundary;
    out += "\r\nContent-Disposition: form-data; name=\"" + quoted(p.name) + "\"";
    if (!p.file_name.empty()) {
      out += "; filename=\"" + quoted(p.file_name) + "\"\r\nContent-Type: ";
      out += p.content_type.empty() ? "application/octet-stream" : p.content_type;
    }
    out += "\r\n\r\n";
    out += p.value;
    out += "\r\n";
  }
  out += "--";
  out += boundary;
  out += "--\r\n";
  return out;
}

std::string pick_boundary(const std::vector<FormPart>& parts) {
  for (unsigned n = 0x5c4f01;; n = n * 2654435761u + 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "----school-form-%08x", n);
    std::string candidate(buf);
    bool clash = std::any_of(parts.begin(), parts.end(), [&](const FormPart& p) {
      return p.value.find(candidate) != std::string::npos;
    });
    if (!clash) return candidate;
  }
}

std::string content_type_for(std::string_view file_name) {
  std::string name = lower(file_name);
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".pdf")) return "application/pdf";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".png")) return "image/png";
  if (ends(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ends(".csv")) return "text/csv";
  if (ends(".txt")) return "text/plain";
  return "application/octet-stream";
}

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      out.push_back(char(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(char(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    out += out.empty() ? '?' : '&';
    out += percent_encode(k) + "=" + percent_encode(v);
  }
  return out;
}

void CookieJar::store(std::string_view set_cookie) {
  size_t semi = set_cookie.find(';');
  std::string_view pair = trim(set_cookie.substr(0, semi));
  size_t eq = pair.find('=');
  if (eq == std::string_view::npos || eq == 0) return;
  std::string name(trim(pair.substr(0, eq)));
  std::string value(trim(pair.substr(eq + 1)));
  bool expired = false;
  std::string_view attrs = semi == std::string_view::npos ? std::string_view() : set_cookie.substr(semi + 1);
  while (!attrs.empty()) {
    size_t next = attrs.find(';');
    std::string attr = lower(trim(attrs.substr(0, next)));
    attrs = next == std::string_view::npos ? std::string_view() : attrs.substr(next + 1);
    if (attr.rfind("max-age=", 0) == 0) {
      std::string_view n = std::string_view(attr).substr(8);
      expired = !n.empty() && (n[0] == '-' || n == "0");
    } else if (attr.rfind("expires=", 0) == 0) {
      // Servers delete with a date in the past; the only past date we need to know is 1970.
      expired = attr.find("1970") != std::string::npos;
    }
  }
  if (expired || value.empty()) cookies_.erase(name);
  else cookies_[name] = value;
}

std::string CookieJar::header() const {
  std::string out;
  for (const auto& [k, v] : cookies_) {
    if (!out.empty()) out += "; ";
    out += k + "=" + v;
  }
  return out;
}

std::optional<std::string> CookieJar::get(const std::string& name) const {
  auto it = cookies_.find(name);
  if (it == cookies_.end()) return std::nullopt;
  return it->second;
}

}  // namespace api
