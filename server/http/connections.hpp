#pragma once
// The open connections of a server, whatever their stream: limits on them, admission (one
// address, or many slow clients, must not take every descriptor), eviction of the longest
// waiting, and a shutdown that closes the idle ones and lets busy ones finish.
#include <atomic>
#include <boost/asio/ip/address.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "server/http/client_address.hpp"

namespace server::http {

// What the connection list needs of a session, whatever its stream.
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual void shut_down() = 0;
  // Thread-safe. Closes the connection if it is still waiting for a request's headers.
  virtual void evict() = 0;

  // Written by the session's loop, read by the connection list (under its lock) from any
  // thread: no lock taken twice per request for them.
  std::atomic<bool> waiting{false};  // for a request to start (idle keep-alive, slow headers)
  std::atomic<std::chrono::steady_clock::rep> waiting_since{0};
};

// docs/operations.md "Limits that protect the server" explains each and its variable.
struct Limits {
  std::uint32_t header_bytes = 8 * 1024;          // request line + headers; more -> 431
  std::uint64_t body_bytes = 1024 * 1024;         // JSON bodies; more -> 413 (uploads will raise it per route)
  std::chrono::seconds header_timeout{10};        // the whole request line + headers (HEADER_TIMEOUT)
  std::chrono::seconds idle_timeout{15};          // keep-alive: wait for the next request (IDLE_TIMEOUT)
  std::uint64_t body_min_rate = 16 * 1024;        // bytes/s a body must average after header_timeout (BODY_MIN_RATE)
  std::chrono::seconds write_stall_timeout{30};   // a reply that makes no progress (slow links may be slow, not stuck)
  std::size_t max_connections = 1000;             // open at once (MAX_CONNECTIONS; default from RLIMIT_NOFILE)
  std::size_t max_connections_per_address = 128;  // from one socket peer (MAX_CONNECTIONS_PER_ADDRESS)
};

// The open connections: a shutdown closes the idle ones and lets busy ones finish; admission
// keeps one address, or many slow clients, from taking every descriptor.
class Connections {
 public:
  enum class Admission { admitted, address_full, server_full };
  Connections(const Limits& limits, const TrustedProxies& proxies) : limits_(limits), proxies_(proxies) {}

  // Counts a new connection from `peer` in, or says why not. At the global cap the
  // connection that has waited longest for a request (idle keep-alive or slow headers) is
  // evicted to make room; only when every connection is busy is the new one refused. A
  // trusted proxy carries many clients: it has no per-address cap.
  Admission admit(const boost::asio::ip::address& peer);
  void add(const std::shared_ptr<SessionBase>& session, const boost::asio::ip::address& peer);
  void remove(const SessionBase* session);
  void spared(const SessionBase* session);  // told to close, but a request had begun: counted again
  void shut_down_all();

 private:
  struct Entry {
    std::weak_ptr<SessionBase> session;
    boost::asio::ip::address peer;
    bool evicted = false;
  };
  const Limits& limits_;
  const TrustedProxies& proxies_;
  std::mutex mutex_;
  std::map<const SessionBase*, Entry> sessions_;
  std::map<boost::asio::ip::address, std::size_t> per_address_;
  std::size_t admitted_ = 0;  // admitted and not yet added (between admit and add)
  std::size_t evicted_ = 0;   // told to close, not yet gone
};

}  // namespace server::http
