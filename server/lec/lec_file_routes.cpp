#include "server/lec/lec_file_routes.hpp"

namespace server::lec {

namespace files {
void add_import_routes(http::Router& router, const Services& s);  // lec_import_routes.cpp
void add_export_routes(http::Router& router, const Services& s);  // lec_export_routes.cpp
void add_spot_routes(http::Router& router, const Services& s);    // lec_spot_routes.cpp
}  // namespace files

void add_lec_file_routes(http::Router& router, const Services& services) {
  files::add_import_routes(router, services);
  files::add_export_routes(router, services);
  files::add_spot_routes(router, services);
}

}  // namespace server::lec
