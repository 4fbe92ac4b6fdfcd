// Key/value facts about the database itself (e.g. that the demo data was seeded).
// Like every store: a thin set of SQL statements on a leased connection; the caller
// owns transactions. Not thread-safe (a Connection belongs to one thread).
#pragma once

#include "db/database.h"

#include <optional>
#include <string>

namespace hawzu::server {

class MetaStore {
 public:
  explicit MetaStore(Connection &connection) : db_(connection) {}

  std::optional<std::string> get(const std::string &key);
  void set(const std::string &key, const std::string &value);
  // Stores the value unless the key has one, and returns the value the key then has:
  // of several servers racing, the first one's.
  std::string set_once(const std::string &key, const std::string &value);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
