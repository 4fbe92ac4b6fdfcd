// The access-token object of the API (docs/product.md#token-management) and its JSON form.
#include "shared/access_token.h"
#include "shared/json_number.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <limits>

using namespace hawzu;
using nlohmann::json;

namespace {

AccessToken workspace_token() {
  AccessToken token;
  token.id = 7;
  token.name = "CI Runner";
  token.identifier = "hwz_Ab12Cd34";
  token.access_type = AccessType::workspace;
  token.workspace_role = WorkspaceRole::coordinator;
  token.status = TokenStatus::enabled;
  token.created_by = {3, "Mia Manager"};
  token.owner = {3, "Mia Manager"};
  token.created_at = 1718452800;                 // 2024-06-15T12:00:00Z
  token.expires_at = 1719057600;                 // 2024-06-22T12:00:00Z
  token.last_used_at = 1718495999;               // 2024-06-15T23:59:59Z
  token.previous_value_expires_at = 1718539200;  // 2024-06-16T12:00:00Z
  token.last_used_ip = "203.0.113.7";
  return token;
}

AccessToken project_token() {
  AccessToken token;
  token.id = 8;
  token.name = "Nightly Automation";
  token.identifier = "hwz_Zz99Yy88";
  token.access_type = AccessType::project;
  token.projects = {{11, "Web App", ProjectRole::member},
                    {12, "Payments API", ProjectRole::viewer}};
  token.status = TokenStatus::disabled;
  token.created_by = {1, "Olga Owner"};
  token.owner = {2, "Oskar Owner"};
  token.disabled_reason = DisabledReason::owner_removed;
  token.created_at = 1718452800;
  return token;
}

const char *const kWorkspaceTokenJson = R"({
  "id": 7,
  "name": "CI Runner",
  "identifier": "hwz_Ab12Cd34",
  "access_type": "workspace",
  "workspace_role": "workspace_coordinator",
  "projects": [],
  "status": "enabled",
  "created_by": {"id": 3, "name": "Mia Manager"},
  "owner": {"id": 3, "name": "Mia Manager"},
  "disabled_reason": null,
  "created_at": "2024-06-15T12:00:00Z",
  "expires_at": "2024-06-22T12:00:00Z",
  "last_used_at": "2024-06-15T23:59:59Z",
  "previous_value_expires_at": "2024-06-16T12:00:00Z",
  "last_used_ip": "203.0.113.7",
  "expires_soon": false,
  "leak": null
})";

const char *const kProjectTokenJson = R"({
  "id": 8,
  "name": "Nightly Automation",
  "identifier": "hwz_Zz99Yy88",
  "access_type": "project",
  "workspace_role": null,
  "projects": [{"project_id": 11, "project_name": "Web App", "role": "project_member"},
               {"project_id": 12, "project_name": "Payments API", "role": "project_viewer"}],
  "status": "disabled",
  "created_by": {"id": 1, "name": "Olga Owner"},
  "owner": {"id": 2, "name": "Oskar Owner"},
  "disabled_reason": "owner_removed",
  "created_at": "2024-06-15T12:00:00Z",
  "expires_at": null,
  "last_used_at": null,
  "previous_value_expires_at": null,
  "last_used_ip": null,
  "expires_soon": false,
  "leak": null
})";

}  // namespace

TEST_CASE("Token statuses have wire names", "[access_token]") {
  CHECK(wire_name(TokenStatus::enabled) == "enabled");
  CHECK(wire_name(TokenStatus::disabled) == "disabled");
  CHECK(wire_name(TokenStatus::expired) == "expired");
  CHECK(parse_token_status("enabled") == TokenStatus::enabled);
  CHECK(parse_token_status("disabled") == TokenStatus::disabled);
  CHECK(parse_token_status("expired") == TokenStatus::expired);
  CHECK_FALSE(parse_token_status("revoked").has_value());
  CHECK_FALSE(parse_token_status("Enabled").has_value());
}

TEST_CASE("A workspace token renders as the API's token object", "[access_token]") {
  CHECK(to_json(workspace_token()) == json::parse(kWorkspaceTokenJson));
}

TEST_CASE("A project token renders with project names and null times", "[access_token]") {
  CHECK(to_json(project_token()) == json::parse(kProjectTokenJson));
}

TEST_CASE("A token object has exactly the fields of the spec", "[access_token]") {
  const json rendered = to_json(workspace_token());
  std::vector<std::string> keys;
  for (auto it = rendered.begin(); it != rendered.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"access_type", "created_at", "created_by",
                                         "disabled_reason", "expires_at", "expires_soon", "id",
                                         "identifier", "last_used_at", "last_used_ip", "leak",
                                         "name", "owner", "previous_value_expires_at", "projects",
                                         "status", "workspace_role"});
}

TEST_CASE("Only the fields of the token's access type are rendered", "[access_token]") {
  AccessToken workspace = workspace_token();
  workspace.projects = {{11, "Web App", ProjectRole::member}};
  CHECK(to_json(workspace)["projects"] == json::array());

  AccessToken project = project_token();
  project.workspace_role = WorkspaceRole::viewer;
  CHECK(to_json(project)["workspace_role"].is_null());
}

TEST_CASE("A token object reads back into the same token", "[access_token]") {
  std::optional<AccessToken> workspace = access_token_from_json(json::parse(kWorkspaceTokenJson));
  REQUIRE(workspace.has_value());
  CHECK(workspace->id == 7);
  CHECK(workspace->name == "CI Runner");
  CHECK(workspace->identifier == "hwz_Ab12Cd34");
  CHECK(workspace->access_type == AccessType::workspace);
  CHECK(workspace->workspace_role == WorkspaceRole::coordinator);
  CHECK(workspace->projects.empty());
  CHECK(workspace->status == TokenStatus::enabled);
  CHECK(workspace->created_by.id == 3);
  CHECK(workspace->created_by.name == "Mia Manager");
  CHECK(workspace->created_at == 1718452800);
  CHECK(workspace->expires_at == std::int64_t{1719057600});
  CHECK(workspace->last_used_at == std::int64_t{1718495999});
  CHECK(workspace->previous_value_expires_at == std::int64_t{1718539200});

  std::optional<AccessToken> project = access_token_from_json(json::parse(kProjectTokenJson));
  REQUIRE(project.has_value());
  CHECK(project->access_type == AccessType::project);
  CHECK_FALSE(project->workspace_role.has_value());
  REQUIRE(project->projects.size() == 2);
  CHECK(project->projects[0].project_id == 11);
  CHECK(project->projects[0].project_name == "Web App");
  CHECK(project->projects[0].role == ProjectRole::member);
  CHECK(project->projects[1].project_id == 12);
  CHECK(project->projects[1].project_name == "Payments API");
  CHECK(project->projects[1].role == ProjectRole::viewer);
  CHECK(project->status == TokenStatus::disabled);
  CHECK(project->owner.id == 2);
  CHECK(project->owner.name == "Oskar Owner");
  CHECK(project->disabled_reason == DisabledReason::owner_removed);
  CHECK_FALSE(workspace->disabled_reason.has_value());
  CHECK_FALSE(project->expires_at.has_value());
  CHECK_FALSE(project->last_used_at.has_value());
}

TEST_CASE("Rendering and reading a token round-trips", "[access_token]") {
  for (const AccessToken &token : {workspace_token(), project_token()}) {
    std::optional<AccessToken> read = access_token_from_json(to_json(token));
    REQUIRE(read.has_value());
    CHECK(to_json(*read) == to_json(token));
  }
}

TEST_CASE("Unknown fields in a token object are ignored when reading", "[access_token]") {
  json object = json::parse(kWorkspaceTokenJson);
  object["something_new"] = 1;
  CHECK(access_token_from_json(object).has_value());
}

TEST_CASE("A malformed token object is refused", "[access_token]") {
  const json good = json::parse(kWorkspaceTokenJson);
  REQUIRE(access_token_from_json(good).has_value());

  CHECK_FALSE(access_token_from_json(json::array()).has_value());
  CHECK_FALSE(access_token_from_json(json(nullptr)).has_value());

  // Each required field missing.
  for (const char *key : {"id", "name", "identifier", "access_type", "workspace_role", "projects",
                          "status", "created_by", "owner", "created_at", "expires_at",
                          "last_used_at", "previous_value_expires_at", "last_used_ip"}) {
    json missing = good;
    missing.erase(key);
    INFO(key);
    CHECK_FALSE(access_token_from_json(missing).has_value());
  }

  json bad = good;
  bad["id"] = "7";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["name"] = nullptr;
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["access_type"] = "team";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["status"] = "revoked";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["created_at"] = "2024-06-15 12:00:00";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["created_at"] = 1718452800;
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["expires_at"] = "2024-06-22T12:00:00+00:00";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["created_by"] = "Mia Manager";
  CHECK_FALSE(access_token_from_json(bad).has_value());

  bad = good;
  bad["created_by"].erase("name");
  CHECK_FALSE(access_token_from_json(bad).has_value());
}

TEST_CASE("A token object must be consistent with its access type", "[access_token]") {
  json workspace = json::parse(kWorkspaceTokenJson);
  workspace["workspace_role"] = nullptr;
  CHECK_FALSE(access_token_from_json(workspace).has_value());

  workspace = json::parse(kWorkspaceTokenJson);
  workspace["workspace_role"] = "workspace_admin";
  CHECK_FALSE(access_token_from_json(workspace).has_value());

  workspace = json::parse(kWorkspaceTokenJson);
  workspace["projects"] =
      json::parse(R"([{"project_id": 1, "project_name": "A", "role": "project_viewer"}])");
  CHECK_FALSE(access_token_from_json(workspace).has_value());

  json project = json::parse(kProjectTokenJson);
  project["workspace_role"] = "workspace_viewer";
  CHECK_FALSE(access_token_from_json(project).has_value());

  project = json::parse(kProjectTokenJson);
  project["projects"][1].erase("project_name");
  CHECK_FALSE(access_token_from_json(project).has_value());

  project = json::parse(kProjectTokenJson);
  project["projects"][0]["role"] = "project_owner";
  CHECK_FALSE(access_token_from_json(project).has_value());

  project = json::parse(kProjectTokenJson);
  project["projects"][0]["project_id"] = "11";
  CHECK_FALSE(access_token_from_json(project).has_value());

  project = json::parse(kProjectTokenJson);
  project["projects"] = nullptr;
  CHECK_FALSE(access_token_from_json(project).has_value());
}

TEST_CASE("json_int64 reads integers that fit 64 bits, and nothing else", "[json]") {
  CHECK(json_int64(nlohmann::json::parse("42")) == std::int64_t{42});
  CHECK(json_int64(nlohmann::json::parse("-7")) == std::int64_t{-7});
  CHECK(json_int64(nlohmann::json::parse("9223372036854775807")) ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(json_int64(nlohmann::json::parse("-9223372036854775808")) ==
        std::numeric_limits<std::int64_t>::min());
  for (const char *text : {"9223372036854775808", "18446744073709551615", "5.0", "1e3", "\"5\"",
                           "null", "true", "[1]", "{}"})
    CHECK_FALSE(json_int64(nlohmann::json::parse(text)).has_value());
}

TEST_CASE("token_status: disabled outranks expired, which outranks enabled", "[status]") {
  const std::int64_t now = 1'000'000;
  CHECK(token_status(false, std::nullopt, now) == TokenStatus::enabled);
  CHECK(token_status(false, now, now) == TokenStatus::enabled);  // the last valid second
  CHECK(token_status(false, now - 1, now) == TokenStatus::expired);
  CHECK(token_status(true, std::nullopt, now) == TokenStatus::disabled);
  CHECK(token_status(true, now + 1, now) == TokenStatus::disabled);
  CHECK(token_status(true, now - 1, now) == TokenStatus::disabled);
}
