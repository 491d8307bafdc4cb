#include "server/config.hpp"

#include "shared/core/text.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <thread>

namespace server {

const char* const usage_text =
    "usage:\n"
    "  school-server [--site DIR] [--assets DIR] [--mode development|production]\n"
    "                [--tls-cert CERT.pem --tls-key KEY.pem]   (HTTPS, TLS 1.2+)\n"
    "                [--key-file FILE] [--new-installation] [--database postgresql://...]\n"
    "  school-server import-institutions FILE.csv\n"
    "  school-server migrate-to-postgres --database postgresql://...   (copies DATA_DIR/school.db)\n"
    "environment: PORT (8080), BIND (0.0.0.0), DATA_DIR (./data), THREADS (2..4),\n"
    "  DATABASE_URL (as --database: postgresql://user:password@host/db; default the SQLite\n"
    "  file DATA_DIR/school.db),\n"
    "  TRUSTED_PROXY (addresses of reverse proxies), PUBLIC_URL (http://localhost:PORT),\n"
    "  TLS_CERT, TLS_KEY (as --tls-cert, --tls-key), SERVER_KEY_FILE (as --key-file;\n"
    "  default DATA_DIR/server.key), MIN_FREE_MB (16: /api/v1/health degraded below), NEW_INSTALLATION=1 (as --new-installation: a new server\n"
    "  key even though the database holds values sealed with a lost one),\n"
    "  HEADER_TIMEOUT (10 s), IDLE_TIMEOUT (15 s), WRITE_STALL_TIMEOUT (30 s), BODY_MIN_RATE (16384 bytes/s),\n"
    "  MAX_CONNECTIONS (descriptor limit less a reserve), MAX_CONNECTIONS_PER_ADDRESS (128),\n"
    "  OIDC_<P>_ISSUER, OIDC_<P>_CLIENT_ID, OIDC_<P>_CLIENT_SECRET, OIDC_<P>_ID_CLAIM (pid),\n"
    "  OIDC_<P>_SCOPES (openid pid profile), OIDC_<P>_NAME: an OpenID provider <P>, e.g. THAID\n";

std::string_view to_string(Mode m) { return m == Mode::development ? "development" : "production"; }

namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

bool parse_unsigned(std::string_view s, unsigned long max, unsigned long& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && out <= max;
}

}  // namespace

std::variant<Invocation, std::string> parse_invocation(const std::vector<std::string>& args) {
  Invocation inv{Serve{}, Config{}};
  Config& c = inv.config;
  c.threads = std::clamp(std::thread::hardware_concurrency(), 2u, 4u);

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--help" || a == "-h") {
      inv.command = ShowUsage{};
    } else if (a == "--new-installation") {
      c.new_installation = true;
    } else if (a == "--site" || a == "--assets" || a == "--mode" || a == "--tls-cert" || a == "--tls-key" ||
               a == "--key-file" || a == "--database") {
      const std::string* v = value();
      if (!v) return a + " needs a value";
      if (a == "--site") c.site_dir = *v;
      if (a == "--assets") c.assets_dir = *v;
      if (a == "--tls-cert") c.tls_cert = *v;
      if (a == "--tls-key") c.tls_key = *v;
      if (a == "--key-file") c.key_file = *v;
      if (a == "--database") c.database_url = *v;
      if (a == "--mode") {
        if (*v == "development") c.mode = Mode::development;
        else if (*v == "production") c.mode = Mode::production;
        else return "--mode must be development or production, not '" + *v + "'";
      }
    } else if (a == "migrate-to-postgres" && i == 0) {
      inv.command = MigrateToPostgres{};
    } else if (a == "import-institutions" && i == 0) {
      const std::string* v = value();
      if (!v) return "import-institutions needs a CSV file";
      inv.command = ImportInstitutions{*v};
    } else {
      return "unknown argument '" + a + "'";
    }
  }

  unsigned long n = 0;
  if (const char* p = env("PORT")) {
    if (!parse_unsigned(p, 65535, n)) return std::string("PORT must be a number 0..65535, not '") + p + "'";
    c.port = static_cast<std::uint16_t>(n);
  }
  if (const char* t = env("THREADS")) {
    if (!parse_unsigned(t, 64, n) || n == 0) return std::string("THREADS must be 1..64, not '") + t + "'";
    c.threads = static_cast<unsigned>(n);
  }
  if (const char* m = env("MIN_FREE_MB")) {
    if (!parse_unsigned(m, 1ul << 40, n)) return std::string("MIN_FREE_MB must be a number of MB, not '") + m + "'";
    c.min_free_mb = n;
  }
  struct Number { const char* name; unsigned long min, max; const char* unit; std::uint64_t* out; };
  std::uint64_t header_timeout = c.header_timeout_s, idle_timeout = c.idle_timeout_s,
                write_stall_timeout = c.write_stall_timeout_s;
  for (const Number& v : {Number{"HEADER_TIMEOUT", 1, 3600, "seconds", &header_timeout},
                          Number{"IDLE_TIMEOUT", 1, 3600, "seconds", &idle_timeout},
                          Number{"WRITE_STALL_TIMEOUT", 1, 3600, "seconds", &write_stall_timeout},
                          Number{"BODY_MIN_RATE", 1, 1ul << 30, "bytes per second", &c.body_min_rate},
                          Number{"MAX_CONNECTIONS", 1, 10'000'000, "connections", &c.max_connections},
                          Number{"MAX_CONNECTIONS_PER_ADDRESS", 1, 10'000'000, "connections",
                                 &c.max_connections_per_address}}) {
    const char* text = env(v.name);
    if (!text) continue;
    if (!parse_unsigned(text, v.max, n) || n < v.min)
      return std::string(v.name) + " must be " + std::to_string(v.min) + ".." + std::to_string(v.max) + " " + v.unit +
             ", not '" + text + "'";
    *v.out = n;
  }
  c.header_timeout_s = static_cast<unsigned>(header_timeout);
  c.idle_timeout_s = static_cast<unsigned>(idle_timeout);
  c.write_stall_timeout_s = static_cast<unsigned>(write_stall_timeout);
  if (const char* b = env("BIND")) c.bind = b;
  if (const char* d = env("DATA_DIR")) c.data_dir = d;
  if (const char* u = env("DATABASE_URL"); u && c.database_url.empty()) c.database_url = u;
  if (const char* t = env("TRUSTED_PROXY")) c.trusted_proxies = t;
  if (const char* k = env("SERVER_KEY_FILE"); k && c.key_file.empty()) c.key_file = k;
  if (const char* n = env("NEW_INSTALLATION")) {
    if (std::string_view(n) == "1") c.new_installation = true;
    else if (std::string_view(n) != "0") return std::string("NEW_INSTALLATION must be 1 or 0, not '") + n + "'";
  }
  if (const char* t = env("TLS_CERT"); t && c.tls_cert.empty()) c.tls_cert = t;
  if (const char* k = env("TLS_KEY"); k && c.tls_key.empty()) c.tls_key = k;
  if (c.tls_cert.empty() != c.tls_key.empty())
    return "HTTPS needs both --tls-cert and --tls-key (or TLS_CERT and TLS_KEY)";
  if (const char* u = env("PUBLIC_URL")) {
    c.public_url = u;
    while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
    if (c.public_url.rfind("http://", 0) != 0 && c.public_url.rfind("https://", 0) != 0)
      return std::string("PUBLIC_URL must start with http:// or https://, not '") + u + "'";
  }
  // OpenID providers: every OIDC_<P>_ISSUER in the environment names one.
  for (char** e = environ; *e; ++e) {
    std::string_view var(*e);
    const auto eq = var.find('=');
    const auto name = var.substr(0, eq);
    if (name.substr(0, 5) != "OIDC_" || name.size() <= 12 || name.substr(name.size() - 7) != "_ISSUER") continue;
    const std::string upper(name.substr(5, name.size() - 12));
    const std::string id = domain::ascii_lower(upper);
    auto get = [&](const char* suffix) {
      const char* v = env(("OIDC_" + upper + "_" + suffix).c_str());
      return std::string(v ? v : "");
    };
    auto provider = domain::parse_identity_provider(
        {id, get("ISSUER"), get("CLIENT_ID"), get("CLIENT_SECRET"), get("ID_CLAIM"), get("SCOPES"), get("NAME")});
    if (!provider) return provider.error().message_en;
    c.identity_providers.push_back(provider.value());
  }
  if (std::holds_alternative<MigrateToPostgres>(inv.command) && c.database().engine != storage::Engine::postgres)
    return "migrate-to-postgres needs the target: --database postgresql://... (or DATABASE_URL)";
  return inv;
}

}  // namespace server
