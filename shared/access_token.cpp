// The access-token object of the API (docs/product.md#token-management) and its JSON form.
#include "shared/access_token.h"

#include "shared/calendar.h"
#include "shared/expiry.h"
#include "shared/json_number.h"

#include <nlohmann/json.hpp>

namespace hawzu {

namespace {

nlohmann::json optional_time_to_json(const std::optional<std::int64_t> &unix_seconds) {
  if (!unix_seconds) return nullptr;
  return format_rfc3339_utc(*unix_seconds);
}

// The readers below return false when a member is missing or of the wrong type.

bool read_int64(const nlohmann::json &object, const char *key, std::int64_t &out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  std::optional<std::int64_t> value = json_int64(*it);
  if (!value) return false;
  out = *value;
  return true;
}

bool read_string(const nlohmann::json &object, const char *key, std::string &out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool read_time(const nlohmann::json &object, const char *key, std::int64_t &out) {
  std::string text;
  if (!read_string(object, key, text)) return false;
  std::optional<std::int64_t> parsed = parse_rfc3339_utc(text);
  if (!parsed) return false;
  out = *parsed;
  return true;
}

// A time that may be null (and must then be present as null).
bool read_optional_time(const nlohmann::json &object, const char *key,
                        std::optional<std::int64_t> &out) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (it->is_null()) {
    out.reset();
    return true;
  }
  std::int64_t value = 0;
  if (!read_time(object, key, value)) return false;
  out = value;
  return true;
}

bool read_project_grant(const nlohmann::json &json, ProjectGrant &grant) {
  if (!json.is_object()) return false;
  std::string role;
  if (!read_int64(json, "project_id", grant.project_id) ||
      !read_string(json, "project_name", grant.project_name) || !read_string(json, "role", role)) {
    return false;
  }
  std::optional<ProjectRole> parsed = parse_project_role(role);
  if (!parsed) return false;
  grant.role = *parsed;
  return true;
}

}  // namespace

std::string_view wire_name(TokenStatus status) {
  switch (status) {
    case TokenStatus::enabled:
      return "enabled";
    case TokenStatus::disabled:
      return "disabled";
    case TokenStatus::expired:
      return "expired";
  }
  return "";
}

std::optional<TokenStatus> parse_token_status(std::string_view wire) {
  if (wire == "enabled") return TokenStatus::enabled;
  if (wire == "disabled") return TokenStatus::disabled;
  if (wire == "expired") return TokenStatus::expired;
  return std::nullopt;
}

TokenStatus token_status(bool disabled, std::optional<std::int64_t> expires_at, std::int64_t now) {
  for (const TokenStatusClause &clause : kTokenStatusRule) {
    switch (clause.condition) {
      case TokenStatusCondition::disabled:
        if (disabled) return clause.status;
        break;
      case TokenStatusCondition::expired:
        if (is_expired(expires_at, now)) return clause.status;
        break;
      case TokenStatusCondition::otherwise:
        return clause.status;
    }
  }
  return kTokenStatusRule.back().status;  // not reached: the last clause always holds
}

std::string_view wire_name(DisabledReason reason) {
  switch (reason) {
    case DisabledReason::owner_removed:
      return "owner_removed";
    case DisabledReason::unused:
      return "unused";
    case DisabledReason::leaked:
      return "leaked";
  }
  return "";
}

std::optional<DisabledReason> parse_disabled_reason(std::string_view wire) {
  if (wire == "owner_removed") return DisabledReason::owner_removed;
  if (wire == "unused") return DisabledReason::unused;
  if (wire == "leaked") return DisabledReason::leaked;
  return std::nullopt;
}

nlohmann::json to_json(const AccessToken &token) {
  const bool is_workspace_token = token.access_type == AccessType::workspace;
  nlohmann::json json = nlohmann::json::object();
  json["id"] = token.id;
  json["name"] = token.name;
  json["identifier"] = token.identifier;
  json["access_type"] = std::string(wire_name(token.access_type));
  json["workspace_role"] = is_workspace_token && token.workspace_role
                               ? nlohmann::json(std::string(wire_name(*token.workspace_role)))
                               : nlohmann::json(nullptr);
  nlohmann::json projects = nlohmann::json::array();
  if (!is_workspace_token) {
    for (const ProjectGrant &grant : token.projects) {
      projects.push_back({{"project_id", grant.project_id},
                          {"project_name", grant.project_name},
                          {"role", std::string(wire_name(grant.role))}});
    }
  }
  json["projects"] = projects;
  json["status"] = std::string(wire_name(token.status));
  json["created_by"] = {{"id", token.created_by.id}, {"name", token.created_by.name}};
  json["owner"] = {{"id", token.owner.id}, {"name", token.owner.name}};
  json["disabled_reason"] = token.disabled_reason
                                ? nlohmann::json(std::string(wire_name(*token.disabled_reason)))
                                : nlohmann::json(nullptr);
  json["created_at"] = format_rfc3339_utc(token.created_at);
  json["expires_at"] = optional_time_to_json(token.expires_at);
  json["last_used_at"] = optional_time_to_json(token.last_used_at);
  json["previous_value_expires_at"] = optional_time_to_json(token.previous_value_expires_at);
  json["last_used_ip"] = token.last_used_ip ? nlohmann::json(*token.last_used_ip) : nullptr;
  json["expires_soon"] = token.expires_soon;
  json["leak"] = token.leak
                     ? nlohmann::json{{"url", token.leak->url},
                                      {"source", token.leak->source},
                                      {"reported_at", format_rfc3339_utc(token.leak->reported_at)}}
                     : nlohmann::json(nullptr);
  return json;
}

std::optional<AccessToken> access_token_from_json(const nlohmann::json &json) {
  if (!json.is_object()) return std::nullopt;
  AccessToken token;
  std::string access_type;
  std::string status;
  if (!read_int64(json, "id", token.id) || !read_string(json, "name", token.name) ||
      !read_string(json, "identifier", token.identifier) ||
      !read_string(json, "access_type", access_type) || !read_string(json, "status", status) ||
      !read_time(json, "created_at", token.created_at) ||
      !read_optional_time(json, "expires_at", token.expires_at) ||
      !read_optional_time(json, "last_used_at", token.last_used_at) ||
      !read_optional_time(json, "previous_value_expires_at", token.previous_value_expires_at)) {
    return std::nullopt;
  }

  std::optional<AccessType> parsed_type = parse_access_type(access_type);
  std::optional<TokenStatus> parsed_status = parse_token_status(status);
  if (!parsed_type || !parsed_status) return std::nullopt;
  token.access_type = *parsed_type;
  token.status = *parsed_status;

  auto created_by = json.find("created_by");
  if (created_by == json.end() || !created_by->is_object() ||
      !read_int64(*created_by, "id", token.created_by.id) ||
      !read_string(*created_by, "name", token.created_by.name)) {
    return std::nullopt;
  }
  auto owner = json.find("owner");
  if (owner == json.end() || !owner->is_object() || !read_int64(*owner, "id", token.owner.id) ||
      !read_string(*owner, "name", token.owner.name)) {
    return std::nullopt;
  }
  auto last_used_ip = json.find("last_used_ip");
  if (last_used_ip == json.end() || !(last_used_ip->is_null() || last_used_ip->is_string()))
    return std::nullopt;
  if (last_used_ip->is_string()) token.last_used_ip = last_used_ip->get<std::string>();
  if (auto reason = json.find("disabled_reason"); reason != json.end() && reason->is_string()) {
    token.disabled_reason = parse_disabled_reason(reason->get<std::string>());
  }
  if (auto soon = json.find("expires_soon"); soon != json.end() && soon->is_boolean())
    token.expires_soon = soon->get<bool>();
  if (auto leak = json.find("leak"); leak != json.end() && leak->is_object()) {
    TokenLeak found;
    if (!read_string(*leak, "url", found.url) || !read_string(*leak, "source", found.source) ||
        !read_time(*leak, "reported_at", found.reported_at))
      return std::nullopt;
    token.leak = found;
  }

  // A workspace token has a role and no projects; a project token the other way round.
  auto workspace_role = json.find("workspace_role");
  auto projects = json.find("projects");
  if (workspace_role == json.end() || projects == json.end() || !projects->is_array()) {
    return std::nullopt;
  }
  if (token.access_type == AccessType::workspace) {
    if (!workspace_role->is_string() || !projects->empty()) return std::nullopt;
    token.workspace_role = parse_workspace_role(workspace_role->get<std::string>());
    if (!token.workspace_role) return std::nullopt;
  } else {
    if (!workspace_role->is_null()) return std::nullopt;
    for (const nlohmann::json &entry : *projects) {
      ProjectGrant grant;
      if (!read_project_grant(entry, grant)) return std::nullopt;
      token.projects.push_back(grant);
    }
  }
  return token;
}

}  // namespace hawzu
