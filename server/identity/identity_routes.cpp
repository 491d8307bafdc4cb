#include "server/identity/identity_routes.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/errors.hpp"
#include "shared/identity/oidc.hpp"

namespace server::identity {

namespace {

using nlohmann::json;
namespace bhttp = http::beast::http;

std::string query_text(const http::RequestContext& rq, const char* name) {
  auto p = rq.query.get(name);
  return p && *p ? p->value() : std::string();
}

}  // namespace

void add_identity_routes(http::Router& router, const Config& config, auth::AuditLog& audit,
                         accounts::AccountService& accounts, std::shared_ptr<IdentityService> identities) {
  auto& pool = accounts.db();
  const std::string public_url = config.public_url;
  // Every failure goes back to the client's page that explains it; nothing was created.
  auto failed = [&audit, public_url](const http::RequestContext& rq, const std::string& provider,
                                     const std::string& purpose, const domain::FieldError& why) {
    audit.record({std::nullopt, "identity.refused", "identity:" + provider, rq.client_address,
                  {{"provider", provider}, {"purpose", purpose}, {"code", why.code}}});
    return http::redirect(public_url + "/#/identity-failed?code=" + why.code);
  };

  router.add(http::Verb::get, "/api/v1/auth/providers", http::anyone(), [identities](const http::RequestContext&) {
    json list = json::array();
    for (const auto& p : identities->providers())
      list.push_back({{"id", p.id}, {"name_th", p.name_th}, {"name_en", p.name_en}});
    return http::json_reply(http::Status::ok, list);
  });

  router.add(http::Verb::get, "/api/v1/auth/oidc/{p}/start", http::anyone(),
             [&pool, identities, failed](const http::RequestContext& rq) -> http::Reply {
    const auto& id = rq.params.at("p");
    auto* client = identities->client(id);
    if (!client) return http::error_reply(http::Status::not_found, domain::provider_unknown_error(id));
    auto purpose = domain::parse_identity_purpose(query_text(rq, "purpose"));
    if (!purpose) return http::bad_request(purpose.error());
    auto next = domain::parse_next_route(query_text(rq, "next"), purpose.value());
    if (!next) return http::bad_request(next.error());
    const std::string state = random_url_token(), nonce = random_url_token(), verifier = random_url_token(48);
    auto url = client->authorization_url(state, nonce, pkce_challenge(verifier));
    if (!url) return failed(rq, id, std::string(domain::to_string(purpose.value())), url.error());
    const auto now = auth::unix_now();
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      insert_flow(*db, {auth::token_digest(state), id, std::string(domain::to_string(purpose.value())), next.value(),
                        nonce, identities->seal_text(verifier), now + domain::identity_flow_lifetime}, now);
      tx.commit();
    }
    return http::redirect(url.value());
  }).slow();

  router.add(http::Verb::get, "/api/v1/auth/oidc/{p}/callback", http::anyone(),
             [&pool, &audit, identities, failed, public_url](const http::RequestContext& rq) -> http::Reply {
    const auto& id = rq.params.at("p");
    auto* client = identities->client(id);
    if (!client) return failed(rq, id, "", domain::provider_unknown_error(id));
    const std::string state = query_text(rq, "state"), code = query_text(rq, "code");
    const auto now = auth::unix_now();
    std::optional<Flow> flow;
    if (!state.empty() && state.size() <= 200) {
      auto db = pool.acquire();
      storage::Transaction tx(*db);  // the state is spent whatever follows: a callback works once
      flow = take_flow(*db, auth::token_digest(state), id, now);
      tx.commit();
    }
    if (!flow) return failed(rq, id, "", domain::identity_failure("identity_state_invalid"));
    if (!query_text(rq, "error").empty()) return failed(rq, id, flow->purpose, domain::identity_failure("identity_denied"));
    if (code.empty() || code.size() > 2000)
      return failed(rq, id, flow->purpose, domain::identity_failure("identity_code_refused"));
    const auto verifier = identities->unseal_text(flow->verifier_sealed);
    if (!verifier) return failed(rq, id, flow->purpose, domain::identity_failure("identity_state_invalid"));

    auto claims = client->redeem(code, *verifier, flow->nonce, now);
    if (!claims) return failed(rq, id, flow->purpose, claims.error());
    auto proven = domain::proven_identity(id, claims.value(), client->provider().id_claim);
    if (!proven) return failed(rq, id, flow->purpose, proven.error());
    const auto& person = proven.value();
    const std::string hash = identities->national_id_hash(person.national_id);
    json detail = {{"provider", id}, {"purpose", flow->purpose}, {"subject", person.subject},
                   {"national_id", person.national_id.masked()}};

    if (flow->purpose == domain::to_string(domain::IdentityPurpose::sign_in)) {
      std::vector<std::int64_t> users;
      std::optional<auth::NewSession> session;
      {
        auto db = pool.acquire();
        storage::Transaction tx(*db);
        users = active_users_with_national_id(*db, hash);
        if (users.size() == 1)
          session = auth::create_session(*db, users.front(), rq.client_address, rq.request[bhttp::field::user_agent], now);
        tx.commit();
      }  // closed before the audit entry of a refusal is written
      if (users.empty()) return failed(rq, id, flow->purpose, domain::identity_failure("identity_no_account"));
      if (!session) return failed(rq, id, flow->purpose, domain::identity_failure("identity_several_accounts"));
      audit.record({users.front(), "identity.proved", "user:" + std::to_string(users.front()), rq.client_address, detail});
      audit.record({users.front(), "sign_in", "user:" + std::to_string(users.front()), rq.client_address,
                    {{"method", "oidc"}, {"provider", id}}});
      auto reply = http::redirect(public_url + "/#" + flow->next_route);
      std::get<http::StringResponse>(reply).set(bhttp::field::set_cookie, auth::session_cookie(session->token));
      return reply;
    }

    const std::string token = random_url_token();
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      insert_proof(*db, {auth::token_digest(token), id, person.subject, flow->purpose, hash,
                         identities->seal(person.national_id), person.national_id.masked(), person.title,
                         person.first_name, person.last_name, now, now + domain::identity_token_lifetime});
      tx.commit();
    }
    audit.record({std::nullopt, "identity.proved", "identity:" + id, rq.client_address, detail});
    return http::redirect(public_url + "/#" + flow->next_route + "?identity_token=" + token);
  }).slow();

  router.add(http::Verb::get, "/api/v1/auth/identity/{token}", http::anyone(),
             [&pool, identities](const http::RequestContext& rq) -> http::Reply {
    const auto now = auth::unix_now();
    auto db = pool.acquire();
    auto proof = find_proof(*db, auth::token_digest(rq.params.at("token")), now);
    if (!proof) return http::error_reply(http::Status::not_found, domain::identity_token_invalid_error());
    // A proof outlives a provider taken out of the configuration: then its id.
    const auto* client = identities->client(proof->provider);
    const std::string name_th = client ? client->provider().name_th : proof->provider;
    const std::string name_en = client ? client->provider().name_en : proof->provider;
    return http::json_reply(http::Status::ok,
                            {{"provider", proof->provider}, {"provider_name_th", name_th}, {"provider_name_en", name_en},
                             {"purpose", proof->purpose},
                             {"names", {{"title", proof->title}, {"first_name", proof->first_name}, {"last_name", proof->last_name}}},
                             {"id_masked", proof->id_masked}, {"expires_in", proof->expires_at - now}});
  });
}

}  // namespace server::identity
