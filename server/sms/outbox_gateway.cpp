#include "server/sms/sms_gateway.hpp"

namespace server::sms {

SendResult OutboxGateway::send(const SmsMessage& message) {
  auto db = pool_.acquire();
  db->prepare("INSERT INTO sms_outbox (phone, text) VALUES (?, ?)").bind(1, message.phone).bind(2, message.text).run();
  return {true, "outbox"};
}

std::vector<OutboxEntry> OutboxGateway::list(const std::string& phone, int limit) {
  auto db = pool_.acquire();
  auto q = db->prepare(
      "SELECT phone, text, sent_at FROM sms_outbox WHERE (?1 = '' OR phone = ?1) ORDER BY id DESC LIMIT ?2");
  q.bind(1, phone).bind(2, std::int64_t{limit});
  std::vector<OutboxEntry> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

}  // namespace server::sms
