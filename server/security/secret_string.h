// A string that holds a secret (an access token, a session id, a generated password)
// and wipes its bytes with sodium_memzero when destroyed or moved from.
//
// The capacity is reserved up front by the producers, so the text is never reallocated
// and no stale copy is left behind in freed memory by this object. Copies made
// elsewhere (a response body) are outside its reach; keep them few.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>
#include <utility>

namespace hawzu::server {

class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string text) : text_(std::move(text)) {}
  SecretString(SecretString &&other) noexcept : text_(std::move(other.text_)) { other.wipe(); }
  SecretString &operator=(SecretString &&other) noexcept {
    if (this != &other) {
      wipe();
      text_ = std::move(other.text_);
      other.wipe();
    }
    return *this;
  }
  SecretString(const SecretString &) = delete;
  SecretString &operator=(const SecretString &) = delete;
  ~SecretString() { wipe(); }

  std::string_view view() const { return text_; }
  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

  void wipe() {
    if (!text_.empty()) sodium_memzero(text_.data(), text_.size());
    text_.clear();
  }

 private:
  std::string text_;
};

}  // namespace hawzu::server
