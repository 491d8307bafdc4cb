#include "shared/accounts/rate_limit.hpp"

namespace domain {

std::string wait_th(std::int64_t seconds) {
  const auto minutes = seconds / 60, rest = seconds % 60;
  if (minutes == 0) return std::to_string(rest) + " วินาที";
  if (rest == 0) return std::to_string(minutes) + " นาที";
  return std::to_string(minutes) + " นาที " + std::to_string(rest) + " วินาที";
}

std::string wait_en(std::int64_t seconds) {
  const auto minutes = seconds / 60, rest = seconds % 60;
  if (minutes == 0) return std::to_string(rest) + " s";
  if (rest == 0) return std::to_string(minutes) + " min";
  return std::to_string(minutes) + " min " + std::to_string(rest) + " s";
}

FieldError rate_limited(std::int64_t retry_after_seconds, std::string field) {
  return {"rate_limited", std::move(field),
          "ทำรายการบ่อยเกินไป กรุณารอ " + wait_th(retry_after_seconds) + " แล้วลองใหม่",
          "Too many attempts. Please wait " + wait_en(retry_after_seconds) + " and try again."};
}

RateDecision decide_wait(std::int64_t retry_after_seconds, std::string field) {
  if (retry_after_seconds <= 0) return {};
  return {retry_after_seconds, rate_limited(retry_after_seconds, std::move(field))};
}

int count_recent(const std::vector<std::int64_t>& times, std::int64_t now, std::int64_t window) {
  int n = 0;
  for (auto t : times)
    if (t > now - window && t <= now) ++n;
  return n;
}

}  // namespace domain
