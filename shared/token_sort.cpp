#include "shared/token_sort.h"

namespace hawzu {
namespace {

struct SortName {
  TokenSort sort;
  std::string_view wire;
};

// In the order the error message lists them.
constexpr SortName kSortNames[] = {
    {TokenSort::name, "name"},
    {TokenSort::access_type, "access_type"},
    {TokenSort::created_by, "created_by"},
    {TokenSort::created_at, "created_at"},
    {TokenSort::expires_at, "expires_at"},
    {TokenSort::status, "status"},
};

}  // namespace

std::string_view wire_name(TokenSort sort) {
  for (const SortName &entry : kSortNames)
    if (entry.sort == sort) return entry.wire;
  return "";
}

std::optional<TokenSort> parse_token_sort(std::string_view wire) {
  for (const SortName &entry : kSortNames)
    if (entry.wire == wire) return entry.sort;
  return std::nullopt;
}

std::string token_sort_values_message() {
  std::string message = "Must be one of: ";
  for (const SortName &entry : kSortNames) {
    if (&entry != kSortNames) message += ", ";
    message += entry.wire;
  }
  return message + ".";
}

std::string_view sort_order_wire_name(bool descending) {
  return descending ? "desc" : "asc";
}

std::optional<bool> parse_sort_order_descending(std::string_view wire) {
  if (wire == "desc") return true;
  if (wire == "asc") return false;
  return std::nullopt;
}

}  // namespace hawzu
