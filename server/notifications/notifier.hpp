#pragma once
// Telling people: the in-client notification (written with the change, in the caller's
// transaction) and the SMS to the same people (sent after it commits). KPI reports, local
// education data, registrations and access requests all go through here.
#include <memory>
#include <string>
#include <vector>

#include "server/notifications/notification_store.hpp"
#include "server/sms/sms_gateway.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/accounts/organisation.hpp"
#include "shared/notifications/work_notice.hpp"

namespace server::notifications {

// Work that arrived for an organisation (an institution): a letter to review, a request to decide.
struct Arrival {
  std::string org_code;
  domain::Permission permission;  // the one that does the work
  std::string_view kind;
  domain::NoticeText text;
  std::string link;
};

// The SMS of a recorded arrival, to send once its transaction commits.
struct Outgoing {
  std::vector<std::string> phones;
  std::string text;
};

class Notifier {
 public:
  Notifier(std::shared_ptr<storage::ConnectionPool> pool, std::shared_ptr<sms::SmsGateway> gateway,
           const domain::OrgTree& orgs)
      : pool_(std::move(pool)), gateway_(std::move(gateway)), orgs_(orgs) {}

  // An SMS to the active users with a phone holding `permission` on `org_code`; how many.
  int sms_holders(const std::string& org_code, domain::Permission permission, const std::string& text);
  // An SMS to one active user, if they have a phone.
  void sms_user(std::int64_t user_id, const std::string& text);

  // One notification for each organisation from `a.org_code` up to the root where an active
  // user holds `a.permission` (everyone whose queue shows the work), in the caller's
  // transaction; nobody holding it anywhere: one for the root, for whoever is given it later.
  Outgoing record(storage::Database& db, const Arrival& a) const;
  void send(const Outgoing& out);

 private:
  std::shared_ptr<storage::ConnectionPool> pool_;
  std::shared_ptr<sms::SmsGateway> gateway_;
  const domain::OrgTree& orgs_;
};

}  // namespace server::notifications
