#include "store/name_keys.h"

#include "shared/access_token_request.h"
#include "store/meta_store.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace hawzu::server {
namespace {

constexpr const char *kRuleKey = "name_key_rule";

// Recomputes `table`.name_key from `table`.name for every row.
void refresh_table(Connection &connection, const std::string &table) {
  std::vector<std::pair<std::int64_t, std::string>> rows;
  {
    Statement statement = connection.prepare("SELECT id, name FROM " + table);
    while (statement.step()) rows.emplace_back(statement.column_int64(0), statement.column_text(1));
  }
  for (const auto &[id, name] : rows)
    connection.prepare("UPDATE " + table + " SET name_key = ? WHERE id = ?")
        .bind(1, token_name_key(name))
        .bind(2, id)
        .run();
}

}  // namespace

std::string refresh_name_keys(Database &database) {
  Database::Lease connection = database.connect();
  Transaction transaction(*connection);
  MetaStore meta(*connection);
  if (meta.get(kRuleKey) == std::to_string(kNameKeyRuleVersion)) return {};
  try {
    for (const char *table : {"users", "projects", "access_tokens"})
      refresh_table(*connection, table);
  } catch (const DatabaseError &error) {
    if (!is_unique_violation(error)) throw;
    return "two names that were distinct fold to the same key under this server's rule; "
           "rename one with the previous server version first (" +
           std::string(error.what()) + ")";
  }
  meta.set(kRuleKey, std::to_string(kNameKeyRuleVersion));
  transaction.commit();
  return {};
}

}  // namespace hawzu::server
