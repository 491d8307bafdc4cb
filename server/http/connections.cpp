#include "server/http/connections.hpp"

namespace server::http {

namespace net = boost::asio;

Connections::Admission Connections::admit(const net::ip::address& peer) {
  std::shared_ptr<SessionBase> victim;
  {
    std::lock_guard lock(mutex_);
    const auto address = canonical_address(peer);
    if (!proxies_.contains(address) && per_address_[address] >= limits_.max_connections_per_address)
      return Admission::address_full;
    if (sessions_.size() + admitted_ - evicted_ >= limits_.max_connections) {
      Entry* oldest = nullptr;
      std::chrono::steady_clock::rep oldest_since = 0;
      for (auto& [s, e] : sessions_) {
        const auto since = s->waiting_since.load(std::memory_order_relaxed);
        if (s->waiting.load(std::memory_order_relaxed) && !e.evicted && (!oldest || since < oldest_since)) {
          oldest = &e;
          oldest_since = since;
        }
      }
      if (!oldest || !(victim = oldest->session.lock())) return Admission::server_full;
      oldest->evicted = true;
      ++evicted_;
    }
    ++admitted_;
    ++per_address_[address];
  }
  if (victim) victim->evict();
  return Admission::admitted;
}

void Connections::add(const std::shared_ptr<SessionBase>& session, const net::ip::address& peer) {
  std::lock_guard lock(mutex_);
  --admitted_;
  sessions_[session.get()] = Entry{session, canonical_address(peer), false};
}

void Connections::remove(const SessionBase* session) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session);
  if (it == sessions_.end()) return;
  if (it->second.evicted) --evicted_;
  if (auto count = per_address_.find(it->second.peer); count != per_address_.end() && --count->second == 0)
    per_address_.erase(count);
  sessions_.erase(it);
}

void Connections::spared(const SessionBase* session) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session);
  if (it == sessions_.end() || !it->second.evicted) return;
  it->second.evicted = false;
  --evicted_;
}

void Connections::shut_down_all() {
  std::vector<std::shared_ptr<SessionBase>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [_, entry] : sessions_)
      if (auto s = entry.session.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->shut_down();
}

}  // namespace server::http
