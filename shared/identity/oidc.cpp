#include "shared/identity/oidc.hpp"

#include <map>

#include "shared/core/text.hpp"

namespace domain {

namespace {

FieldError env_error(const std::string& var, std::string th, std::string en) {
  return {"identity_provider_config", var, std::move(th), std::move(en)};
}

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool loopback_http(std::string_view url) {
  for (std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
    if (url.substr(0, host.size()) == host && (url.size() == host.size() || url[host.size()] == ':' || url[host.size()] == '/'))
      return true;
  return false;
}

FieldError failure(std::string code, std::string th, std::string en) { return {std::move(code), "", std::move(th), std::move(en)}; }

// The string claim `name`, "" when absent or not a string.
std::string text_claim(const nlohmann::json& claims, const char* name) {
  auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? trim(it->get<std::string>()) : std::string();
}

}  // namespace

Checked<IdentityProvider> parse_identity_provider(const IdentityProviderEnv& env) {
  const std::string prefix = "OIDC_" + upper(env.id) + "_";
  if (env.id.empty() || env.id.size() > 32)
    return env_error("OIDC_<P>_ISSUER", "ชื่อผู้ให้บริการยืนยันตัวตนต้องยาว 1-32 ตัวอักษร", "A provider name must be 1-32 characters");
  for (char c : env.id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return env_error(prefix + "ISSUER", "ชื่อผู้ให้บริการยืนยันตัวตนใช้ได้เฉพาะ a-z 0-9 _",
                       "A provider name may hold only a-z, 0-9 and _");
  IdentityProvider p;
  p.id = env.id;
  p.issuer = trim(env.issuer);
  while (!p.issuer.empty() && p.issuer.back() == '/') p.issuer.pop_back();
  if (p.issuer.rfind("https://", 0) != 0 && !loopback_http(p.issuer))
    return env_error(prefix + "ISSUER", prefix + "ISSUER ต้องขึ้นต้นด้วย https://",
                     prefix + "ISSUER must start with https:// (http:// only on a loopback address)");
  p.client_id = trim(env.client_id);
  if (p.client_id.empty())
    return env_error(prefix + "CLIENT_ID", "กรุณากำหนด " + prefix + "CLIENT_ID", "Set " + prefix + "CLIENT_ID");
  p.client_secret = env.client_secret;
  if (p.client_secret.empty())
    return env_error(prefix + "CLIENT_SECRET", "กรุณากำหนด " + prefix + "CLIENT_SECRET", "Set " + prefix + "CLIENT_SECRET");
  if (!trim(env.id_claim).empty()) p.id_claim = trim(env.id_claim);
  if (!trim(env.scopes).empty()) p.scopes = trim(env.scopes);
  if (p.scopes.find("openid") == std::string::npos) p.scopes = "openid " + p.scopes;
  const std::string name = trim(env.name);
  p.name_th = p.name_en = !name.empty() ? name : identity_provider_name(env.id);
  return p;
}

std::string identity_provider_name(std::string_view provider_id) {
  return provider_id == "thaid" ? "ThaID" : std::string(provider_id);
}

std::string oidc_redirect_uri(std::string_view public_url, std::string_view provider_id) {
  return std::string(public_url) + "/api/v1/auth/oidc/" + std::string(provider_id) + "/callback";
}

std::string_view to_string(IdentityPurpose p) {
  switch (p) {
    case IdentityPurpose::access_request: return "access_request";
    case IdentityPurpose::registration: return "registration";
    case IdentityPurpose::sign_in: return "sign_in";
  }
  return "";
}

Checked<IdentityPurpose> parse_identity_purpose(std::string_view raw, std::string field) {
  for (auto p : {IdentityPurpose::access_request, IdentityPurpose::registration, IdentityPurpose::sign_in})
    if (raw == to_string(p)) return p;
  return FieldError{"purpose_invalid", std::move(field), "จุดประสงค์ต้องเป็น access_request, registration หรือ sign_in",
                    "purpose must be access_request, registration or sign_in"};
}

Checked<std::string> parse_next_route(std::string_view raw, IdentityPurpose purpose) {
  if (raw.empty()) {
    switch (purpose) {
      case IdentityPurpose::access_request: return std::string("/access-request");
      case IdentityPurpose::registration: return std::string("/register");
      case IdentityPurpose::sign_in: return std::string("/");
    }
  }
  // A route of this app only: never a place elsewhere to send the person (or a token) to.
  bool ok = raw.size() <= 200 && raw[0] == '/' && raw.find("//") == std::string_view::npos;
  for (char c : raw)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_');
  if (!ok)
    return FieldError{"next_invalid", "next", "หน้าที่จะกลับไปต้องเป็นหน้าในระบบนี้ เช่น /access-request",
                      "next must be a route of this app, e.g. /access-request"};
  return std::string(raw);
}

Checked<bool> check_id_token_claims(const nlohmann::json& c, const IdTokenExpectations& e) {
  if (!c.is_object()) return identity_failure("identity_claim_missing");
  if (text_claim(c, "iss") != e.issuer) return identity_failure("identity_issuer_wrong");
  bool audience = false;
  auto aud = c.find("aud");
  if (aud != c.end() && aud->is_string()) audience = aud->get<std::string>() == e.client_id;
  if (aud != c.end() && aud->is_array()) {
    for (const auto& a : *aud) audience = audience || (a.is_string() && a.get<std::string>() == e.client_id);
    // Several audiences: the token must have been issued to us (azp).
    if (aud->size() > 1) audience = audience && text_claim(c, "azp") == e.client_id;
  }
  if (!audience) return identity_failure("identity_audience_wrong");
  auto number = [&](const char* name) -> std::optional<std::int64_t> {
    auto it = c.find(name);
    if (it == c.end() || !it->is_number()) return std::nullopt;
    return it->get<std::int64_t>();
  };
  const auto exp = number("exp"), iat = number("iat");
  if (!exp || !iat || text_claim(c, "sub").empty()) return identity_failure("identity_claim_missing");
  if (*exp + e.skew < e.now || *iat + e.max_age + e.skew < e.now) return identity_failure("identity_token_expired");
  if (*iat - e.skew > e.now) return identity_failure("identity_token_not_yet_valid");
  if (e.nonce.empty() || text_claim(c, "nonce") != e.nonce) return identity_failure("identity_nonce_mismatch");
  return true;
}

Checked<ProvenIdentity> proven_identity(std::string_view provider, const nlohmann::json& claims,
                                        std::string_view id_claim) {
  const std::string raw = text_claim(claims, std::string(id_claim).c_str());
  if (raw.empty()) return identity_failure("identity_claim_missing");
  auto id = parse_national_id(raw);
  if (!id) return identity_failure("identity_national_id_invalid");
  ProvenIdentity p{std::string(provider), text_claim(claims, "sub"), id.value(), text_claim(claims, "title"),
                   text_claim(claims, "given_name"), text_claim(claims, "family_name")};
  if (p.title.empty()) p.title = text_claim(claims, "title_th");
  if (p.first_name.empty() || p.last_name.empty()) {
    const std::string name = text_claim(claims, "name");
    const auto space = name.rfind(' ');
    if (space != std::string::npos) {
      p.first_name = trim(name.substr(0, space));
      p.last_name = trim(name.substr(space + 1));
    }
  }
  return p;
}

std::vector<ProviderChoice> parse_provider_choices(const nlohmann::json& list) {
  std::vector<ProviderChoice> out;
  if (!list.is_array()) return out;
  for (const auto& p : list) {
    ProviderChoice c{text_claim(p, "id"), text_claim(p, "name_th"), text_claim(p, "name_en")};
    if (!c.id.empty()) out.push_back(c);
  }
  return out;
}

Checked<IdentitySummary> parse_identity_summary(const nlohmann::json& b) {
  const auto names = b.is_object() ? b.value("names", nlohmann::json::object()) : nlohmann::json();
  IdentitySummary s{text_claim(b, "provider"), text_claim(b, "provider_name_th"), text_claim(b, "provider_name_en"),
                    text_claim(names, "title"), text_claim(names, "first_name"), text_claim(names, "last_name"),
                    text_claim(b, "id_masked")};
  if (b.is_object() && b.contains("expires_in") && b["expires_in"].is_number()) s.expires_in = b["expires_in"].get<std::int64_t>();
  if (s.provider.empty() || s.id_masked.empty()) return identity_token_invalid_error();
  return s;
}

FieldError identity_failure(std::string_view code) {
  static const std::map<std::string_view, std::pair<const char*, const char*>> texts = {
      {"identity_state_invalid",
       {"ลิงก์ยืนยันตัวตนนี้ใช้ไม่ได้แล้ว (หมดเวลาหรือใช้ไปแล้ว) กรุณาเริ่มยืนยันตัวตนใหม่",
        "This identity check link no longer works (it expired or was used). Start the identity check again."}},
      {"identity_denied",
       {"ไม่ได้ยืนยันตัวตนกับผู้ให้บริการ หากต้องการ กรุณาเริ่มใหม่ หรือใช้รหัส OTP ทาง SMS แทน",
        "The identity check was not completed at the provider. Start again, or use the SMS code instead."}},
      {"identity_code_refused",
       {"ผู้ให้บริการยืนยันตัวตนไม่รับรหัสที่ส่งกลับมา (อาจใช้ไปแล้ว) กรุณาเริ่มยืนยันตัวตนใหม่",
        "The identity provider refused the returned code (it may have been used). Start the identity check again."}},
      {"identity_signature_invalid",
       {"ผลการยืนยันตัวตนมีลายมือชื่อดิจิทัลไม่ถูกต้อง ระบบไม่ได้บันทึกอะไร กรุณาเริ่มใหม่ หากยังพบอีกให้แจ้งผู้ดูแลระบบ",
        "The identity proof's digital signature is not valid; nothing was saved. Start again, and tell the administrator if it happens again."}},
      {"identity_token_expired",
       {"ผลการยืนยันตัวตนหมดอายุแล้ว กรุณาเริ่มยืนยันตัวตนใหม่ (และตรวจว่านาฬิกาของเครื่องถูกต้อง)",
        "The identity proof has expired. Start the identity check again (and check this device's clock)."}},
      {"identity_token_not_yet_valid",
       {"ผลการยืนยันตัวตนมีเวลาในอนาคต กรุณาแจ้งผู้ดูแลระบบให้ตรวจนาฬิกาของเซิร์ฟเวอร์",
        "The identity proof is dated in the future. Ask the administrator to check the server's clock."}},
      {"identity_audience_wrong",
       {"ผลการยืนยันตัวตนไม่ได้ออกให้ระบบนี้ ระบบไม่ได้บันทึกอะไร กรุณาเริ่มใหม่",
        "The identity proof was not issued to this system; nothing was saved. Start again."}},
      {"identity_issuer_wrong",
       {"ผลการยืนยันตัวตนไม่ได้มาจากผู้ให้บริการที่เลือก ระบบไม่ได้บันทึกอะไร กรุณาเริ่มใหม่",
        "The identity proof did not come from the chosen provider; nothing was saved. Start again."}},
      {"identity_nonce_mismatch",
       {"ผลการยืนยันตัวตนไม่ตรงกับคำขอนี้ ระบบไม่ได้บันทึกอะไร กรุณาเริ่มใหม่",
        "The identity proof does not belong to this request; nothing was saved. Start again."}},
      {"identity_claim_missing",
       {"ผู้ให้บริการไม่ได้ส่งเลขประจำตัวประชาชนมา กรุณาอนุญาตให้ส่งข้อมูลแล้วเริ่มใหม่ หรือใช้รหัส OTP ทาง SMS",
        "The provider did not send the national ID. Allow it to be shared and start again, or use the SMS code."}},
      {"identity_national_id_invalid",
       {"เลขประจำตัวประชาชนที่ผู้ให้บริการส่งมาไม่ถูกต้อง กรุณาแจ้งผู้ดูแลระบบ",
        "The national ID sent by the provider is not valid. Tell the administrator."}},
      {"identity_provider_unreachable",
       {"ติดต่อผู้ให้บริการยืนยันตัวตนไม่ได้ในขณะนี้ กรุณาลองใหม่อีกครั้งในอีกสักครู่ หรือใช้รหัส OTP ทาง SMS แทน",
        "The identity provider cannot be reached right now. Try again in a few minutes, or use the SMS code instead."}},
      {"identity_no_account",
       {"ยังไม่มีบัญชีผู้ใช้ที่ผูกกับเลขประจำตัวประชาชนนี้ กรุณาเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน หรือขอสิทธิ์ใช้งานก่อน",
        "No account holds this national ID yet. Sign in with your username and password, or ask for access first."}},
      {"identity_several_accounts",
       {"มีหลายบัญชีที่ผูกกับเลขประจำตัวประชาชนนี้ กรุณาเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านของบัญชีที่ต้องการ",
        "Several accounts hold this national ID. Sign in with the username and password of the one you want."}},
  };
  auto it = texts.find(code);
  if (it == texts.end())
    return failure(std::string(code.empty() ? "identity_failed" : code), "ยืนยันตัวตนไม่สำเร็จ ระบบไม่ได้บันทึกอะไร กรุณาเริ่มใหม่",
                   "The identity check did not succeed; nothing was saved. Start again.");
  return failure(std::string(code), it->second.first, it->second.second);
}

FieldError provider_unknown_error(std::string_view provider) {
  return {"provider_unknown", "provider", "ไม่รู้จักผู้ให้บริการยืนยันตัวตน " + std::string(provider),
          "Unknown identity provider " + std::string(provider)};
}

FieldError identity_token_invalid_error() {
  return {"identity_token_invalid", "identity_token",
          "ผลการยืนยันตัวตนนี้ใช้ไม่ได้ (หมดอายุหรือใช้ไปแล้ว) กรุณายืนยันตัวตนใหม่",
          "This identity proof cannot be used (it expired or was used). Prove your identity again."};
}

FieldError identity_already_requested_error() {
  return {"access_request_pending", "identity_token", "บุคคลนี้มีคำขอสิทธิ์ของโรงเรียนนี้ที่รออนุมัติอยู่แล้ว",
          "This person already has a request for this school waiting for approval"};
}

FieldError identity_already_user_error() {
  return {"school_user_exists", "identity_token", "บุคคลนี้เป็นผู้ใช้ของโรงเรียนนี้อยู่แล้ว",
          "This person is already a user of this school"};
}

}  // namespace domain
