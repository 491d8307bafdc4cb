#include "server/notifications/notifier.hpp"

#include <set>

namespace server::notifications {

int Notifier::sms_holders(const std::string& org_code, domain::Permission permission, const std::string& text) {
  std::vector<std::string> phones;
  {
    auto db = pool_->acquire();
    phones = holder_phones(*db, org_code, permission);
  }
  for (const auto& phone : phones) gateway_->send({phone, text});
  return static_cast<int>(phones.size());
}

void Notifier::sms_user(std::int64_t user_id, const std::string& text) {
  std::string phone;
  {
    auto db = pool_->acquire();
    phone = user_phone(*db, user_id);
  }
  if (!phone.empty()) gateway_->send({phone, text});
}

Outgoing Notifier::record(storage::Database& db, const Arrival& a) const {
  auto path = orgs_.path_to_root(a.org_code);
  if (path.empty()) path = orgs_.roots();  // not (yet) in the tree: the centre
  auto to = orgs_with_holders(db, path, a.permission);
  if (to.empty() && !path.empty()) to.push_back(path.back());
  Outgoing out{{}, a.text.th};
  std::set<std::string> phones;
  for (const auto& org : to) {
    add(db, {org, a.permission, std::string(a.kind), a.text.th, a.text.en, a.link});
    for (auto& phone : holder_phones(db, org, a.permission))
      if (phones.insert(phone).second) out.phones.push_back(std::move(phone));
  }
  return out;
}

void Notifier::send(const Outgoing& out) {
  for (const auto& phone : out.phones) gateway_->send({phone, out.text});
}

}  // namespace server::notifications
