#pragma once
// Where SMS messages go: the outbox (development and tests: recorded in SQLite, readable
// through GET /api/v1/dev/outbox) or an HTTP gateway (production). A failed send is
// reported to the caller, never thrown away.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "server/storage/connection_pool.hpp"

namespace server::sms {

struct SmsMessage {
  std::string phone;  // normalised 10 digits, "0812345678"
  std::string text;
};

struct SendResult {
  bool ok = false;
  std::string detail;  // the gateway's answer or why it failed (for the log; no message text)
  explicit operator bool() const { return ok; }
};

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  virtual SendResult send(const SmsMessage& message) = 0;
};

struct OutboxEntry {
  std::string phone, text, sent_at;  // sent_at: ISO 8601 UTC
};

// Records every message in the sms_outbox table instead of sending it.
class OutboxGateway final : public SmsGateway {
 public:
  explicit OutboxGateway(storage::ConnectionPool& pool) : pool_(pool) {}
  SendResult send(const SmsMessage& message) override;
  // Newest first; phone empty = all numbers.
  std::vector<OutboxEntry> list(const std::string& phone, int limit = 100);

 private:
  storage::ConnectionPool& pool_;
};

// An HTTP(S) SMS service. The body template gets {msisdn} (66XXXXXXXXX), {phone}
// (0XXXXXXXXX), {message} and {sender}, each form-encoded; the default is ThaiBulkSMS's
// `POST /sms` shape with Basic auth.
struct HttpGatewayConfig {
  std::string url;  // e.g. https://api-v2.thaibulksms.com/sms
  std::string username, password;  // Basic auth; empty username = none
  std::string sender = "SCHOOL";
  std::string body_template = "msisdn={msisdn}&message={message}&sender={sender}";
  std::string content_type = "application/x-www-form-urlencoded";
  std::chrono::milliseconds timeout{5000};  // per attempt, connect and transfer together
  int attempts = 3;                         // connection errors, time-outs and 5xx are retried
  std::chrono::milliseconds retry_pause{300};
};

class HttpGateway final : public SmsGateway {
 public:
  explicit HttpGateway(HttpGatewayConfig config);
  SendResult send(const SmsMessage& message) override;
  std::string body_for(const SmsMessage& message) const;  // the request body sent

 private:
  HttpGatewayConfig config_;
};

// Production without a configured gateway: every send fails (the caller answers 503).
class UnconfiguredGateway final : public SmsGateway {
 public:
  SendResult send(const SmsMessage&) override { return {false, "no SMS gateway configured (SMS_GATEWAY_URL)"}; }
};

}  // namespace server::sms
