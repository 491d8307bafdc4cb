#pragma once
// A reply body made of bytes held elsewhere (the static site's files in memory): nothing
// is copied per request, and the bytes live while any reply still sends them.
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <memory>
#include <string>
#include <utility>

namespace server::http {

struct SharedBody {
  class value_type {
   public:
    value_type() = default;
    explicit value_type(std::shared_ptr<const std::string> bytes) : bytes_(std::move(bytes)) {}
    std::size_t size() const { return bytes_ ? bytes_->size() : 0; }
    const char* data() const { return bytes_ ? bytes_->data() : nullptr; }

   private:
    std::shared_ptr<const std::string> bytes_;
  };

  static std::uint64_t size(const value_type& body) { return body.size(); }

  // All of it in one buffer: the socket takes what it can, the serializer keeps the rest.
  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;
    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(boost::beast::error_code& ec) { ec = {}; }
    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      return {{const_buffers_type(body_.data(), body_.size()), false}};
    }

   private:
    const value_type& body_;
  };
};

}  // namespace server::http
