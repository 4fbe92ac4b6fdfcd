// The edit form's starting draft and the PATCH body it sends: only what changed.
#include "shared/access_token_edit.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace hawzu;
using nlohmann::json;

namespace {

AccessToken workspace_token() {
  AccessToken token;
  token.id = 7;
  token.name = "CI Runner";
  token.access_type = AccessType::workspace;
  token.workspace_role = WorkspaceRole::member;
  return token;
}

AccessToken project_token() {
  AccessToken token;
  token.id = 8;
  token.name = "Nightly";
  token.access_type = AccessType::project;
  token.projects = {{1, "Web App", ProjectRole::member}, {2, "Mobile App", ProjectRole::viewer}};
  return token;
}

}  // namespace

TEST_CASE("edit: the draft starts from the token's values") {
  const AccessTokenDraft draft = draft_from_token(project_token());
  CHECK(draft.name == "Nightly");
  CHECK(draft.access_type == AccessType::project);
  REQUIRE(draft.projects.size() == 2);
  CHECK(draft.projects[1].project_id == 2);
  CHECK(draft.projects[1].role == ProjectRole::viewer);
  CHECK(draft_from_token(workspace_token()).workspace_role == WorkspaceRole::member);
}

TEST_CASE("edit: an untouched draft sends an empty body") {
  CHECK(to_edit_request(workspace_token(), draft_from_token(workspace_token()), false) ==
        json::object());
  CHECK(to_edit_request(project_token(), draft_from_token(project_token()), false) ==
        json::object());
}

TEST_CASE("edit: a changed name is sent trimmed; only white space around it is no change") {
  AccessTokenDraft draft = draft_from_token(workspace_token());
  draft.name = "  CI Runner  ";
  CHECK(to_edit_request(workspace_token(), draft, false) == json::object());
  draft.name = " CI Runner (main) ";
  CHECK(to_edit_request(workspace_token(), draft, false) == json{{"name", "CI Runner (main)"}});
}

TEST_CASE("edit: a new workspace role is sent; the access type never is") {
  AccessTokenDraft draft = draft_from_token(workspace_token());
  draft.workspace_role = WorkspaceRole::viewer;
  const json body = to_edit_request(workspace_token(), draft, false);
  CHECK(body == json{{"workspace_role", "workspace_viewer"}});
}

TEST_CASE("edit: project rows are compared as a set and sent whole when they differ") {
  AccessTokenDraft reordered = draft_from_token(project_token());
  std::swap(reordered.projects[0], reordered.projects[1]);
  CHECK(to_edit_request(project_token(), reordered, false) == json::object());

  AccessTokenDraft changed = draft_from_token(project_token());
  changed.projects[1].role = ProjectRole::manager;
  CHECK(to_edit_request(project_token(), changed, false)["projects"] ==
        json::parse(R"([{"project_id":1,"role":"project_member"},
                        {"project_id":2,"role":"project_manager"}])"));

  AccessTokenDraft fewer = draft_from_token(project_token());
  fewer.projects.pop_back();
  CHECK(to_edit_request(project_token(), fewer, false)["projects"].size() == 1);
}

TEST_CASE("edit: the expiry is sent only when a new one was chosen") {
  AccessTokenDraft draft = draft_from_token(workspace_token());
  draft.expiry.kind = ExpiryKind::six_months;
  draft.expiry.utc_offset_minutes = 60;
  CHECK_FALSE(to_edit_request(workspace_token(), draft, false).contains("expiry"));
  CHECK(to_edit_request(workspace_token(), draft, true) ==
        json{{"expiry", {{"kind", "6m"}, {"utc_offset_minutes", 60}}}});
}
