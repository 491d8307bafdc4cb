#pragma once
// GET /api/v1/institutions?code=&q=&affiliation=&province=&limit= : the directory search
// behind the first registration step ("find your institution").
#include "server/http/router.hpp"
#include "server/storage/storage.hpp"

namespace server::directory {

constexpr int default_search_limit = 50;
constexpr int max_search_limit = 200;

// The query parameters as a store search, or the first bad one (field = parameter name).
domain::Checked<storage::InstitutionSearch> parse_institution_search(const http::Query& query);

void add_directory_routes(http::Router& router, storage::InstitutionStore& institutions);

}  // namespace server::directory
