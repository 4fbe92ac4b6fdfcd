#include "store/sign_in_attempt_store.h"

namespace hawzu::server {

AttemptCounts SignInAttemptStore::count(const std::string &account_key,
                                        const std::string &address_key, std::int64_t since) {
  AttemptCounts counts;
  Statement statement = db_.prepare(
      "SELECT "
      "(SELECT count(*) FROM sign_in_attempts WHERE account_key = :account "
      "   AND address_key = :address AND time > :since), "
      "(SELECT min(time) FROM sign_in_attempts WHERE account_key = :account "
      "   AND address_key = :address AND time > :since), "
      "(SELECT count(*) FROM sign_in_attempts WHERE address_key = :address AND time > :since), "
      "(SELECT min(time) FROM sign_in_attempts WHERE address_key = :address AND time > :since), "
      "(SELECT count(*) FROM sign_in_attempts WHERE account_key = :account AND time > :since)");
  statement.bind(statement.parameter_index(":account"), account_key)
      .bind(statement.parameter_index(":address"), address_key)
      .bind(statement.parameter_index(":since"), since);
  if (!statement.step()) return counts;
  counts.pair_failures = static_cast<int>(statement.column_int64(0));
  counts.pair_oldest = statement.column_optional_int64(1).value_or(0);
  counts.address_failures = static_cast<int>(statement.column_int64(2));
  counts.address_oldest = statement.column_optional_int64(3).value_or(0);
  counts.account_failures = static_cast<int>(statement.column_int64(4));
  return counts;
}

std::int64_t SignInAttemptStore::record(const std::string &account_key,
                                        const std::string &address_key, std::int64_t now) {
  Statement statement = db_.prepare(
      "INSERT INTO sign_in_attempts (account_key, address_key, time) VALUES (?, ?, ?) "
      "RETURNING id");
  statement.bind(1, account_key).bind(2, address_key).bind(3, now);
  statement.step();
  return statement.column_int64(0);
}

void SignInAttemptStore::forgive_pair(const std::string &account_key,
                                      const std::string &address_key) {
  db_.prepare("DELETE FROM sign_in_attempts WHERE account_key = ? AND address_key = ?")
      .bind(1, account_key)
      .bind(2, address_key)
      .run();
}

void SignInAttemptStore::prune(std::int64_t before) {
  db_.prepare("DELETE FROM sign_in_attempts WHERE time <= ?").bind(1, before).run();
}

}  // namespace hawzu::server
