// The JSON wire format of create and edit bodies (docs/product.md#token-management).
#include "shared/access_token_request.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace hawzu;
using nlohmann::json;

namespace {

// All errors as "field: message", joined by " | ".
std::string errors_text(const FieldErrors &errors) {
  std::string text;
  for (const FieldError &error : errors) {
    if (!text.empty()) text += " | ";
    text += error.field + ": " + error.message;
  }
  return text;
}

std::string create_errors(const std::string &body_text) {
  AccessTokenDraft draft;
  return errors_text(parse_create_request(json::parse(body_text), draft));
}

// A project token as the server loads it before applying a PATCH.
AccessTokenDraft stored_project_token() {
  AccessTokenDraft draft;
  draft.name = "Nightly Automation";
  draft.access_type = AccessType::project;
  draft.projects = {{11, ProjectRole::member}};
  return draft;
}

AccessTokenDraft stored_workspace_token() {
  AccessTokenDraft draft;
  draft.name = "CI Runner";
  draft.access_type = AccessType::workspace;
  draft.workspace_role = WorkspaceRole::member;
  return draft;
}

}  // namespace

// ===========================================================================
// Create bodies: what is read.

TEST_CASE("A workspace create body is read into a draft", "[wire][create]") {
  const json body = json::parse(R"({
    "name": "CI Runner",
    "access_type": "workspace",
    "workspace_role": "workspace_coordinator",
    "expiry": {"kind": "6m", "utc_offset_minutes": -300}
  })");
  AccessTokenDraft draft;
  CHECK(parse_create_request(body, draft).empty());
  CHECK(draft.name == "CI Runner");
  CHECK(draft.access_type == AccessType::workspace);
  CHECK(draft.workspace_role == WorkspaceRole::coordinator);
  CHECK(draft.projects.empty());
  CHECK(draft.expiry.kind == ExpiryKind::six_months);
  CHECK_FALSE(draft.expiry.custom_date.has_value());
  CHECK(draft.expiry.utc_offset_minutes == -300);
}

TEST_CASE("A project create body is read into a draft", "[wire][create]") {
  const json body = json::parse(R"({
    "name": "External Sync",
    "access_type": "project",
    "workspace_role": null,
    "projects": [{"project_id": 11, "role": "project_manager"},
                 {"project_id": 12, "role": "project_viewer"}],
    "expiry": {"kind": "custom", "date": "2024-12-31", "utc_offset_minutes": 60}
  })");
  AccessTokenDraft draft;
  CHECK(parse_create_request(body, draft).empty());
  CHECK(draft.name == "External Sync");
  CHECK(draft.access_type == AccessType::project);
  CHECK_FALSE(draft.workspace_role.has_value());
  REQUIRE(draft.projects.size() == 2);
  CHECK(draft.projects[0].project_id == std::int64_t{11});
  CHECK(draft.projects[0].role == ProjectRole::manager);
  CHECK(draft.projects[1].project_id == std::int64_t{12});
  CHECK(draft.projects[1].role == ProjectRole::viewer);
  CHECK(draft.expiry.kind == ExpiryKind::custom);
  CHECK(draft.expiry.custom_date == CivilDate{2024, 12, 31});
  CHECK(draft.expiry.utc_offset_minutes == 60);
}

TEST_CASE("The name is read as sent and trimmed only by validation", "[wire][create]") {
  AccessTokenDraft draft;
  CHECK(parse_create_request(json::parse(R"({"name": "  CI Runner  "})"), draft).empty());
  CHECK(draft.name == "  CI Runner  ");
}

TEST_CASE("Optional create fields may be absent or null", "[wire][create]") {
  AccessTokenDraft draft;
  CHECK(parse_create_request(json::parse(R"({"name": "CI", "access_type": "workspace"})"), draft)
            .empty());
  CHECK_FALSE(draft.workspace_role.has_value());
  CHECK(draft.projects.empty());
  // Without "expiry" the form's default applies: 1 Week.
  CHECK(draft.expiry.kind == ExpiryKind::one_week);
  CHECK(draft.expiry.utc_offset_minutes == 0);

  CHECK(parse_create_request(json::parse(R"({"workspace_role": null, "projects": null,
        "expiry": {"kind": "1y", "date": null, "utc_offset_minutes": null}})"),
                             draft)
            .empty());
  CHECK_FALSE(draft.workspace_role.has_value());
  CHECK(draft.projects.empty());
  CHECK(draft.expiry.kind == ExpiryKind::one_year);
  CHECK_FALSE(draft.expiry.custom_date.has_value());
  CHECK(draft.expiry.utc_offset_minutes == 0);
}

TEST_CASE("The UTC offset defaults to 0", "[wire][create]") {
  AccessTokenDraft draft;
  CHECK(parse_create_request(json::parse(R"({"expiry": {"kind": "1m"}})"), draft).empty());
  CHECK(draft.expiry.kind == ExpiryKind::one_month);
  CHECK(draft.expiry.utc_offset_minutes == 0);
}

TEST_CASE("Parsing a create body starts from an empty draft", "[wire][create]") {
  AccessTokenDraft draft = stored_workspace_token();
  CHECK(parse_create_request(json::object(), draft).empty());
  CHECK(draft.name.empty());
  CHECK_FALSE(draft.access_type.has_value());
  CHECK_FALSE(draft.workspace_role.has_value());
}

TEST_CASE("Workspace Owner is read and then refused by validation", "[wire][create]") {
  AccessTokenDraft draft;
  CHECK(parse_create_request(
            json::parse(
                R"({"name":"CI","access_type":"workspace","workspace_role":"workspace_owner"})"),
            draft)
            .empty());
  CHECK(draft.workspace_role == WorkspaceRole::owner);
  ValidationContext context;
  context.creator_role = WorkspaceRole::owner;
  context.now_unix = 1718452800;
  CHECK(errors_text(validate_access_token_draft(draft, context)) ==
        "workspace_role: Workspace Owner cannot be given to a token.");
}

TEST_CASE("An incomplete project row is read and then refused by validation", "[wire][create]") {
  AccessTokenDraft draft;
  CHECK(parse_create_request(json::parse(R"({"name":"CI","access_type":"project",
        "projects":[{"project_id": 11}, {"role": "project_member"}]})"),
                             draft)
            .empty());
  REQUIRE(draft.projects.size() == 2);
  CHECK_FALSE(draft.projects[0].role.has_value());
  CHECK_FALSE(draft.projects[1].project_id.has_value());
  ValidationContext context;
  context.creator_role = WorkspaceRole::manager;
  context.now_unix = 1718452800;
  CHECK(errors_text(validate_access_token_draft(draft, context)) ==
        "projects[0].role: Role is required. | projects[1].project_id: Project is required.");
}

// ===========================================================================
// Create bodies: what is refused.

TEST_CASE("A body that is not a JSON object is refused as a whole", "[wire][create]") {
  CHECK(create_errors("[]") == ": The request body must be a JSON object.");
  CHECK(create_errors("\"CI Runner\"") == ": The request body must be a JSON object.");
  CHECK(create_errors("null") == ": The request body must be a JSON object.");
  CHECK(create_errors("42") == ": The request body must be a JSON object.");
}

TEST_CASE("Unknown top-level fields are refused", "[wire][create]") {
  CHECK(create_errors(R"({"name": "CI", "scopes": ["all"]})") == "scopes: Unknown field.");
  CHECK(create_errors(R"({"Name": "CI"})") == "Name: Unknown field.");  // names are exact
  CHECK(create_errors(R"({"token": "hwz_x", "id": 5})") ==
        "id: Unknown field. | token: Unknown field.");
}

TEST_CASE("Unknown fields inside expiry are refused", "[wire][create]") {
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "timezone": "Europe/Paris"}})") ==
        "expiry.timezone: Unknown field.");
}

TEST_CASE("Unknown fields inside a project row are refused", "[wire][create]") {
  CHECK(create_errors(R"({"projects": [{"project_id": 1, "role": "project_member"},
        {"project_id": 2, "role": "project_member", "name": "Web App"}]})") ==
        "projects[1].name: Unknown field.");
}

TEST_CASE("Wrong JSON types are refused on their field", "[wire][create]") {
  CHECK(create_errors(R"({"name": 5})") == "name: Must be a string.");
  CHECK(create_errors(R"({"name": null})") == "name: Must be a string.");
  CHECK(create_errors(R"({"access_type": true})") == "access_type: Must be a string.");
  CHECK(create_errors(R"({"access_type": null})") == "access_type: Must be a string.");
  CHECK(create_errors(R"({"workspace_role": 3})") == "workspace_role: Must be a string or null.");
  CHECK(create_errors(R"({"projects": "11"})") == "projects: Must be an array or null.");
  CHECK(create_errors(R"({"projects": {"project_id": 11}})") ==
        "projects: Must be an array or null.");
  CHECK(create_errors(R"({"projects": [11]})") == "projects[0]: Must be an object.");
  CHECK(create_errors(R"({"expiry": "1w"})") == "expiry: Must be an object.");
  CHECK(create_errors(R"({"expiry": null})") == "expiry: Must be an object.");
  CHECK(create_errors(R"({"expiry": {"kind": 1}})") == "expiry.kind: Must be a string.");
  CHECK(create_errors(R"({"expiry": {"kind": "custom", "date": 20241231}})") ==
        "expiry.date: Must be a string or null.");
}

TEST_CASE("Project ids must be JSON integers", "[wire][create]") {
  CHECK(create_errors(R"({"projects": [{"project_id": "11", "role": "project_member"}]})") ==
        "projects[0].project_id: Must be an integer.");
  CHECK(create_errors(R"({"projects": [{"project_id": 11.5, "role": "project_member"}]})") ==
        "projects[0].project_id: Must be an integer.");
  CHECK(create_errors(R"({"projects": [{"project_id": 11.0, "role": "project_member"}]})") ==
        "projects[0].project_id: Must be an integer.");
  CHECK(create_errors(R"({"projects": [{"project_id": null, "role": "project_member"}]})") ==
        "projects[0].project_id: Must be an integer.");
  CHECK(create_errors(
            R"({"projects": [{"project_id": 18446744073709551615, "role": "project_member"}]})") ==
        "projects[0].project_id: Must be an integer.");
  CHECK(create_errors(R"({"projects": [{"project_id": 11, "role": 2}]})") ==
        "projects[0].role: Must be a string.");
}

TEST_CASE("The UTC offset must be a JSON integer in range", "[wire][create]") {
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": "60"}})") ==
        "expiry.utc_offset_minutes: Must be an integer.");
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": 1.5}})") ==
        "expiry.utc_offset_minutes: Must be an integer.");
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": 841}})") ==
        "expiry.utc_offset_minutes: UTC offset must be between -840 and 840 minutes.");
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": -100000000000}})") ==
        "expiry.utc_offset_minutes: UTC offset must be between -840 and 840 minutes.");
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": 840}})").empty());
  CHECK(create_errors(R"({"expiry": {"kind": "1w", "utc_offset_minutes": -840}})").empty());
}

TEST_CASE("The expiry date must be written YYYY-MM-DD", "[wire][create]") {
  CHECK(create_errors(R"({"expiry": {"kind": "custom", "date": "31/12/2024"}})") ==
        "expiry.date: Must be a date in the form YYYY-MM-DD.");
  CHECK(create_errors(R"({"expiry": {"kind": "custom", "date": "2025-02-29"}})") ==
        "expiry.date: Must be a date in the form YYYY-MM-DD.");
  CHECK(create_errors(R"({"expiry": {"kind": "custom", "date": "2024-12-31T23:59:59Z"}})") ==
        "expiry.date: Must be a date in the form YYYY-MM-DD.");
}

TEST_CASE("An expiry object needs a kind", "[wire][create]") {
  CHECK(create_errors(R"({"expiry": {"utc_offset_minutes": 60}})") ==
        "expiry.kind: Expiry kind is required.");
}

TEST_CASE("Unknown enum values are refused with the allowed values", "[wire][create]") {
  CHECK(create_errors(R"({"access_type": "team"})") ==
        "access_type: Must be one of: workspace, project.");
  CHECK(create_errors(R"({"workspace_role": "admin"})") ==
        "workspace_role: Must be one of: workspace_manager, workspace_coordinator, "
        "workspace_member, workspace_viewer.");
  CHECK(create_errors(R"({"projects": [{"project_id": 1, "role": "project_owner"}]})") ==
        "projects[0].role: Must be one of: project_manager, project_coordinator, "
        "project_member, project_viewer.");
  CHECK(create_errors(R"({"expiry": {"kind": "2w"}})") ==
        "expiry.kind: Must be one of: 1w, 1m, 6m, 1y, custom, never.");
}

TEST_CASE("Every problem of a body is reported at once", "[wire][create]") {
  FieldErrors errors;
  AccessTokenDraft draft;
  errors = parse_create_request(json::parse(R"({
    "name": 1, "access_type": "team", "extra": 0,
    "projects": [{"project_id": "x", "role": "boss"}],
    "expiry": {"kind": "soon", "date": "tomorrow"}
  })"),
                                draft);
  CHECK(find_field_error(errors, "name") != nullptr);
  CHECK(find_field_error(errors, "access_type") != nullptr);
  CHECK(find_field_error(errors, "extra") != nullptr);
  CHECK(find_field_error(errors, "projects[0].project_id") != nullptr);
  CHECK(find_field_error(errors, "projects[0].role") != nullptr);
  CHECK(find_field_error(errors, "expiry.kind") != nullptr);
  CHECK(find_field_error(errors, "expiry.date") != nullptr);
  CHECK(errors.size() == 7);
}

// ===========================================================================
// Edit bodies.

TEST_CASE("An edit body changes only the fields it sends", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = true;
  CHECK(parse_edit_request(json::parse(R"({"name": "CI Runner 2"})"), draft, expiry_sent).empty());
  CHECK(draft.name == "CI Runner 2");
  CHECK(draft.access_type == AccessType::workspace);
  CHECK(draft.workspace_role == WorkspaceRole::member);
  CHECK_FALSE(expiry_sent);
}

TEST_CASE("An edit body is read once and applied to either access type", "[wire][edit]") {
  const AccessTokenEdit edit = read_edit_request(json::parse(
      R"({"name": "Renamed", "workspace_role": null, "projects": [{"project_id": 4,
          "role": "project_viewer"}]})"));
  CHECK(edit.body_errors.empty());
  CHECK(edit.name.sent);
  CHECK_FALSE(edit.access_type.sent);

  AccessTokenDraft project_token = stored_project_token();
  bool expiry_sent = true;
  CHECK(apply_edit_request(edit, project_token, expiry_sent).empty());
  CHECK(project_token.name == "Renamed");
  REQUIRE(project_token.projects.size() == 1);
  CHECK(project_token.projects[0].project_id == 4);
  CHECK_FALSE(expiry_sent);

  AccessTokenDraft workspace_token = stored_workspace_token();
  CHECK(errors_text(apply_edit_request(edit, workspace_token, expiry_sent)) ==
        "projects: A workspace token cannot have project grants.");
}

TEST_CASE("An empty edit body changes nothing", "[wire][edit]") {
  AccessTokenDraft draft = stored_project_token();
  bool expiry_sent = true;
  CHECK(parse_edit_request(json::object(), draft, expiry_sent).empty());
  CHECK(draft.name == "Nightly Automation");
  REQUIRE(draft.projects.size() == 1);
  CHECK(draft.projects[0].project_id == std::int64_t{11});
  CHECK_FALSE(expiry_sent);
}

TEST_CASE("An edit can change a workspace token's role", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = false;
  CHECK(parse_edit_request(json::parse(R"({"workspace_role": "workspace_viewer"})"), draft,
                           expiry_sent)
            .empty());
  CHECK(draft.workspace_role == WorkspaceRole::viewer);
}

TEST_CASE("An edit can replace a project token's rows", "[wire][edit]") {
  AccessTokenDraft draft = stored_project_token();
  bool expiry_sent = false;
  CHECK(parse_edit_request(json::parse(R"({"projects": [
        {"project_id": 12, "role": "project_coordinator"},
        {"project_id": 13, "role": "project_viewer"}]})"),
                           draft, expiry_sent)
            .empty());
  REQUIRE(draft.projects.size() == 2);
  CHECK(draft.projects[0].project_id == std::int64_t{12});
  CHECK(draft.projects[0].role == ProjectRole::coordinator);
  CHECK(draft.projects[1].project_id == std::int64_t{13});
  CHECK(draft.projects[1].role == ProjectRole::viewer);
}

TEST_CASE("An edit that sends an expiry replaces it", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = false;
  CHECK(
      parse_edit_request(
          json::parse(
              R"({"expiry": {"kind": "custom", "date": "2025-01-31", "utc_offset_minutes": 120}})"),
          draft, expiry_sent)
          .empty());
  CHECK(expiry_sent);
  CHECK(draft.expiry.kind == ExpiryKind::custom);
  CHECK(draft.expiry.custom_date == CivilDate{2025, 1, 31});
  CHECK(draft.expiry.utc_offset_minutes == 120);
}

TEST_CASE("An edit may repeat the access type but not change it", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = false;
  CHECK(parse_edit_request(json::parse(R"({"access_type": "workspace"})"), draft, expiry_sent)
            .empty());
  CHECK(errors_text(
            parse_edit_request(json::parse(R"({"access_type": "project"})"), draft, expiry_sent)) ==
        "access_type: The access type of a token cannot be changed.");
  CHECK(draft.access_type == AccessType::workspace);

  draft = stored_project_token();
  CHECK(errors_text(parse_edit_request(json::parse(R"({"access_type": "workspace"})"), draft,
                                       expiry_sent)) ==
        "access_type: The access type of a token cannot be changed.");
  CHECK(draft.access_type == AccessType::project);
  CHECK(errors_text(
            parse_edit_request(json::parse(R"({"access_type": "team"})"), draft, expiry_sent)) ==
        "access_type: Must be one of: workspace, project.");
}

TEST_CASE("An edit cannot give a project token a workspace role", "[wire][edit]") {
  AccessTokenDraft draft = stored_project_token();
  bool expiry_sent = false;
  CHECK(errors_text(parse_edit_request(json::parse(R"({"workspace_role": "workspace_viewer"})"),
                                       draft, expiry_sent)) ==
        "workspace_role: A project token cannot have a workspace role.");
  CHECK_FALSE(draft.workspace_role.has_value());
  // Null says the same thing the token already has.
  CHECK(parse_edit_request(json::parse(R"({"workspace_role": null})"), draft, expiry_sent).empty());
}

TEST_CASE("An edit cannot give a workspace token project rows", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = false;
  CHECK(errors_text(parse_edit_request(
            json::parse(R"({"projects": [{"project_id": 11, "role": "project_member"}]})"), draft,
            expiry_sent)) == "projects: A workspace token cannot have project grants.");
  CHECK(draft.projects.empty());
  CHECK(parse_edit_request(json::parse(R"({"projects": []})"), draft, expiry_sent).empty());
  CHECK(parse_edit_request(json::parse(R"({"projects": null})"), draft, expiry_sent).empty());
}

TEST_CASE("An edit body refuses what a create body refuses", "[wire][edit]") {
  AccessTokenDraft draft = stored_workspace_token();
  bool expiry_sent = false;
  CHECK(errors_text(parse_edit_request(json::parse("[]"), draft, expiry_sent)) ==
        ": The request body must be a JSON object.");
  CHECK(errors_text(parse_edit_request(json::parse(R"({"status": "disabled"})"), draft,
                                       expiry_sent)) == "status: Unknown field.");
  CHECK(errors_text(parse_edit_request(json::parse(R"({"name": ["CI"]})"), draft, expiry_sent)) ==
        "name: Must be a string.");
  CHECK(errors_text(
            parse_edit_request(json::parse(R"({"workspace_role": "root"})"), draft, expiry_sent)) ==
        "workspace_role: Must be one of: workspace_manager, workspace_coordinator, "
        "workspace_member, workspace_viewer.");
  CHECK(errors_text(parse_edit_request(json::parse(R"({"expiry": {"kind": "1w", "x": 1}})"), draft,
                                       expiry_sent)) == "expiry.x: Unknown field.");

  draft = stored_project_token();
  CHECK(errors_text(parse_edit_request(json::parse(R"({"projects": [{"id": 4}]})"), draft,
                                       expiry_sent)) == "projects[0].id: Unknown field.");
}

TEST_CASE("An edited draft is validated like a new one", "[wire][edit]") {
  AccessTokenDraft draft = stored_project_token();
  bool expiry_sent = false;
  CHECK(parse_edit_request(json::parse(R"({"projects": []})"), draft, expiry_sent).empty());
  ValidationContext context;
  context.creator_role = WorkspaceRole::manager;
  context.now_unix = 1718452800;
  CHECK(errors_text(validate_access_token_draft(draft, context)) ==
        "projects: A project token needs at least one project.");
}

// ===========================================================================
// The create body the web app sends.

TEST_CASE("to_create_request writes a workspace token's fields only", "[wire][to_create]") {
  AccessTokenDraft draft = stored_workspace_token();
  draft.name = "  CI Runner  ";
  draft.projects = {{11, ProjectRole::member}};  // left over from the other access type
  CHECK(to_create_request(draft) == json::parse(R"({
    "name": "CI Runner",
    "access_type": "workspace",
    "workspace_role": "workspace_member",
    "expiry": {"kind": "1w", "utc_offset_minutes": 0}
  })"));
}

TEST_CASE("to_create_request writes a project token's fields only", "[wire][to_create]") {
  AccessTokenDraft draft = stored_project_token();
  draft.workspace_role = WorkspaceRole::viewer;  // left over from the other access type
  draft.projects.push_back({12, ProjectRole::coordinator});
  draft.expiry.kind = ExpiryKind::never;
  draft.expiry.utc_offset_minutes = -420;
  CHECK(to_create_request(draft) == json::parse(R"({
    "name": "Nightly Automation",
    "access_type": "project",
    "projects": [{"project_id": 11, "role": "project_member"},
                 {"project_id": 12, "role": "project_coordinator"}],
    "expiry": {"kind": "never", "utc_offset_minutes": -420}
  })"));
}

TEST_CASE("to_create_request writes the date of a custom expiry only", "[wire][to_create]") {
  AccessTokenDraft draft = stored_workspace_token();
  draft.expiry.kind = ExpiryKind::custom;
  draft.expiry.custom_date = CivilDate{2025, 3, 7};
  draft.expiry.utc_offset_minutes = 330;
  CHECK(to_create_request(draft)["expiry"] ==
        json::parse(R"({"kind": "custom", "date": "2025-03-07", "utc_offset_minutes": 330})"));

  draft.expiry.kind = ExpiryKind::one_year;  // the date picked earlier is not sent
  CHECK(to_create_request(draft)["expiry"] ==
        json::parse(R"({"kind": "1y", "utc_offset_minutes": 330})"));
}

TEST_CASE("to_create_request leaves out what an incomplete draft lacks", "[wire][to_create]") {
  AccessTokenDraft draft;
  draft.name = "CI";
  CHECK(to_create_request(draft) ==
        json::parse(R"({"name": "CI", "expiry": {"kind": "1w", "utc_offset_minutes": 0}})"));

  draft.access_type = AccessType::project;
  draft.projects = {{11, std::nullopt}, {std::nullopt, ProjectRole::viewer}};
  CHECK(to_create_request(draft)["projects"] ==
        json::parse(R"([{"project_id": 11}, {"role": "project_viewer"}])"));
}

TEST_CASE("A create body read back gives the same draft", "[wire][to_create]") {
  AccessTokenDraft sent;
  sent.name = "External Sync";
  sent.access_type = AccessType::project;
  sent.projects = {{11, ProjectRole::manager}, {42, ProjectRole::viewer}};
  sent.expiry.kind = ExpiryKind::custom;
  sent.expiry.custom_date = CivilDate{2024, 12, 31};
  sent.expiry.utc_offset_minutes = -840;

  AccessTokenDraft received;
  CHECK(parse_create_request(to_create_request(sent), received).empty());
  CHECK(received.name == sent.name);
  CHECK(received.access_type == sent.access_type);
  CHECK_FALSE(received.workspace_role.has_value());
  REQUIRE(received.projects.size() == 2);
  CHECK(received.projects[0].project_id == std::int64_t{11});
  CHECK(received.projects[0].role == ProjectRole::manager);
  CHECK(received.projects[1].project_id == std::int64_t{42});
  CHECK(received.projects[1].role == ProjectRole::viewer);
  CHECK(received.expiry.kind == ExpiryKind::custom);
  CHECK(received.expiry.custom_date == CivilDate{2024, 12, 31});
  CHECK(received.expiry.utc_offset_minutes == -840);

  AccessTokenDraft workspace = stored_workspace_token();
  workspace.expiry.kind = ExpiryKind::six_months;
  CHECK(parse_create_request(to_create_request(workspace), received).empty());
  CHECK(received.name == "CI Runner");
  CHECK(received.access_type == AccessType::workspace);
  CHECK(received.workspace_role == WorkspaceRole::member);
  CHECK(received.projects.empty());
  CHECK(received.expiry.kind == ExpiryKind::six_months);
}
