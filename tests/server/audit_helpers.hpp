#pragma once
// What the audit tests share: a real JPEG, the newest audit row of an action, the demo
// users' ids, and today in Thailand as the filters take it.
#include <nlohmann/json.hpp>
#include <string>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

namespace test_server {

std::string small_jpeg();
// The newest row of `action`: {"actor", "address", "org", "target", "detail"}; null when none.
nlohmann::json last_audit(const ServerProcess& server, const std::string& action);
std::int64_t user_id(const ServerProcess& server, const std::string& username);
std::string thai_today(int days_from_now = 0);  // "YYYY-MM-DD"

}  // namespace test_server
