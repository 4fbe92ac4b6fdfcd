// The SQL of the token status rule (token_status_sql.h).
#include "store/token_status_sql.h"

#include <string_view>

namespace hawzu::server {
namespace {

// Each condition as a predicate that is never NULL, so NOT of it is its negation.
std::string_view condition_sql(TokenStatusCondition condition) {
  switch (condition) {
    case TokenStatusCondition::disabled:
      return "t.status = 'disabled'";
    case TokenStatusCondition::expired:
      // shared/expiry.h is_expired: an expiry, and now past its last valid second.
      return "(t.expires_at IS NOT NULL AND t.expires_at < :now)";
    case TokenStatusCondition::otherwise:
      return "1 = 1";
  }
  return "1 = 0";
}

std::string quoted_wire_name(TokenStatus status) {
  return "'" + std::string(wire_name(status)) + "'";
}

}  // namespace

std::string token_status_case_sql() {
  std::string sql = "(CASE";
  for (const TokenStatusClause &clause : kTokenStatusRule) {
    if (clause.condition == TokenStatusCondition::otherwise) {
      sql += " ELSE " + quoted_wire_name(clause.status);
      break;
    }
    sql += " WHEN " + std::string(condition_sql(clause.condition)) + " THEN " +
           quoted_wire_name(clause.status);
  }
  return sql + " END)";
}

std::string token_status_filter_sql(TokenStatus status) {
  std::string sql = "(1 = 1";
  for (const TokenStatusClause &clause : kTokenStatusRule) {
    if (clause.status == status) {
      if (clause.condition != TokenStatusCondition::otherwise)
        sql += " AND " + std::string(condition_sql(clause.condition));
      return sql + ")";
    }
    sql += " AND NOT (" + std::string(condition_sql(clause.condition)) + ")";
  }
  return "(1 = 0)";  // a status no clause gives: no token has it
}

}  // namespace hawzu::server
