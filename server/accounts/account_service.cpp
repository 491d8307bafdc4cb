#include "server/accounts/account_service.hpp"

#include <sodium.h>

#include <stdexcept>

#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "shared/accounts/sign_in_policy.hpp"
#include "shared/password/password_policy.hpp"

namespace server::accounts {

namespace {

using domain::Permission;

DemoAccount demo(std::string username, std::string password, std::string org, std::vector<Permission> perms,
                 domain::Profile profile) {
  DemoAccount a{std::move(username), std::move(password), org, {}, std::move(profile)};
  for (auto p : perms) a.grants.push_back({p, org});
  return a;
}

}  // namespace

const std::vector<DemoAccount>& demo_accounts() {
  // Invented people; phones in the 0800-000-0xx demo range.
  static const std::vector<DemoAccount> all = {
      demo("centre.reviewer", "Khao-Niao-Ma-Muang-7", "0000000000",
           {Permission::registrations_review, Permission::view},
           {"นาง", "สมศรี", "ตรวจดี", "นักวิชาการศึกษา", "0800000001", "centre.reviewer@example.org"}),
      demo("centre.admin", "Tom-Yum-Goong-Nam-Sai-9", "0000000000", {Permission::users_manage, Permission::view},
           {"นาย", "ประเสริฐ", "ดูแลระบบ", "ผู้ดูแลระบบ", "0800000002", "centre.admin@example.org"}),
      demo("area.admin", "Som-Tam-Thai-Pla-Ra-3", "1040000001", {Permission::users_manage, Permission::view},
           {"นาย", "วิชัย", "จัดการดี", "นักวิชาการคอมพิวเตอร์", "0800000003", "area.admin@example.org"}),
      demo("area.kpi", "Kaeng-Khiao-Wan-Kai-5", "1040000001", {Permission::kpi_manage, Permission::view},
           {"นางสาว", "มาลี", "วัดผล", "ศึกษานิเทศก์", "0800000004", "area.kpi@example.org"}),
      demo("area.reviewer", "Phat-Kaphrao-Mu-Sap-8", "1040000001",
           {Permission::report_review, Permission::registrations_review, Permission::view},
           {"นาง", "อรุณี", "ประเมินงาน", "ศึกษานิเทศก์", "0800000005", "area.reviewer@example.org"}),
      demo("1010720001", "Nong-Bua-School-Demo-1", "1010720001", {Permission::report_submit, Permission::view},
           {"นาย", "สมชาย", "ใจดี", "ครู", "0800000011", "nongbua@example.org"}),
      demo("1040010001", "Don-Thong-School-Demo-2", "1040010001", {Permission::report_submit, Permission::view},
           {"นางสาว", "สุดา", "ทองดี", "ครู", "0800000012", "donthong@example.org"}),
      demo("1040010002", "Anuban-Khon-Kaen-Demo-3", "1040010002", {Permission::report_submit, Permission::view},
           {"นาง", "พรทิพย์", "รักเรียน", "ผู้อำนวยการโรงเรียน", "0800000013", "anuban@example.org"}),
      // Local education data: the whole chain department -> province -> LGO -> institution.
      demo("dla.officer", "Kuay-Tiew-Reua-Krom-6", "5000000000", {Permission::view, Permission::data_confirm},
           {"นาง", "วรรณา", "ท้องถิ่นดี", "นักวิชาการศึกษา", "0800000021", "dla.officer@example.org"}),
      demo("province.officer", "Gai-Yang-Pak-Nam-Demo-2", "5011000000", {Permission::view, Permission::data_confirm},
           {"นาย", "ธนพล", "ปากน้ำ", "นักวิชาการศึกษา", "0800000022", "province.officer@example.org"}),
      demo("lgo.bangprong", "Pla-Too-Bang-Prong-4", "5011011100",
           {Permission::view, Permission::children_edit, Permission::data_confirm},
           {"นางสาว", "กนกพร", "บางโปรง", "นักวิชาการศึกษา", "0800000023", "lgo.bangprong@example.org"}),
      demo("lgo.bangyaphraek", "Hoy-Tod-Ya-Phraek-Demo-5", "5011040500",
           {Permission::view, Permission::children_edit, Permission::data_confirm},
           {"นาย", "สุรชัย", "หญ้าแพรก", "นักวิชาการศึกษา", "0800000024", "lgo.bangyaphraek@example.org"}),
      demo("5110111001", "Sri-Suttharam-Centre-7", "5110111001",
           {Permission::view, Permission::children_edit, Permission::data_confirm},
           {"นาง", "สมใจ", "รักเด็ก", "ครูผู้ดูแลเด็ก", "0800000031", "srisuttharam@example.org"}),
      demo("5110405001", "Wat-Ban-Rai-Centre-8", "5110405001",
           {Permission::view, Permission::children_edit, Permission::data_confirm},
           {"นางสาว", "ปราณี", "ใจงาม", "ครูผู้ดูแลเด็ก", "0800000032", "banrai@example.org"}),
      demo("5110405002", "Thetsaban-Sam-School-9", "5110405002",
           {Permission::view, Permission::children_edit, Permission::data_confirm},
           {"นาย", "อนุชา", "สอนดี", "ผู้อำนวยการสถานศึกษา", "0800000033", "thetsaban3@example.org"}),
  };
  return all;
}

std::string generate_password() {
  static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (;;) {
    std::string p;
    for (int i = 0; i < 16; ++i) {
      if (i > 0 && i % 4 == 0) p.push_back('-');
      p.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
    }
    // Chance runs like "abcd" or "2345" would be refused by the policy: draw again.
    if (!domain::check_password(p)) return p;
  }
}

std::string AccountService::issue_password(std::int64_t user_id, std::optional<std::int64_t> actor,
                                           const std::string& client_address) {
  const auto password = generate_password();
  const auto hash = auth::hash_password(password);
  const auto now = auth::unix_now();
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto u = find_user(*db, user_id);
  if (!u) throw std::logic_error("issue_password: no user " + std::to_string(user_id));
  u->password_hash = hash;
  u->status = UserStatus::active;
  u->must_change_password = true;
  // A new person may be taking over the account: they give their own details.
  u->must_complete_profile = true;
  u->password_expires_at = now + domain::issued_password_lifetime;
  update_user(*db, *u, now);
  auth::delete_user_sessions(*db, u->id);
  tx.commit();
  audit_.record({actor, "user.issue_password", "user:" + std::to_string(user_id), client_address, nlohmann::json::object()});
  return password;
}

int AccountService::seed_demo_accounts() {
  int added = 0;
  const auto now = auth::unix_now();
  for (const auto& a : demo_accounts()) {
    {
      auto db = db_.acquire();
      if (find_user(*db, a.username)) continue;
    }
    if (auto problem = domain::check_password(a.password, a.username))
      throw std::logic_error("demo password of " + a.username + ": " + problem->message_en);
    UserRecord u;
    u.username = a.username;
    u.password_hash = auth::hash_password(a.password);  // outside the transaction: it takes a while
    u.status = UserStatus::active;
    u.org_code = a.org_code;
    u.profile = a.profile;
    u.grants = a.grants;
    auto db = db_.acquire();
    storage::Transaction tx(*db);
    if (find_user(*db, a.username)) continue;  // another process seeded it meanwhile
    const auto id = insert_user(*db, u, now);
    tx.commit();
    audit_.record({std::nullopt, "user.create", "user:" + std::to_string(id), "", {{"reason", "demo account"}}});
    ++added;
  }
  return added;
}

std::string AccountService::issue_activation(const AccountHolder& h, std::optional<std::int64_t> actor) {
  const auto now = auth::unix_now();
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto existing = find_user(*db, h.username);
  UserRecord u = existing ? *existing : UserRecord{};
  u.username = h.username;
  u.password_hash.clear();  // the new holder chooses a password through the link
  u.status = UserStatus::pending;
  u.org_code = h.org_code;
  u.profile = {h.title, h.first_name, h.last_name, h.position, h.phone, h.email};
  u.must_change_password = false;
  u.must_complete_profile = false;
  u.password_expires_at.reset();
  u.grants = h.grants;
  if (existing) {
    update_user(*db, u, now);
    auth::delete_user_sessions(*db, u.id);  // the previous holder is signed out
  } else {
    u.id = insert_user(*db, u, now);
  }
  auto token = issue_token(*db, TokenPurpose::activation, u.id, now, domain::activation_link_lifetime);
  tx.commit();
  audit_.record({actor, existing ? "user.reissue_activation" : "user.create", "user:" + std::to_string(u.id), "",
                 {{"org_code", u.org_code}, {"activation", true}}});
  return token;
}

AccountService::Renewal AccountService::renew_activation(const std::string& username, std::optional<std::int64_t> actor) {
  using Outcome = Renewal::Outcome;
  const auto now = auth::unix_now();
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto u = find_user(*db, username);
  if (!u) return {};
  if (u->status != UserStatus::pending || !u->password_hash.empty()) return {Outcome::already_active};
  const auto expiry = unused_token_expiry(*db, u->id, TokenPurpose::activation);
  if (expiry && *expiry > now) return {Outcome::link_still_valid, "", *expiry - now};
  Renewal r{Outcome::renewed, issue_token(*db, TokenPurpose::activation, u->id, now, domain::activation_link_lifetime)};
  tx.commit();
  audit_.record({actor, "user.renew_activation", "user:" + std::to_string(u->id), "", {{"org_code", u->org_code}}});
  return r;
}

nlohmann::json AccountService::user_json(const UserRecord& u) const {
  const auto* org = orgs_.find(u.org_code);
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name()},
          {"org_code", u.org_code},
          {"org_name", org ? org->name_th : ""},
          {"status", to_string(u.status)},
          {"school_user", u.school_user},
          {"profile", u.profile},
          {"grants", u.grants}};
}

}  // namespace server::accounts
