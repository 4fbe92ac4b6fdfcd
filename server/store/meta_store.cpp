#include "store/meta_store.h"

namespace hawzu::server {

std::optional<std::string> MetaStore::get(const std::string &key) {
  Statement statement = db_.prepare("SELECT value FROM meta WHERE key = ?");
  statement.bind(1, key);
  if (!statement.step()) return std::nullopt;
  return statement.column_text(0);
}

void MetaStore::set(const std::string &key, const std::string &value) {
  db_.prepare(
         "INSERT INTO meta (key, value) VALUES (?, ?) "
         "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

std::string MetaStore::set_once(const std::string &key, const std::string &value) {
  db_.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
      .bind(1, key)
      .bind(2, value)
      .run();
  return get(key).value_or("");
}

}  // namespace hawzu::server
