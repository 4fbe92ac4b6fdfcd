#include "web/api_client.h"

#include "web/platform/fetch.h"

#include "shared/access_token.h"
#include "shared/calendar.h"
#include "shared/roles.h"
#include "shared/token_policy.h"
#include "shared/token_usage.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <utility>

namespace hawzu {
namespace {

using nlohmann::json;
using platform::HttpResponse;

std::string workspace_path(std::int64_t workspace_id) {
  return "/api/v1/workspace/" + std::to_string(workspace_id);
}

std::string string_field(const json &object, const char *key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::int64_t integer_field(const json &object, const char *key) {
  if (!object.is_object()) return 0;
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

ApiError error_from_response(const HttpResponse &response) {
  ApiError error;
  error.status = response.status;
  const json body = json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    error.code = string_field(body, "code");
    error.message = string_field(body, "detail");
    if (error.message.empty()) error.message = string_field(body, "title");
    const auto errors = body.find("errors");
    if (errors != body.end() && errors->is_array()) {
      for (const json &item : *errors) {
        error.errors.push_back({string_field(item, "field"), string_field(item, "message")});
      }
    }
  }
  return error;
}

// Whether the session's workspace grants `permission`: from its "permissions" (a list of
// names, or an object of flags), else from the role as the shared catalogue has it.
bool has_permission(const json &workspace, WorkspaceRole role, Permission permission) {
  const std::string name(wire_name(permission));
  const auto permissions = workspace.find("permissions");
  if (permissions != workspace.end() && permissions->is_array()) {
    for (const json &item : *permissions)
      if (item.is_string() && item.get<std::string>() == name) return true;
    return false;
  }
  if (permissions != workspace.end() && permissions->is_object())
    return permissions->value(name, false);
  return allows(role, permission);
}

// Sends a request and hands a parsed JSON body (or an ApiError) to `parse`.
template <typename T>
void send(const char *method, const std::string &path, const std::string &body,
          std::function<std::optional<T>(json &body)> parse, ApiCallback<T> done) {
  platform::http_send(method, path, body, [parse, done](HttpResponse &response) {
    ApiResult<T> result;
    if (response.status >= 200 && response.status < 300) {
      json parsed =
          response.body.empty() ? json::object() : json::parse(response.body, nullptr, false);
      if (!parsed.is_discarded()) result.value = parse(parsed);
      if (!result.value) {
        result.error.status = response.status;
        result.error.message = "The server sent an answer the page does not understand.";
      }
    } else {
      result.error = error_from_response(response);
    }
    done(result);
  });
}

// Roles in the options answer: a wire name, or an object carrying one.
template <typename Role>
std::optional<Role> role_from_json(const json &item,
                                   std::optional<Role> (*parse_role)(std::string_view)) {
  if (item.is_string()) return parse_role(item.get<std::string>());
  for (const char *key : {"role", "id", "value", "name"}) {
    if (auto role = parse_role(string_field(item, key))) return role;
  }
  return std::nullopt;
}

std::optional<SessionInfo> session_from_json(json &body) {
  const json &user = body.contains("user") ? body["user"] : json();
  SessionInfo session;
  session.user_id = integer_field(user, "id");
  session.user_name = string_field(user, "name");
  session.user_email = string_field(user, "email");
  if (session.user_name.empty()) session.user_name = session.user_email;
  const auto workspaces = body.find("workspaces");
  if (workspaces == body.end() || !workspaces->is_array() || workspaces->empty()) {
    return std::nullopt;
  }
  // One workspace per user in this product; the first is the one shown.
  const json &workspace = workspaces->front();
  session.workspace_id = integer_field(workspace, "id");
  session.workspace_name = string_field(workspace, "name");
  const auto role = parse_workspace_role(string_field(workspace, "role"));
  if (!role || session.workspace_id == 0) return std::nullopt;
  session.workspace_role = *role;
  session.can_manage_access_tokens =
      has_permission(workspace, *role, Permission::manage_access_tokens);
  session.can_read_audit_log = has_permission(workspace, *role, Permission::read_audit_log);
  session.can_read_token_policy = has_permission(workspace, *role, Permission::read_token_policy);
  session.can_manage_token_policy =
      has_permission(workspace, *role, Permission::manage_token_policy);
  return session;
}

std::optional<TokenOptions> options_from_json(json &body) {
  TokenOptions options;
  if (body.contains("workspace_roles") && body["workspace_roles"].is_array()) {
    for (const json &item : body["workspace_roles"]) {
      if (auto role = role_from_json<WorkspaceRole>(item, parse_workspace_role)) {
        options.workspace_roles.push_back(*role);
      }
    }
  }
  if (body.contains("project_roles") && body["project_roles"].is_array()) {
    for (const json &item : body["project_roles"]) {
      if (auto role = role_from_json<ProjectRole>(item, parse_project_role)) {
        options.project_roles.push_back(*role);
      }
    }
  }
  if (body.contains("projects") && body["projects"].is_array()) {
    for (const json &item : body["projects"]) {
      ProjectOption project;
      project.id = integer_field(item, "id");
      if (project.id == 0) project.id = integer_field(item, "project_id");
      project.name = string_field(item, "name");
      if (project.id != 0) options.projects.push_back(std::move(project));
    }
  }
  if (body.contains("creators") && body["creators"].is_array()) {
    for (const json &item : body["creators"]) {
      UserRef person{integer_field(item, "id"), string_field(item, "name")};
      if (person.id != 0) options.creators.push_back(std::move(person));
    }
  }
  // A server without a policy in its answer has none: the default.
  if (auto policy = body.find("policy"); policy != body.end())
    options.policy = token_policy_from_json(*policy).value_or(TokenPolicy{});
  return options;
}

// The list answer: {"items": [<token>…], "next_cursor": null | "…"}.
std::optional<TokenPage> token_page_from_json(json &body) {
  const auto items = body.find("items");
  if (items == body.end() || !items->is_array()) return std::nullopt;
  TokenPage page;
  for (const json &item : *items) {
    if (auto token = access_token_from_json(item)) page.tokens.push_back(std::move(*token));
  }
  page.next_cursor = string_field(body, "next_cursor");
  return page;
}

std::optional<AccessToken> token_from_json(json &body) {
  return access_token_from_json(body);
}

// "2026-12-01T09:30:12Z" → Unix seconds; 0 when absent or not such a time.
std::int64_t time_field(const json &object, const char *key) {
  return parse_rfc3339(string_field(object, key)).value_or(0);
}

std::optional<WebhookInfo> webhook_from_json(const json &body) {
  if (!body.is_object() || !body.contains("url")) return std::nullopt;
  WebhookInfo webhook;
  webhook.url = string_field(body, "url");
  if (auto events = body.find("events"); events != body.end() && events->is_array())
    for (const json &event : *events)
      if (event.is_string()) webhook.events.push_back(event.get<std::string>());
  webhook.created_at = time_field(body, "created_at");
  webhook.updated_at = time_field(body, "updated_at");
  return webhook;
}

std::optional<WebhookDelivery> delivery_from_json(const json &item) {
  if (!item.is_object()) return std::nullopt;
  WebhookDelivery delivery;
  delivery.id = integer_field(item, "id");
  delivery.event_id = string_field(item, "event_id");
  delivery.event = string_field(item, "event");
  delivery.attempt = static_cast<int>(integer_field(item, "attempt"));
  delivery.time = time_field(item, "time");
  delivery.delivered = string_field(item, "status") == "delivered";
  if (auto status = item.find("response_status");
      status != item.end() && status->is_number_integer())
    delivery.response_status = status->get<int>();
  delivery.error = string_field(item, "error");
  delivery.duration_ms = integer_field(item, "duration_ms");
  if (std::int64_t next = time_field(item, "next_attempt_at"); next != 0)
    delivery.next_attempt_at = next;
  return delivery;
}

std::string token_path(std::int64_t workspace_id, std::int64_t token_id) {
  return workspace_path(workspace_id) + "/access-tokens/" + std::to_string(token_id);
}

}  // namespace

void get_session(ApiCallback<SessionInfo> done) {
  send<SessionInfo>("GET", "/api/v1/session", "", session_from_json, std::move(done));
}

void delete_session(ApiCallback<Done> done) {
  send<Done>(
      "DELETE", "/api/v1/session", "", [](json &) { return std::optional<Done>(Done{}); },
      std::move(done));
}

void get_token_options(std::int64_t workspace_id, ApiCallback<TokenOptions> done) {
  send<TokenOptions>("GET", workspace_path(workspace_id) + "/access-tokens/options", "",
                     options_from_json, std::move(done));
}

void list_access_tokens(std::int64_t workspace_id, const std::string &query,
                        ApiCallback<TokenPage> done) {
  send<TokenPage>("GET", workspace_path(workspace_id) + "/access-tokens?" + query, "",
                  token_page_from_json, std::move(done));
}

void update_access_token(std::int64_t workspace_id, std::int64_t token_id,
                         const nlohmann::json &changes, ApiCallback<AccessToken> done) {
  send<AccessToken>("PATCH", token_path(workspace_id, token_id), changes.dump(), token_from_json,
                    std::move(done));
}

void set_access_token_enabled(std::int64_t workspace_id, std::int64_t token_id, bool enabled,
                              ApiCallback<AccessToken> done) {
  send<AccessToken>("POST", token_path(workspace_id, token_id) + (enabled ? "/enable" : "/disable"),
                    "", token_from_json, std::move(done));
}

void get_access_token_usage(std::int64_t workspace_id, std::int64_t token_id,
                            ApiCallback<TokenUsage> done) {
  send<TokenUsage>(
      "GET", token_path(workspace_id, token_id) + "/usage", "",
      [](json &answer) { return token_usage_from_json(answer); }, std::move(done));
}

void revoke_access_token(std::int64_t workspace_id, std::int64_t token_id, ApiCallback<Done> done) {
  send<Done>(
      "DELETE", token_path(workspace_id, token_id), "",
      [](json &) { return std::optional<Done>(Done{}); }, std::move(done));
}

namespace {

// A 201 that carries a token value (create and rotate): the value is copied out of the
// JSON tree, whose copy is wiped at once; the callback's copy is wiped after it.
void send_for_token_value(const std::string &path, const nlohmann::json &body,
                          ApiCallback<CreatedAccessToken> done) {
  send<CreatedAccessToken>(
      "POST", path, body.dump(),
      [](json &answer) -> std::optional<CreatedAccessToken> {
        CreatedAccessToken created;
        auto token = answer.find("token");
        auto object = answer.find("access_token");
        if (token == answer.end() || !token->is_string() || object == answer.end()) {
          return std::nullopt;
        }
        auto parsed = access_token_from_json(*object);
        if (!parsed) return std::nullopt;
        created.access_token = std::move(*parsed);
        // Move the secret out of the JSON tree, then wipe the tree's copy.
        std::string &secret = token->get_ref<std::string &>();
        created.token = secret;
        platform::wipe(secret);
        return created;
      },
      [done](ApiResult<CreatedAccessToken> &result) {
        done(result);
        if (result.value) platform::wipe(result.value->token);
      });
}

}  // namespace

void create_access_token(std::int64_t workspace_id, const nlohmann::json &body,
                         ApiCallback<CreatedAccessToken> done) {
  send_for_token_value(workspace_path(workspace_id) + "/access-tokens", body, std::move(done));
}

void rotate_access_token(std::int64_t workspace_id, std::int64_t token_id,
                         const nlohmann::json &body, ApiCallback<CreatedAccessToken> done) {
  send_for_token_value(token_path(workspace_id, token_id) + "/rotate", body, std::move(done));
}

void list_audit_events(std::int64_t workspace_id, const std::string &query,
                       ApiCallback<AuditPage> done) {
  send<AuditPage>(
      "GET", workspace_path(workspace_id) + "/audit-events?" + query, "",
      [](json &body) -> std::optional<AuditPage> {
        const auto items = body.find("items");
        if (items == body.end() || !items->is_array()) return std::nullopt;
        AuditPage page;
        for (const json &item : *items)
          if (auto event = audit_event_from_json(item)) page.events.push_back(std::move(*event));
        page.next_cursor = string_field(body, "next_cursor");
        return page;
      },
      std::move(done));
}

std::string audit_export_path(std::int64_t workspace_id, const std::string &query) {
  return workspace_path(workspace_id) + "/audit-events.csv" + (query.empty() ? "" : "?" + query);
}

void list_members(std::int64_t workspace_id, ApiCallback<std::vector<UserRef>> done) {
  send<std::vector<UserRef>>(
      "GET", workspace_path(workspace_id) + "/members", "",
      [](json &body) -> std::optional<std::vector<UserRef>> {
        const auto items = body.find("items");
        if (items == body.end() || !items->is_array()) return std::nullopt;
        std::vector<UserRef> people;
        for (const json &item : *items) {
          const json user = item.value("user", json::object());
          if (integer_field(user, "id") > 0)
            people.push_back({integer_field(user, "id"), string_field(user, "name")});
        }
        return people;
      },
      std::move(done));
}

std::string describe_api_error(const ApiError &error) {
  if (!error.message.empty()) return error.message;
  if (error.status == 0) return "The Hawzu server could not be reached. Check your connection.";
  if (error.status == 401) return "Your session has ended. Sign in again.";
  if (error.status == 403) return "You do not have permission to do this.";
  if (error.status == 404) return "Not found. It may have been removed.";
  if (error.status >= 500) {
    return "The server had a problem (HTTP " + std::to_string(error.status) +
           "). Try again shortly.";
  }
  return "The request failed (HTTP " + std::to_string(error.status) + ").";
}

void show_api_error(ApiError error, FieldErrors &errors, std::string &message) {
  errors.clear();
  message.clear();
  for (FieldError &field_error : error.errors) {
    if (field_error.field.empty())
      message = field_error.message;
    else
      errors.push_back(std::move(field_error));
  }
  if (errors.empty() && message.empty()) message = describe_api_error(error);
}

}  // namespace hawzu

namespace hawzu {

void get_token_policy(std::int64_t workspace_id, ApiCallback<TokenPolicy> done) {
  send<TokenPolicy>(
      "GET", workspace_path(workspace_id) + "/access-token-policy", "",
      [](json &body) { return token_policy_from_json(body); }, std::move(done));
}

void put_token_policy(std::int64_t workspace_id, const nlohmann::json &body,
                      ApiCallback<TokenPolicy> done) {
  send<TokenPolicy>(
      "PUT", workspace_path(workspace_id) + "/access-token-policy", body.dump(),
      [](json &answer) { return token_policy_from_json(answer); }, std::move(done));
}

void get_webhook(std::int64_t workspace_id, ApiCallback<WebhookInfo> done) {
  send<WebhookInfo>("GET", workspace_path(workspace_id) + "/webhook", "", webhook_from_json,
                    std::move(done));
}

void put_webhook(std::int64_t workspace_id, const nlohmann::json &body,
                 ApiCallback<SavedWebhook> done) {
  send<SavedWebhook>(
      "PUT", workspace_path(workspace_id) + "/webhook", body.dump(),
      [](json &answer) -> std::optional<SavedWebhook> {
        auto secret = answer.find("secret");
        std::optional<WebhookInfo> webhook = webhook_from_json(answer);
        if (secret == answer.end() || !secret->is_string() || !webhook) return std::nullopt;
        SavedWebhook saved{std::move(*webhook), ""};
        // Move the secret out of the JSON tree, then wipe the tree's copy.
        std::string &text = secret->get_ref<std::string &>();
        saved.secret = text;
        platform::wipe(text);
        return saved;
      },
      [done](ApiResult<SavedWebhook> &result) {
        done(result);
        if (result.value) platform::wipe(result.value->secret);
      });
}

void delete_webhook(std::int64_t workspace_id, ApiCallback<Done> done) {
  send<Done>(
      "DELETE", workspace_path(workspace_id) + "/webhook", "",
      [](json &) { return std::optional<Done>(Done{}); }, std::move(done));
}

void send_webhook_test(std::int64_t workspace_id, ApiCallback<std::string> done) {
  send<std::string>(
      "POST", workspace_path(workspace_id) + "/webhook/test", "{}",
      [](json &answer) -> std::optional<std::string> {
        std::string id = string_field(answer, "event_id");
        if (id.empty()) return std::nullopt;
        return id;
      },
      std::move(done));
}

void list_webhook_deliveries(std::int64_t workspace_id,
                             ApiCallback<std::vector<WebhookDelivery>> done) {
  send<std::vector<WebhookDelivery>>(
      "GET", workspace_path(workspace_id) + "/webhook/deliveries", "",
      [](json &body) -> std::optional<std::vector<WebhookDelivery>> {
        const auto items = body.find("deliveries");
        if (items == body.end() || !items->is_array()) return std::nullopt;
        std::vector<WebhookDelivery> deliveries;
        for (const json &item : *items)
          if (auto delivery = delivery_from_json(item)) deliveries.push_back(std::move(*delivery));
        return deliveries;
      },
      std::move(done));
}

}  // namespace hawzu
