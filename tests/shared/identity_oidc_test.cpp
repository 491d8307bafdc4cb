// The relying party's rules on an ID token's claims and on what they prove (shared/identity/oidc).
#include <catch2/catch.hpp>

#include "shared/identity/oidc.hpp"

using namespace domain;
using nlohmann::json;

namespace {

const IdTokenExpectations expect{"https://imauth.bora.dopa.go.th", "school-client", "n-0S6_WzA2Mj", 1'700'000'000};

json good_claims() {
  return {{"iss", expect.issuer}, {"aud", expect.client_id}, {"sub", "u-17"}, {"nonce", expect.nonce},
          {"exp", expect.now + 300}, {"iat", expect.now - 10}, {"pid", "1101700230708"}, {"title", "นาย"},
          {"given_name", "สมชาย"}, {"family_name", "ใจดี"}};
}

std::string refusal(const json& claims) {
  auto r = check_id_token_claims(claims, expect);
  return r ? std::string("accepted") : r.error().code;
}

}  // namespace

TEST_CASE("an ID token's claims: issuer, audience, times and nonce", "[identity][oidc]") {
  CHECK(refusal(good_claims()) == "accepted");
  auto c = good_claims();
  c["iss"] = "https://evil.example";
  CHECK(refusal(c) == "identity_issuer_wrong");
  c = good_claims();
  c["aud"] = "someone-else";
  CHECK(refusal(c) == "identity_audience_wrong");
  c["aud"] = json::array({"someone-else", expect.client_id});  // several audiences need azp = us
  CHECK(refusal(c) == "identity_audience_wrong");
  c["azp"] = expect.client_id;
  CHECK(refusal(c) == "accepted");
  c = good_claims();
  c["exp"] = expect.now - expect.skew - 1;
  CHECK(refusal(c) == "identity_token_expired");
  c["exp"] = expect.now - expect.skew + 1;  // within the tolerated clock difference
  CHECK(refusal(c) == "accepted");
  c = good_claims();
  c["iat"] = expect.now - expect.max_age - expect.skew - 1;  // issued too long ago
  CHECK(refusal(c) == "identity_token_expired");
  c["iat"] = expect.now + expect.skew + 5;
  CHECK(refusal(c) == "identity_token_not_yet_valid");
  c = good_claims();
  c["nonce"] = "another";
  CHECK(refusal(c) == "identity_nonce_mismatch");
  c.erase("nonce");
  CHECK(refusal(c) == "identity_nonce_mismatch");
  c = good_claims();
  c.erase("exp");
  CHECK(refusal(c) == "identity_claim_missing");
  c = good_claims();
  c["sub"] = "";
  CHECK(refusal(c) == "identity_claim_missing");
}

TEST_CASE("what the claims prove: the national ID and the names", "[identity][oidc]") {
  auto p = proven_identity("thaid", good_claims(), "pid");
  REQUIRE(p);
  CHECK(p.value().national_id.masked() == "1-1017-xxxxx-xx-8");
  CHECK(p.value().first_name == "สมชาย");
  CHECK(p.value().last_name == "ใจดี");
  CHECK(p.value().title == "นาย");
  CHECK(p.value().subject == "u-17");

  auto c = good_claims();
  c.erase("given_name"), c.erase("family_name");
  c["name"] = "สมชาย ใจดี";
  REQUIRE(proven_identity("thaid", c, "pid"));
  CHECK(proven_identity("thaid", c, "pid").value().last_name == "ใจดี");

  CHECK(proven_identity("thaid", good_claims(), "citizen_id").error().code == "identity_claim_missing");
  c = good_claims();
  c["pid"] = "1101700230706";  // wrong check digit
  CHECK(proven_identity("thaid", c, "pid").error().code == "identity_national_id_invalid");
}

TEST_CASE("provider settings from the environment", "[identity][oidc]") {
  auto p = parse_identity_provider({"thaid", "https://imauth.bora.dopa.go.th/", "id", "secret", "", "", ""});
  REQUIRE(p);
  CHECK(p.value().issuer == "https://imauth.bora.dopa.go.th");
  CHECK(p.value().id_claim == "pid");
  CHECK(p.value().name_en == "ThaID");
  CHECK(oidc_redirect_uri("https://school.example", "thaid") == "https://school.example/api/v1/auth/oidc/thaid/callback");
  CHECK(parse_identity_provider({"thaid", "http://127.0.0.1:9400", "id", "secret", "", "", ""}));
  auto plain = parse_identity_provider({"thaid", "http://idp.example", "id", "secret", "", "", ""});
  REQUIRE_FALSE(plain);
  CHECK(plain.error().field == "OIDC_THAID_ISSUER");
  CHECK(plain.error().message_th.find("https://") != std::string::npos);
  CHECK(parse_identity_provider({"thaid", "https://idp.example", "", "secret", "", "", ""}).error().field ==
        "OIDC_THAID_CLIENT_ID");
  CHECK(parse_identity_provider({"thaid", "https://idp.example", "id", "", "", "", ""}).error().field ==
        "OIDC_THAID_CLIENT_SECRET");
  CHECK(parse_identity_provider({"thaid", "https://idp.example", "id", "s", "", "pid profile", ""}).value().scopes ==
        "openid pid profile");
}

TEST_CASE("the route a proof comes back to stays inside the app", "[identity][oidc]") {
  CHECK(parse_next_route("", IdentityPurpose::access_request).value() == "/access-request");
  CHECK(parse_next_route("", IdentityPurpose::sign_in).value() == "/");
  CHECK(parse_next_route("/kpi/school", IdentityPurpose::sign_in).value() == "/kpi/school");
  for (const char* bad : {"//evil.example", "https://evil.example", "/a?b=c", "kpi", "/a/../b", "/a b"})
    CHECK_FALSE(parse_next_route(bad, IdentityPurpose::sign_in));
  CHECK(parse_identity_purpose("registration").value() == IdentityPurpose::registration);
  CHECK(parse_identity_purpose("admin").error().field == "purpose");
}

TEST_CASE("every failure says what to do next, in Thai and English", "[identity][oidc]") {
  for (const char* code : {"identity_state_invalid", "identity_code_refused", "identity_signature_invalid",
                           "identity_token_expired", "identity_audience_wrong", "identity_issuer_wrong",
                           "identity_nonce_mismatch", "identity_provider_unreachable", "identity_no_account",
                           "identity_claim_missing", "identity_denied", "identity_several_accounts"}) {
    auto e = identity_failure(code);
    CHECK(e.code == code);
    CHECK_FALSE(e.message_th.empty());
    CHECK(e.message_en.find("identity check did not succeed") == std::string::npos);  // its own message
  }
  CHECK(identity_failure("made_up").message_en.find("Start again") != std::string::npos);
}

TEST_CASE("the client reads the proof and the providers", "[identity][oidc]") {
  auto s = parse_identity_summary({{"provider", "thaid"}, {"provider_name_th", "ThaID"}, {"provider_name_en", "ThaID"},
                                   {"names", {{"title", "นาย"}, {"first_name", "สมชาย"}, {"last_name", "ใจดี"}}},
                                   {"id_masked", "1-1017-xxxxx-xx-8"}, {"expires_in", 1700}});
  REQUIRE(s);
  CHECK(s.value().first_name == "สมชาย");
  CHECK(s.value().expires_in == 1700);
  CHECK_FALSE(parse_identity_summary({{"provider", "thaid"}}));
  auto list = parse_provider_choices(json::array({{{"id", "thaid"}, {"name_th", "ThaID"}, {"name_en", "ThaID"}}, {{"x", 1}}}));
  REQUIRE(list.size() == 1);
  CHECK(list[0].id == "thaid");
}
