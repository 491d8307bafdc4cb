#pragma once
// Proving who one is with an identity provider (ThaID), first on a form: the providers'
// buttons leave the app for the provider (GET /api/v1/auth/oidc/{p}/start); the provider
// sends the person back to the form's route with ?identity_token=, whose proof (names,
// masked national ID) is read from GET /api/v1/auth/identity/{token} and shown. With no
// provider configured, it says that the SMS code is the way in force.
#include <optional>
#include <string>
#include <vector>

#include "shared/identity/oidc.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"

namespace accounts {

class IdentityStep {
 public:
  // `next`: the route the provider sends the person back to ("/access-request").
  IdentityStep(std::string id, domain::IdentityPurpose purpose, std::string next)
      : id_(std::move(id)), purpose_(purpose), next_(std::move(next)) {}

  // "#/kpi/school" (a route string): where to come back to; one the server would refuse
  // (a query, say) becomes the purpose's own screen.
  void set_next(std::string_view route);
  // Loads the providers once; takes ?identity_token= from the route.
  void open(app::Context& ctx, const app::Route& route);
  // The buttons (or the SMS note) before a proof, the proof after.
  void draw(app::Context& ctx);
  // Provider buttons only ("sign in with ThaID"): nothing when none is configured.
  void draw_buttons(app::Context& ctx, const ui::Text& label);
  const std::string& token() const { return token_; }  // empty until proved
  const std::optional<domain::IdentitySummary>& proved() const { return proved_; }
  void reset();

 private:
  std::string id_;
  domain::IdentityPurpose purpose_;
  std::string next_, token_;
  std::vector<domain::ProviderChoice> providers_;
  bool providers_loaded_ = false, checking_ = false;
  std::optional<domain::IdentitySummary> proved_;
  api::FormErrors errors_;
  api::Pending providers_pending_, proof_pending_;
};

}  // namespace accounts
