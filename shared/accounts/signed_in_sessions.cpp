#include "shared/accounts/signed_in_sessions.hpp"

#include <array>
#include <utility>

namespace domain {

namespace {

bool has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string_view browser_of(std::string_view ua) {
  // In-app browsers and forks carry their parent's tokens too ("Edg/" comes with "Chrome/"),
  // so the most specific token is looked for first.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> tokens{{
      {"school-client", "School client"},
      {"Line/", "LINE"},
      {"FBAN/", "Facebook"},
      {"FBAV/", "Facebook"},
      {"FB_IAB", "Facebook"},
      {"SamsungBrowser/", "Samsung Internet"},
      {"Edg/", "Edge"},
      {"EdgA/", "Edge"},
      {"EdgiOS/", "Edge"},
      {"OPR/", "Opera"},
      {"OPiOS/", "Opera"},
      {"Firefox/", "Firefox"},
      {"FxiOS/", "Firefox"},
      {"Chrome/", "Chrome"},  // HeadlessChrome/ too
      {"CriOS/", "Chrome"},
      {"Version/", "Safari"},  // Safari says its own version as "Version/17.0 ... Safari/"
  }};
  for (const auto& [token, name] : tokens)
    if (has(ua, token) && (token != "Version/" || has(ua, "Safari/"))) return name;
  return {};
}

std::string_view os_of(std::string_view ua) {
  if (has(ua, "Android")) return "Android";
  if (has(ua, "iPhone") || has(ua, "iPad") || has(ua, "iPod")) return "iOS";
  if (has(ua, "Windows")) return "Windows";
  if (has(ua, "CrOS")) return "ChromeOS";
  if (has(ua, "Macintosh") || has(ua, "Mac OS X")) return "macOS";
  if (has(ua, "Linux") || has(ua, "X11")) return "Linux";
  return {};
}

bool is_string(const nlohmann::json& j, const char* key) { return j.contains(key) && j[key].is_string(); }

}  // namespace

Device describe_user_agent(std::string_view ua) {
  Device d{std::string(browser_of(ua)), std::string(os_of(ua)), false};
  d.mobile = has(ua, "Mobi") || d.os == "Android" || d.os == "iOS";
  return d;
}

bool is_session_id(std::string_view id) {
  return id.size() == 24 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

FieldError session_not_found() {
  return {"session_not_found", "id", "ไม่พบการเข้าสู่ระบบนี้ของท่าน (อาจสิ้นสุดไปแล้ว)",
          "No such session of yours (it may have ended already)"};
}

void to_json(nlohmann::json& j, const SignedInSession& s) {
  j = {{"id", s.id},
       {"created_at", s.created_at},
       {"last_seen_at", s.last_seen_at},
       {"address", s.address},
       {"browser", s.device.browser},
       {"os", s.device.os},
       {"mobile", s.device.mobile},
       {"current", s.current}};
}

Checked<std::vector<SignedInSession>> sessions_from_json(const nlohmann::json& body) {
  const FieldError wrong{"wrong_type", "sessions", "รายการการเข้าสู่ระบบมีรูปแบบไม่ถูกต้อง",
                         "The list of sessions is not in the expected form"};
  if (!body.is_object() || !body.contains("sessions") || !body["sessions"].is_array()) return wrong;
  std::vector<SignedInSession> out;
  for (const auto& s : body["sessions"]) {
    if (!s.is_object()) return wrong;
    for (const char* key : {"id", "created_at", "last_seen_at", "address", "browser", "os"})
      if (!is_string(s, key)) return wrong;
    if (!s.contains("current") || !s["current"].is_boolean()) return wrong;
    if (!is_session_id(s["id"].get<std::string>())) return wrong;
    const bool mobile = s.contains("mobile") && s["mobile"].is_boolean() && s["mobile"].get<bool>();
    out.push_back({s["id"], s["created_at"], s["last_seen_at"], s["address"],
                   Device{s["browser"], s["os"], mobile}, s["current"].get<bool>()});
  }
  return out;
}

}  // namespace domain
