// Validation of access-token drafts (docs/product.md#create-window) and the pickers' helpers.
#include "shared/access_token_request.h"

#include <catch2/catch.hpp>

#include <string>

using namespace hawzu;

namespace {

const std::int64_t kNow = 1718452800;  // 2024-06-15T12:00:00Z

ValidationContext context_for(WorkspaceRole creator_role) {
  ValidationContext context;
  context.creator_role = creator_role;
  context.now_unix = kNow;
  return context;
}

AccessTokenDraft valid_workspace_draft() {
  AccessTokenDraft draft;
  draft.name = "CI Runner";
  draft.access_type = AccessType::workspace;
  draft.workspace_role = WorkspaceRole::member;
  return draft;
}

AccessTokenDraft valid_project_draft() {
  AccessTokenDraft draft;
  draft.name = "Nightly Automation";
  draft.access_type = AccessType::project;
  draft.projects = {{11, ProjectRole::member}, {12, ProjectRole::viewer}};
  return draft;
}

AccessTokenDraft custom_expiry_draft(CivilDate date, int utc_offset_minutes) {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.expiry.kind = ExpiryKind::custom;
  draft.expiry.custom_date = date;
  draft.expiry.utc_offset_minutes = utc_offset_minutes;
  return draft;
}

// All errors as "field: message", joined by " | ", so that a failed check shows every
// error the draft has.
std::string errors_text(const FieldErrors &errors) {
  std::string text;
  for (const FieldError &error : errors) {
    if (!text.empty()) text += " | ";
    text += error.field + ": " + error.message;
  }
  return text;
}

}  // namespace

// ===========================================================================
// Access types.

TEST_CASE("Access types have wire and display names", "[request]") {
  CHECK(wire_name(AccessType::workspace) == "workspace");
  CHECK(wire_name(AccessType::project) == "project");
  CHECK(display_name(AccessType::workspace) == "Workspace");
  CHECK(display_name(AccessType::project) == "Project");
  CHECK(parse_access_type("workspace") == AccessType::workspace);
  CHECK(parse_access_type("project") == AccessType::project);
  CHECK_FALSE(parse_access_type("Workspace").has_value());
  CHECK_FALSE(parse_access_type("team").has_value());
  CHECK_FALSE(parse_access_type("").has_value());
}

// ===========================================================================
// Token names.

TEST_CASE("trim_token_name removes Unicode white space at both ends only", "[request][name]") {
  CHECK(trim_token_name("  CI Runner \t\r\n") == "CI Runner");
  CHECK(trim_token_name("\v\fCI  Runner") == "CI  Runner");  // inner spaces stay
  CHECK(trim_token_name("   ") == "");
  CHECK(trim_token_name("") == "");
  // A no-break space (U+00A0) is Unicode white space.
  CHECK(trim_token_name("\xC2\xA0"
                        "CI") == "CI");
}

TEST_CASE("A name of 1 to 80 characters is accepted", "[request][name]") {
  CHECK_FALSE(token_name_problem("C").has_value());
  CHECK_FALSE(token_name_problem("CI Runner").has_value());
  CHECK_FALSE(token_name_problem(std::string(80, 'a')).has_value());
}

TEST_CASE("An empty name is refused", "[request][name]") {
  CHECK(token_name_problem("") == std::string("Token name is required."));
}

TEST_CASE("A name longer than 80 characters is refused", "[request][name]") {
  CHECK(token_name_problem(std::string(81, 'a')) ==
        std::string("Token name must be at most 80 characters."));
}

TEST_CASE("Name length counts code points, not bytes", "[request][name]") {
  std::string eighty_e_acute;
  for (int i = 0; i < 80; ++i) eighty_e_acute += "\xC3\xA9";  // é, two bytes each
  CHECK_FALSE(token_name_problem(eighty_e_acute).has_value());
  CHECK(token_name_problem(eighty_e_acute + "\xC3\xA9").has_value());

  std::string eighty_emoji;
  for (int i = 0; i < 80; ++i) eighty_emoji += "\xF0\x9F\x9A\x80";  // U+1F680, four bytes
  CHECK_FALSE(token_name_problem(eighty_emoji).has_value());
}

TEST_CASE("Names in other scripts are accepted", "[request][name]") {
  CHECK_FALSE(token_name_problem("Sync \xE6\x97\xA5\xE6\x9C\xAC").has_value());  // 日本
  CHECK_FALSE(token_name_problem("\xD0\x9A\xD0\x98 runner").has_value());        // КИ
  CHECK_FALSE(token_name_problem("Deploy \xF0\x9F\x9A\x80").has_value());        // 🚀
}

TEST_CASE("A name that is not valid UTF-8 is refused", "[request][name]") {
  const std::string message = "Token name is not valid UTF-8 text.";
  CHECK(token_name_problem("CI \xC3") == message);              // truncated sequence
  CHECK(token_name_problem("CI \xC3(") == message);             // bad continuation
  CHECK(token_name_problem("CI \x80") == message);              // lone continuation byte
  CHECK(token_name_problem("CI \xC0\xAF") == message);          // overlong '/'
  CHECK(token_name_problem("CI \xE0\x80\xAF") == message);      // overlong, three bytes
  CHECK(token_name_problem("CI \xED\xA0\x80") == message);      // UTF-16 surrogate
  CHECK(token_name_problem("CI \xF4\x90\x80\x80") == message);  // above U+10FFFF
  CHECK(token_name_problem("CI \xFF") == message);
}

TEST_CASE("A name with control characters or line breaks is refused", "[request][name]") {
  const std::string message = "Token name cannot contain control characters or line breaks.";
  CHECK(token_name_problem(std::string("CI\0Runner", 9)) == message);  // U+0000
  CHECK(token_name_problem("CI\x01Runner") == message);
  CHECK(token_name_problem("CI\tRunner") == message);
  CHECK(token_name_problem("CI\nRunner") == message);
  CHECK(token_name_problem("CI\x1F") == message);
  CHECK(token_name_problem("CI\x7F") == message);      // DEL
  CHECK(token_name_problem("CI\xC2\x80") == message);  // U+0080
  CHECK(token_name_problem("CI\xC2\x85"
                           "Runner") == message);                // U+0085 next line
  CHECK(token_name_problem("CI\xC2\x9F") == message);            // U+009F
  CHECK(token_name_problem("CI\xE2\x80\xA8Runner") == message);  // U+2028 line separator
  CHECK(token_name_problem("CI\xE2\x80\xA9Runner") == message);  // U+2029 paragraph separator
  // Neighbours of the forbidden ranges are fine.
  CHECK_FALSE(token_name_problem("CI ~ Runner").has_value());           // U+0020, U+007E
  CHECK_FALSE(token_name_problem("CI\xC2\xA0Runner").has_value());      // U+00A0
  CHECK_FALSE(token_name_problem("CI\xE2\x80\xA7Runner").has_value());  // U+2027
}

TEST_CASE("token_name_key folds case the Unicode way", "[request][name]") {
  CHECK(token_name_key("CI Runner") == token_name_key("ci runner"));
  CHECK(token_name_key("CI Runner") == "ci runner");
  CHECK(token_name_key("CI Runner") != token_name_key("CI Runner 2"));
  CHECK(token_name_key("\xC3\x89t\xC3\xA9") == token_name_key("\xC3\xA9t\xC3\xA9"));  // Été, été
}

// ===========================================================================
// Validation: whole drafts.

TEST_CASE("Valid drafts have no errors", "[request][validate]") {
  CHECK(validate_access_token_draft(valid_workspace_draft(), context_for(WorkspaceRole::manager))
            .empty());
  CHECK(validate_access_token_draft(valid_project_draft(), context_for(WorkspaceRole::manager))
            .empty());
}

TEST_CASE("The draft name is trimmed before it is checked", "[request][validate]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.name = "   ";
  FieldErrors errors = validate_access_token_draft(draft, context_for(WorkspaceRole::manager));
  CHECK(errors_text(errors) == "name: Token name is required.");

  draft.name = "  " + std::string(80, 'a') + "  ";
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());
}

TEST_CASE("Name errors are reported on \"name\"", "[request][validate]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.name = std::string(81, 'x');
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "name: Token name must be at most 80 characters.");
  draft.name = "CI\nRunner";
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "name: Token name cannot contain control characters or line breaks.");
}

TEST_CASE("The access type is required", "[request][validate]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.access_type.reset();
  draft.workspace_role.reset();
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "access_type: Access type is required.");
}

TEST_CASE("Errors follow the order of the form", "[request][validate]") {
  AccessTokenDraft draft;
  draft.expiry.kind = ExpiryKind::custom;
  FieldErrors errors = validate_access_token_draft(draft, context_for(WorkspaceRole::manager));
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].field == "name");
  CHECK(errors[1].field == "access_type");
  CHECK(errors[2].field == "expiry.date");
}

// ===========================================================================
// Validation: workspace tokens.

TEST_CASE("A workspace token needs a workspace role", "[request][validate][workspace]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.workspace_role.reset();
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "workspace_role: Workspace role is required for a workspace token.");
}

TEST_CASE("No token can be given Workspace Owner", "[request][validate][workspace]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.workspace_role = WorkspaceRole::owner;
  // Not even by an Owner.
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::owner))) ==
        "workspace_role: Workspace Owner cannot be given to a token.");
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "workspace_role: Workspace Owner cannot be given to a token.");
}

TEST_CASE("A creator cannot give a token a role above their own",
          "[request][validate][workspace]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.workspace_role = WorkspaceRole::coordinator;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::member))) ==
        "workspace_role: You cannot give a token a role above your own (Workspace Member).");

  draft.workspace_role = WorkspaceRole::manager;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::coordinator))) ==
        "workspace_role: You cannot give a token a role above your own (Workspace "
        "Coordinator).");
}

TEST_CASE("A creator can give a token their own role or a lower one",
          "[request][validate][workspace]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.workspace_role = WorkspaceRole::member;
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::member)).empty());
  draft.workspace_role = WorkspaceRole::viewer;
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::member)).empty());
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::viewer)).empty());
  draft.workspace_role = WorkspaceRole::manager;
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::owner)).empty());
}

TEST_CASE("A workspace token cannot have project rows", "[request][validate][workspace]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.projects = {{11, ProjectRole::member}};
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects: A workspace token cannot have project grants.");
  // Not even an empty row.
  draft.projects = {ProjectGrantDraft{}};
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects: A workspace token cannot have project grants.");
}

// ===========================================================================
// Validation: project tokens.

TEST_CASE("A project token needs at least one project", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects: A project token needs at least one project.");
}

TEST_CASE("Every project row needs a project and a role", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects = {{11, ProjectRole::member},
                    {std::nullopt, ProjectRole::viewer},
                    {13, std::nullopt},
                    {std::nullopt, std::nullopt}};
  FieldErrors errors = validate_access_token_draft(draft, context_for(WorkspaceRole::manager));
  CHECK(errors_text(errors) ==
        "projects[1].project_id: Project is required. | "
        "projects[2].role: Role is required. | "
        "projects[3].project_id: Project is required. | "
        "projects[3].role: Role is required.");
}

TEST_CASE("A project may appear in only one row", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects = {
      {11, ProjectRole::member}, {12, ProjectRole::viewer}, {11, ProjectRole::manager}};
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects[2].project_id: This project is already in another row.");
}

TEST_CASE("Project ids must be positive", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects = {{0, ProjectRole::member}, {-5, ProjectRole::viewer}};
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects[0].project_id: Project id must be a positive number. | "
        "projects[1].project_id: Project id must be a positive number.");
}

TEST_CASE("A project token has at most 100 project rows", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(kMaxProjectGrants); ++id) {
    draft.projects.push_back({id, ProjectRole::viewer});
  }
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());

  draft.projects.push_back({1000, ProjectRole::viewer});
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "projects: A token can have at most 100 projects.");
}

TEST_CASE("A project token cannot have a workspace role", "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.workspace_role = WorkspaceRole::viewer;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "workspace_role: A project token cannot have a workspace role.");
}

TEST_CASE("Project roles are not limited by the creator's workspace role",
          "[request][validate][project]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects = {{11, ProjectRole::manager}};
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());
}

// ===========================================================================
// Validation: expiry.

TEST_CASE("Every non-custom expiry is valid without a date", "[request][validate][expiry]") {
  for (ExpiryKind kind : {ExpiryKind::one_week, ExpiryKind::one_month, ExpiryKind::six_months,
                          ExpiryKind::one_year, ExpiryKind::never}) {
    AccessTokenDraft draft = valid_workspace_draft();
    draft.expiry.kind = kind;
    INFO(wire_name(kind));
    CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());
  }
}

TEST_CASE("The UTC offset must be within -14:00 and +14:00", "[request][validate][expiry]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.expiry.utc_offset_minutes = 840;
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());
  draft.expiry.utc_offset_minutes = -840;
  CHECK(validate_access_token_draft(draft, context_for(WorkspaceRole::manager)).empty());

  draft.expiry.utc_offset_minutes = 841;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "expiry.utc_offset_minutes: UTC offset must be between -840 and 840 minutes.");
  draft.expiry.utc_offset_minutes = -841;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "expiry.utc_offset_minutes: UTC offset must be between -840 and 840 minutes.");
}

TEST_CASE("A custom expiry needs a date", "[request][validate][expiry]") {
  AccessTokenDraft draft = valid_workspace_draft();
  draft.expiry.kind = ExpiryKind::custom;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "expiry.date: Expiry date is required for a custom expiry.");
}

TEST_CASE("A custom date of today is allowed, yesterday is not", "[request][validate][expiry]") {
  // kNow is 2024-06-15T12:00:00Z.
  CHECK(validate_access_token_draft(custom_expiry_draft({2024, 6, 15}, 0),
                                    context_for(WorkspaceRole::manager))
            .empty());
  CHECK(validate_access_token_draft(custom_expiry_draft({2025, 1, 1}, 0),
                                    context_for(WorkspaceRole::manager))
            .empty());
  CHECK(errors_text(validate_access_token_draft(custom_expiry_draft({2024, 6, 14}, 0),
                                                context_for(WorkspaceRole::manager))) ==
        "expiry.date: Expiry date cannot be in the past.");
}

TEST_CASE("Today for a custom date is the user's local date", "[request][validate][expiry]") {
  ValidationContext context = context_for(WorkspaceRole::manager);
  context.now_unix = 1718494200;  // 2024-06-15T23:30:00Z: already June 16 at UTC+14:00

  CHECK(validate_access_token_draft(custom_expiry_draft({2024, 6, 15}, 0), context).empty());
  CHECK(errors_text(
            validate_access_token_draft(custom_expiry_draft({2024, 6, 15}, 14 * 60), context)) ==
        "expiry.date: Expiry date cannot be in the past.");
  CHECK(validate_access_token_draft(custom_expiry_draft({2024, 6, 16}, 14 * 60), context).empty());

  context.now_unix = 1718427600;  // 2024-06-15T05:00:00Z: still June 14 at UTC-14:00
  CHECK(validate_access_token_draft(custom_expiry_draft({2024, 6, 14}, -14 * 60), context).empty());
  CHECK(errors_text(validate_access_token_draft(custom_expiry_draft({2024, 6, 14}, 0), context)) ==
        "expiry.date: Expiry date cannot be in the past.");
}

TEST_CASE("A custom date after the latest custom date is refused", "[request][validate][expiry]") {
  CHECK(validate_access_token_draft(custom_expiry_draft({9999, 12, 30}, -14 * 60),
                                    context_for(WorkspaceRole::manager))
            .empty());
  CHECK(errors_text(validate_access_token_draft(custom_expiry_draft({9999, 12, 31}, 0),
                                                context_for(WorkspaceRole::manager))) ==
        "expiry.date: Expiry date must be on or before 9999-12-30.");
}

TEST_CASE("A custom date that is not a real day is refused", "[request][validate][expiry]") {
  CHECK(errors_text(validate_access_token_draft(custom_expiry_draft({2025, 2, 29}, 0),
                                                context_for(WorkspaceRole::manager))) ==
        "expiry.date: Expiry date is not a real date.");
}

TEST_CASE("Only a custom expiry carries a date", "[request][validate][expiry]") {
  AccessTokenDraft draft = custom_expiry_draft({2025, 1, 1}, 0);
  draft.expiry.kind = ExpiryKind::one_month;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "expiry.date: An expiry date is allowed only with a custom expiry.");
  draft.expiry.kind = ExpiryKind::never;
  CHECK(errors_text(validate_access_token_draft(draft, context_for(WorkspaceRole::manager))) ==
        "expiry.date: An expiry date is allowed only with a custom expiry.");
}

// ===========================================================================
// What the Create Token button says when it is disabled.

TEST_CASE("A valid draft has no blocking reason", "[request][blocking]") {
  CHECK_FALSE(first_blocking_reason(valid_workspace_draft(), context_for(WorkspaceRole::manager))
                  .has_value());
  CHECK_FALSE(first_blocking_reason(valid_project_draft(), context_for(WorkspaceRole::manager))
                  .has_value());
}

TEST_CASE("A new, empty draft first asks for a name", "[request][blocking]") {
  CHECK(first_blocking_reason(AccessTokenDraft{}, context_for(WorkspaceRole::manager)) ==
        std::string("Enter a token name."));
}

TEST_CASE("Blocking reasons are instructions for the first problem", "[request][blocking]") {
  const ValidationContext manager = context_for(WorkspaceRole::manager);

  AccessTokenDraft draft = valid_workspace_draft();
  draft.name = " ";
  CHECK(first_blocking_reason(draft, manager) == std::string("Enter a token name."));

  draft = valid_workspace_draft();
  draft.name = std::string(81, 'a');
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Shorten the token name to 80 characters or fewer."));

  draft = valid_workspace_draft();
  draft.name = "CI\tRunner";
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Remove control characters and line breaks from the token name."));

  draft = valid_workspace_draft();
  draft.access_type.reset();
  draft.workspace_role.reset();
  CHECK(first_blocking_reason(draft, manager) == std::string("Choose an access type."));

  draft = valid_workspace_draft();
  draft.workspace_role.reset();
  CHECK(first_blocking_reason(draft, manager) == std::string("Choose a workspace role."));

  draft = valid_workspace_draft();
  draft.workspace_role = WorkspaceRole::coordinator;
  CHECK(first_blocking_reason(draft, context_for(WorkspaceRole::member)) ==
        std::string("Choose a workspace role no higher than your own (Workspace Member)."));

  draft = valid_project_draft();
  draft.projects.clear();
  CHECK(first_blocking_reason(draft, manager) == std::string("Add at least one project."));

  draft = valid_project_draft();
  draft.projects[1].role.reset();
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Choose a project and a role in every row."));

  draft = valid_project_draft();
  draft.projects[0].project_id.reset();
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Choose a project and a role in every row."));

  draft = valid_project_draft();
  draft.projects[1].project_id = draft.projects[0].project_id;
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Choose a different project in each row."));

  draft = valid_workspace_draft();
  draft.expiry.kind = ExpiryKind::custom;
  CHECK(first_blocking_reason(draft, manager) == std::string("Pick an expiry date."));

  draft = custom_expiry_draft({2024, 6, 14}, 0);
  CHECK(first_blocking_reason(draft, manager) ==
        std::string("Pick an expiry date from today onwards."));
}

TEST_CASE("The blocking reason is about the earliest field in the form", "[request][blocking]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  draft.expiry.kind = ExpiryKind::custom;
  CHECK(first_blocking_reason(draft, context_for(WorkspaceRole::manager)) ==
        std::string("Add at least one project."));
  draft.name = "";
  CHECK(first_blocking_reason(draft, context_for(WorkspaceRole::manager)) ==
        std::string("Enter a token name."));
}

// ===========================================================================
// Project-row pickers.

TEST_CASE("A project chosen in another row is not offered again", "[request][rows]") {
  const std::vector<std::int64_t> all = {1, 2, 3, 4};
  AccessTokenDraft draft = valid_project_draft();
  draft.projects = {{1, ProjectRole::member}, {3, std::nullopt}, {std::nullopt, std::nullopt}};

  // Each row keeps its own choice; the order of `all` is kept.
  CHECK(projects_available_for_row(draft, 0, all) == std::vector<std::int64_t>{1, 2, 4});
  CHECK(projects_available_for_row(draft, 1, all) == std::vector<std::int64_t>{2, 3, 4});
  CHECK(projects_available_for_row(draft, 2, all) == std::vector<std::int64_t>{2, 4});
  // A row about to be added sees what no row has taken.
  CHECK(projects_available_for_row(draft, 3, all) == std::vector<std::int64_t>{2, 4});
}

TEST_CASE("With no rows every project is offered", "[request][rows]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  CHECK(projects_available_for_row(draft, 0, {5, 6}) == std::vector<std::int64_t>{5, 6});
  CHECK(projects_available_for_row(draft, 0, {}).empty());
}

TEST_CASE("Another row can be added only when every row is complete", "[request][rows]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  CHECK(can_add_project_row(draft));  // the first row

  draft.projects = {{1, ProjectRole::member}};
  CHECK(can_add_project_row(draft));

  draft.projects = {{1, ProjectRole::member}, {2, std::nullopt}};
  CHECK_FALSE(can_add_project_row(draft));

  draft.projects = {{1, ProjectRole::member}, {std::nullopt, ProjectRole::viewer}};
  CHECK_FALSE(can_add_project_row(draft));

  draft.projects = {{std::nullopt, std::nullopt}, {1, ProjectRole::member}};
  CHECK_FALSE(can_add_project_row(draft));
}

TEST_CASE("No row can be added past the project limit", "[request][rows]") {
  AccessTokenDraft draft = valid_project_draft();
  draft.projects.clear();
  for (std::int64_t id = 1; id < static_cast<std::int64_t>(kMaxProjectGrants); ++id) {
    draft.projects.push_back({id, ProjectRole::viewer});
  }
  CHECK(can_add_project_row(draft));
  draft.projects.push_back({1000, ProjectRole::viewer});
  CHECK_FALSE(can_add_project_row(draft));
}

TEST_CASE("ProjectGrantDraft is complete with both a project and a role", "[request][rows]") {
  CHECK(ProjectGrantDraft{1, ProjectRole::viewer}.is_complete());
  CHECK_FALSE(ProjectGrantDraft{1, std::nullopt}.is_complete());
  CHECK_FALSE(ProjectGrantDraft{std::nullopt, ProjectRole::viewer}.is_complete());
  CHECK_FALSE(ProjectGrantDraft{}.is_complete());
}

// ===========================================================================
// Field errors.

TEST_CASE("find_field_error finds the first error of a field", "[request][field_error]") {
  const FieldErrors errors = {{"name", "first"}, {"expiry.date", "date"}, {"name", "second"}};
  REQUIRE(find_field_error(errors, "name") != nullptr);
  CHECK(find_field_error(errors, "name")->message == "first");
  REQUIRE(find_field_error(errors, "expiry.date") != nullptr);
  CHECK(find_field_error(errors, "expiry.date")->message == "date");
  CHECK(find_field_error(errors, "expiry") == nullptr);
  CHECK(find_field_error({}, "name") == nullptr);
}
