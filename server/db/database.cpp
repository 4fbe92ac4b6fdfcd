#include "db/database.h"

namespace hawzu::server {

int Statement::parameter_index(const char *name) const {
  int index = backend_->parameter_index(name);
  if (index == 0)
    throw DatabaseError("no parameter " + std::string(name) + " in the statement",
                        DatabaseErrorKind::other);
  return index;
}

Database::Lease::~Lease() {
  if (database_ && connection_) database_->give_back(std::move(connection_));
}

Database::Lease Database::connect() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  // Opening happens outside the lock: it touches the file system or the network.
  return Lease(*this, open_connection());
}

void Database::give_back(std::unique_ptr<Connection> connection) {
  // A broken connection, or one left inside a transaction, is closed instead of reused;
  // the next connect() opens a fresh one.
  if (!connection->reusable()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(connection));
}

}  // namespace hawzu::server
