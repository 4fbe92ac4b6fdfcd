// The leases table: a named, time-limited claim one server holds, so that work which
// must run once per cluster (the policy sweep) runs on one server at a time. A lease is
// taken when free or expired and kept by renewing it before it expires; a server that
// stops renewing (it crashed) loses it to another once it expires. SQL only.
#pragma once

#include "db/database.h"

#include <cstdint>
#include <string>

namespace hawzu::server {

class LeaseStore {
 public:
  explicit LeaseStore(Connection &connection) : db_(connection) {}

  // Takes or renews the lease `name` for `holder` until `expires_at`. True when
  // `holder` now holds it; false while another holder's lease has not expired at `now`.
  bool acquire(const std::string &name, const std::string &holder, std::int64_t now,
               std::int64_t expires_at);

  // Gives the lease up early (on a clean stop), if `holder` holds it.
  void release(const std::string &name, const std::string &holder);

 private:
  Connection &db_;
};

}  // namespace hawzu::server
