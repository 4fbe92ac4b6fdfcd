// The access-token request model: validation (docs/product.md#create-window) and the JSON wire
// format of create and edit bodies (docs/product.md#token-management).
//
// Every rule is written once, in find_problems(). Each problem carries two phrasings:
// the field error the API returns and the form shows next to the field, and the
// instruction the web app shows next to a disabled Create Token button.
#include "shared/access_token_request.h"

#include "shared/json_number.h"
#include "shared/unicode_text.h"

#include <nlohmann/json.hpp>

#include <set>

namespace hawzu {

namespace {

// ===========================================================================
// Token names.

bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
bool is_forbidden_in_name(char32_t code_point) {
  return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F) ||
         code_point == 0x2028 || code_point == 0x2029;
}

// ===========================================================================
// Problems: one rule, two phrasings.

struct Problem {
  std::string field;        // wire path
  std::string message;      // field error: what is wrong
  std::string instruction;  // next to the disabled button: what to do
};

std::optional<Problem> find_name_problem(std::string_view trimmed_name) {
  if (trimmed_name.empty()) {
    return Problem{"name", "Token name is required.", "Enter a token name."};
  }
  std::u32string code_points;
  if (!unicode::decode_utf8(trimmed_name, code_points)) {
    return Problem{"name", "Token name is not valid UTF-8 text.",
                   "Remove the invalid characters from the token name."};
  }
  for (char32_t code_point : code_points) {
    if (is_forbidden_in_name(code_point)) {
      return Problem{"name", "Token name cannot contain control characters or line breaks.",
                     "Remove control characters and line breaks from the token name."};
    }
    // Invisible characters make look-alike names ("CI Runner" and "CI Runner" with a
    // zero-width space) or reorder what is shown (a right-to-left override).
    if (unicode::is_format_character(code_point)) {
      const std::string label = unicode::code_point_label(code_point);
      return Problem{"name",
                     "Token name cannot contain invisible formatting characters (found " + label +
                         ", such as a zero-width space or a text-direction mark).",
                     "Remove the invisible character " + label + " from the token name."};
    }
    if (unicode::is_unassigned(code_point)) {
      const std::string label = unicode::code_point_label(code_point);
      return Problem{"name",
                     "Token name contains " + label + ", which is not a character in Unicode " +
                         unicode::version() + ".",
                     "Remove the undefined character " + label + " from the token name."};
    }
  }
  if (code_points.size() > kMaxTokenNameLength) {
    const std::string limit = std::to_string(kMaxTokenNameLength);
    return Problem{"name", "Token name must be at most " + limit + " characters.",
                   "Shorten the token name to " + limit + " characters or fewer."};
  }
  return std::nullopt;
}

std::string project_row_field(std::size_t row, const char *member) {
  return "projects[" + std::to_string(row) + "]." + member;
}

void find_workspace_role_problems(const AccessTokenDraft &draft, const ValidationContext &context,
                                  std::vector<Problem> &problems) {
  if (!draft.workspace_role) {
    problems.push_back({"workspace_role", "Workspace role is required for a workspace token.",
                        "Choose a workspace role."});
  } else if (!is_assignable_to_token(*draft.workspace_role)) {
    const std::string role(display_name(*draft.workspace_role));
    problems.push_back({"workspace_role", role + " cannot be given to a token.",
                        "Choose a workspace role other than " + role + "."});
  } else if (!may_assign(context.creator_role, *draft.workspace_role)) {
    const std::string own(display_name(context.creator_role));
    problems.push_back({"workspace_role",
                        "You cannot give a token a role above your own (" + own + ").",
                        "Choose a workspace role no higher than your own (" + own + ")."});
  }
  if (!draft.projects.empty()) {
    problems.push_back({"projects", "A workspace token cannot have project grants.",
                        "Remove the project rows from this workspace token."});
  }
}

void find_project_grant_problems(const AccessTokenDraft &draft, std::vector<Problem> &problems) {
  if (draft.workspace_role) {
    problems.push_back({"workspace_role", "A project token cannot have a workspace role.",
                        "Clear the workspace role of this project token."});
  }
  if (draft.projects.empty()) {
    problems.push_back(
        {"projects", "A project token needs at least one project.", "Add at least one project."});
    return;
  }
  if (draft.projects.size() > kMaxProjectGrants) {
    const std::string limit = std::to_string(kMaxProjectGrants);
    problems.push_back({"projects", "A token can have at most " + limit + " projects.",
                        "Remove project rows until there are at most " + limit + "."});
  }
  const std::string incomplete_row = "Choose a project and a role in every row.";
  std::set<std::int64_t> seen_project_ids;
  for (std::size_t row = 0; row < draft.projects.size(); ++row) {
    const ProjectGrantDraft &grant = draft.projects[row];
    if (!grant.project_id) {
      problems.push_back(
          {project_row_field(row, "project_id"), "Project is required.", incomplete_row});
    } else if (*grant.project_id <= 0) {
      problems.push_back({project_row_field(row, "project_id"),
                          "Project id must be a positive number.",
                          "Choose a valid project in every row."});
    } else if (!seen_project_ids.insert(*grant.project_id).second) {
      problems.push_back({project_row_field(row, "project_id"),
                          "This project is already in another row.",
                          "Choose a different project in each row."});
    }
    if (!grant.role) {
      problems.push_back({project_row_field(row, "role"), "Role is required.", incomplete_row});
    }
  }
}

void find_expiry_problems(const ExpiryChoice &expiry, std::int64_t now_unix,
                          std::vector<Problem> &problems) {
  const bool offset_valid = expiry.utc_offset_minutes >= kMinUtcOffsetMinutes &&
                            expiry.utc_offset_minutes <= kMaxUtcOffsetMinutes;
  if (!offset_valid) {
    problems.push_back({"expiry.utc_offset_minutes",
                        "UTC offset must be between -840 and 840 minutes.",
                        "Check the time zone of your device: the UTC offset must be between "
                        "-14:00 and +14:00."});
  }
  if (expiry.kind != ExpiryKind::custom) {
    if (expiry.custom_date) {
      problems.push_back({"expiry.date", "An expiry date is allowed only with a custom expiry.",
                          "Clear the expiry date or choose Custom Date."});
    }
    return;
  }
  if (!expiry.custom_date) {
    problems.push_back(
        {"expiry.date", "Expiry date is required for a custom expiry.", "Pick an expiry date."});
    return;
  }
  if (!is_valid_date(*expiry.custom_date)) {
    problems.push_back(
        {"expiry.date", "Expiry date is not a real date.", "Pick a valid expiry date."});
    return;
  }
  // "Today" depends on the offset; with a wrong offset there is no meaningful today.
  if (!offset_valid) return;
  if (*expiry.custom_date < earliest_custom_date(now_unix, expiry.utc_offset_minutes)) {
    problems.push_back({"expiry.date", "Expiry date cannot be in the past.",
                        "Pick an expiry date from today onwards."});
  } else if (latest_custom_date() < *expiry.custom_date) {
    const std::string latest = format_iso_date(latest_custom_date());
    problems.push_back({"expiry.date", "Expiry date must be on or before " + latest + ".",
                        "Pick an expiry date on or before " + latest + "."});
  }
}

// Every rule of docs/product.md#create-window that needs no database, in the order of the form.
std::vector<Problem> find_problems(const AccessTokenDraft &draft,
                                   const ValidationContext &context) {
  std::vector<Problem> problems;
  if (std::optional<Problem> name = find_name_problem(trim_token_name(draft.name))) {
    problems.push_back(*name);
  }
  if (!draft.access_type) {
    problems.push_back({"access_type", "Access type is required.", "Choose an access type."});
  } else if (*draft.access_type == AccessType::workspace) {
    find_workspace_role_problems(draft, context, problems);
  } else {
    find_project_grant_problems(draft, problems);
  }
  const std::size_t before_expiry = problems.size();
  find_expiry_problems(draft.expiry, context.now_unix, problems);
  // The policy judges the instant, so only an expiry that is valid in itself.
  if (problems.size() == before_expiry) {
    if (std::optional<std::string> problem = expiry_policy_problem(
            context.policy, compute_expires_at(draft.expiry, context.now_unix), context.now_unix))
      problems.push_back({"expiry", *problem, "Choose an expiry the token policy allows."});
  }
  return problems;
}

// ===========================================================================
// Reading JSON. Each reader appends field errors and keeps going, so that one
// response lists every problem of the body.

const char *const kMustBeString = "Must be a string.";
const char *const kMustBeStringOrNull = "Must be a string or null.";
const char *const kMustBeInteger = "Must be an integer.";
const char *const kMustBeObject = "Must be an object.";
const char *const kMustBeArrayOrNull = "Must be an array or null.";
const char *const kUnknownField = "Unknown field.";

std::string access_type_values_message() {
  return must_be_one_of<AccessType>(
      std::vector<AccessType>{AccessType::workspace, AccessType::project}, &wire_name);
}

std::string workspace_role_values_message() {
  // Only the roles a token can hold; workspace_owner parses but never validates.
  std::vector<WorkspaceRole> roles;
  for (WorkspaceRole role : all_workspace_roles()) {
    if (is_assignable_to_token(role)) roles.push_back(role);
  }
  return must_be_one_of<WorkspaceRole>(roles, &wire_name);
}

std::string project_role_values_message() {
  return must_be_one_of<ProjectRole>(all_project_roles(), &wire_name);
}

std::string expiry_kind_values_message() {
  return must_be_one_of<ExpiryKind>(all_expiry_kinds(), &wire_name);
}

void report_unknown_fields(const nlohmann::json &object,
                           std::initializer_list<std::string_view> known,
                           const std::string &path_prefix, FieldErrors &errors) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool is_known = false;
    for (std::string_view name : known) is_known = is_known || it.key() == name;
    if (!is_known) errors.push_back({path_prefix + it.key(), kUnknownField});
  }
}

void read_name(const nlohmann::json &value, std::string &name, FieldErrors &errors) {
  if (!value.is_string()) {
    errors.push_back({"name", kMustBeString});
    return;
  }
  name = value.get<std::string>();
}

// Nullopt (with an error) when the value is not a known access type.
std::optional<AccessType> read_access_type(const nlohmann::json &value, FieldErrors &errors) {
  if (!value.is_string()) {
    errors.push_back({"access_type", kMustBeString});
    return std::nullopt;
  }
  std::optional<AccessType> type = parse_access_type(value.get<std::string>());
  if (!type) errors.push_back({"access_type", access_type_values_message()});
  return type;
}

// Null reads as "no workspace role". Returns false (with an error) on a bad value.
bool read_workspace_role(const nlohmann::json &value, std::optional<WorkspaceRole> &role,
                         FieldErrors &errors) {
  role.reset();
  if (value.is_null()) return true;
  if (!value.is_string()) {
    errors.push_back({"workspace_role", kMustBeStringOrNull});
    return false;
  }
  role = parse_workspace_role(value.get<std::string>());
  if (!role) {
    errors.push_back({"workspace_role", workspace_role_values_message()});
    return false;
  }
  return true;
}

ProjectGrantDraft read_project_grant(const nlohmann::json &value, std::size_t row,
                                     FieldErrors &errors) {
  const std::string path = "projects[" + std::to_string(row) + "]";
  ProjectGrantDraft grant;
  if (!value.is_object()) {
    errors.push_back({path, kMustBeObject});
    return grant;
  }
  report_unknown_fields(value, {"project_id", "role"}, path + ".", errors);
  if (auto it = value.find("project_id"); it != value.end()) {
    if (std::optional<std::int64_t> project_id = json_int64(*it)) {
      grant.project_id = *project_id;
    } else {
      errors.push_back({path + ".project_id", kMustBeInteger});
    }
  }
  if (auto it = value.find("role"); it != value.end()) {
    if (!it->is_string()) {
      errors.push_back({path + ".role", kMustBeString});
    } else {
      grant.role = parse_project_role(it->get<std::string>());
      if (!grant.role) errors.push_back({path + ".role", project_role_values_message()});
    }
  }
  return grant;
}

// Null reads as no rows.
std::vector<ProjectGrantDraft> read_project_grants(const nlohmann::json &value,
                                                   FieldErrors &errors) {
  std::vector<ProjectGrantDraft> grants;
  if (value.is_null()) return grants;
  if (!value.is_array()) {
    errors.push_back({"projects", kMustBeArrayOrNull});
    return grants;
  }
  for (std::size_t row = 0; row < value.size(); ++row) {
    grants.push_back(read_project_grant(value[row], row, errors));
  }
  return grants;
}

ExpiryChoice read_expiry(const nlohmann::json &value, FieldErrors &errors) {
  ExpiryChoice expiry;
  if (!value.is_object()) {
    errors.push_back({"expiry", kMustBeObject});
    return expiry;
  }
  report_unknown_fields(value, {"kind", "date", "utc_offset_minutes"}, "expiry.", errors);

  auto kind = value.find("kind");
  if (kind == value.end()) {
    errors.push_back({"expiry.kind", "Expiry kind is required."});
  } else if (!kind->is_string()) {
    errors.push_back({"expiry.kind", kMustBeString});
  } else if (std::optional<ExpiryKind> parsed = parse_expiry_kind(kind->get<std::string>())) {
    expiry.kind = *parsed;
  } else {
    errors.push_back({"expiry.kind", expiry_kind_values_message()});
  }

  auto date = value.find("date");
  if (date != value.end() && !date->is_null()) {
    if (!date->is_string()) {
      errors.push_back({"expiry.date", kMustBeStringOrNull});
    } else if (std::optional<CivilDate> parsed = parse_iso_date(date->get<std::string>())) {
      expiry.custom_date = *parsed;
    } else {
      errors.push_back({"expiry.date", "Must be a date in the form YYYY-MM-DD."});
    }
  }

  auto offset = value.find("utc_offset_minutes");
  if (offset != value.end() && !offset->is_null()) {
    const std::optional<std::int64_t> minutes = json_int64(*offset);
    if (!minutes) {
      errors.push_back({"expiry.utc_offset_minutes", kMustBeInteger});
    } else if (*minutes < kMinUtcOffsetMinutes || *minutes > kMaxUtcOffsetMinutes) {
      // Reported here too, as the value may not even fit an int.
      errors.push_back(
          {"expiry.utc_offset_minutes", "UTC offset must be between -840 and 840 minutes."});
    } else {
      expiry.utc_offset_minutes = static_cast<int>(*minutes);
    }
  }
  return expiry;
}

const char *const kBodyMustBeObject = "The request body must be a JSON object.";

}  // namespace

// ===========================================================================
// Access types.

std::string_view wire_name(AccessType type) {
  switch (type) {
    case AccessType::workspace:
      return "workspace";
    case AccessType::project:
      return "project";
  }
  return "";
}

std::string_view display_name(AccessType type) {
  switch (type) {
    case AccessType::workspace:
      return "Workspace";
    case AccessType::project:
      return "Project";
  }
  return "";
}

std::optional<AccessType> parse_access_type(std::string_view wire) {
  if (wire == "workspace") return AccessType::workspace;
  if (wire == "project") return AccessType::project;
  return std::nullopt;
}

// ===========================================================================
// Names and validation.

std::string trim_token_name(std::string_view name) {
  std::u32string code_points;
  if (!unicode::decode_utf8(name, code_points)) {
    // Not UTF-8: trim ASCII white space only; validation then says what is wrong.
    std::size_t begin = 0;
    std::size_t end = name.size();
    while (begin < end && is_ascii_whitespace(name[begin])) ++begin;
    while (end > begin && is_ascii_whitespace(name[end - 1])) --end;
    return std::string(name.substr(begin, end - begin));
  }
  std::size_t begin = 0;
  std::size_t end = code_points.size();
  while (begin < end && unicode::is_white_space(code_points[begin])) ++begin;
  while (end > begin && unicode::is_white_space(code_points[end - 1])) --end;
  std::string trimmed;
  trimmed.reserve(name.size());
  for (std::size_t i = begin; i < end; ++i) unicode::append_utf8(code_points[i], trimmed);
  return trimmed;
}

std::optional<std::string> token_name_problem(std::string_view trimmed_name) {
  if (std::optional<Problem> problem = find_name_problem(trimmed_name)) return problem->message;
  return std::nullopt;
}

std::string token_name_key(std::string_view trimmed_name) {
  std::u32string code_points;
  if (!unicode::decode_utf8(trimmed_name, code_points)) {
    // Not a valid name (validation refuses it); fold ASCII letters only.
    std::string key(trimmed_name);
    for (char &c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
  std::u32string folded;
  folded.reserve(code_points.size());
  for (char32_t code_point : code_points) unicode::append_case_folded(code_point, folded);
  std::string key;
  key.reserve(trimmed_name.size());
  for (char32_t code_point : folded) unicode::append_utf8(code_point, key);
  return key;
}

FieldErrors validate_access_token_draft(const AccessTokenDraft &draft,
                                        const ValidationContext &context) {
  FieldErrors errors;
  for (const Problem &problem : find_problems(draft, context)) {
    errors.push_back({problem.field, problem.message});
  }
  return errors;
}

std::optional<std::string> first_blocking_reason(const AccessTokenDraft &draft,
                                                 const ValidationContext &context) {
  std::vector<Problem> problems = find_problems(draft, context);
  if (problems.empty()) return std::nullopt;
  return problems.front().instruction;
}

std::vector<std::int64_t> projects_available_for_row(const AccessTokenDraft &draft, std::size_t row,
                                                     const std::vector<std::int64_t> &all) {
  std::set<std::int64_t> taken_by_other_rows;
  for (std::size_t other = 0; other < draft.projects.size(); ++other) {
    if (other != row && draft.projects[other].project_id) {
      taken_by_other_rows.insert(*draft.projects[other].project_id);
    }
  }
  std::vector<std::int64_t> available;
  for (std::int64_t project_id : all) {
    if (taken_by_other_rows.count(project_id) == 0) available.push_back(project_id);
  }
  return available;
}

bool can_add_project_row(const AccessTokenDraft &draft) {
  if (draft.projects.size() >= kMaxProjectGrants) return false;
  for (const ProjectGrantDraft &grant : draft.projects) {
    if (!grant.is_complete()) return false;
  }
  return true;
}

// ===========================================================================
// Wire format.

FieldErrors parse_create_request(const nlohmann::json &body, AccessTokenDraft &draft) {
  draft = AccessTokenDraft{};
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", kBodyMustBeObject});
    return errors;
  }
  report_unknown_fields(body, {"name", "access_type", "workspace_role", "projects", "expiry"}, "",
                        errors);
  if (auto it = body.find("name"); it != body.end()) read_name(*it, draft.name, errors);
  if (auto it = body.find("access_type"); it != body.end()) {
    draft.access_type = read_access_type(*it, errors);
  }
  if (auto it = body.find("workspace_role"); it != body.end()) {
    read_workspace_role(*it, draft.workspace_role, errors);
  }
  if (auto it = body.find("projects"); it != body.end()) {
    draft.projects = read_project_grants(*it, errors);
  }
  if (auto it = body.find("expiry"); it != body.end()) draft.expiry = read_expiry(*it, errors);
  return errors;
}

AccessTokenEdit read_edit_request(const nlohmann::json &body) {
  AccessTokenEdit edit;
  if (!body.is_object()) {
    edit.body_is_object = false;
    edit.body_errors.push_back({"", kBodyMustBeObject});
    return edit;
  }
  report_unknown_fields(body, {"name", "access_type", "workspace_role", "projects", "expiry"}, "",
                        edit.body_errors);
  if (auto it = body.find("name"); it != body.end()) {
    edit.name.sent = true;
    read_name(*it, edit.name.value, edit.name.errors);
  }
  if (auto it = body.find("access_type"); it != body.end()) {
    edit.access_type.sent = true;
    edit.access_type.value = read_access_type(*it, edit.access_type.errors);
  }
  if (auto it = body.find("workspace_role"); it != body.end()) {
    edit.workspace_role.sent = true;
    read_workspace_role(*it, edit.workspace_role.value, edit.workspace_role.errors);
  }
  if (auto it = body.find("projects"); it != body.end()) {
    edit.projects.sent = true;
    edit.projects.value = read_project_grants(*it, edit.projects.errors);
  }
  if (auto it = body.find("expiry"); it != body.end()) {
    edit.expiry.sent = true;
    edit.expiry.value = read_expiry(*it, edit.expiry.errors);
  }
  return edit;
}

FieldErrors apply_edit_request(const AccessTokenEdit &edit, AccessTokenDraft &draft,
                               bool &expiry_sent) {
  expiry_sent = false;
  FieldErrors errors = edit.body_errors;
  if (!edit.body_is_object) return errors;
  const auto report = [&errors](const FieldErrors &found) {
    errors.insert(errors.end(), found.begin(), found.end());
  };
  if (edit.name.sent) {
    report(edit.name.errors);
    if (edit.name.errors.empty()) draft.name = edit.name.value;
  }
  if (edit.access_type.sent) {
    report(edit.access_type.errors);
    if (edit.access_type.value && edit.access_type.value != draft.access_type) {
      errors.push_back({"access_type", "The access type of a token cannot be changed."});
    }
  }
  const bool is_project_token = draft.access_type == AccessType::project;
  if (edit.workspace_role.sent) {
    if (is_project_token) {
      // Null (read without errors as no role) is harmless: a project token has no
      // workspace role to clear.
      if (!edit.workspace_role.errors.empty() || edit.workspace_role.value) {
        errors.push_back({"workspace_role", "A project token cannot have a workspace role."});
      }
    } else {
      report(edit.workspace_role.errors);
      draft.workspace_role = edit.workspace_role.value;
    }
  }
  if (edit.projects.sent) {
    if (is_project_token) {
      report(edit.projects.errors);
      draft.projects = edit.projects.value;
    } else if (!edit.projects.errors.empty() || !edit.projects.value.empty()) {
      // Null or [] (read without errors as no rows) is harmless.
      errors.push_back({"projects", "A workspace token cannot have project grants."});
    }
  }
  if (edit.expiry.sent) {
    report(edit.expiry.errors);
    draft.expiry = edit.expiry.value;
    expiry_sent = true;
  }
  return errors;
}

FieldErrors parse_edit_request(const nlohmann::json &body, AccessTokenDraft &draft,
                               bool &expiry_sent) {
  return apply_edit_request(read_edit_request(body), draft, expiry_sent);
}

ExpiryChoice parse_expiry(const nlohmann::json &value, FieldErrors &errors) {
  return read_expiry(value, errors);
}

FieldErrors validate_expiry(const ExpiryChoice &expiry, std::int64_t now_unix) {
  std::vector<Problem> problems;
  find_expiry_problems(expiry, now_unix, problems);
  FieldErrors errors;
  for (const Problem &problem : problems) errors.push_back({problem.field, problem.message});
  return errors;
}

nlohmann::json to_projects_json(const std::vector<ProjectGrantDraft> &projects) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ProjectGrantDraft &grant : projects) {
    // An incomplete row leaves its missing member out; the server then says which.
    nlohmann::json row = nlohmann::json::object();
    if (grant.project_id) row["project_id"] = *grant.project_id;
    if (grant.role) row["role"] = std::string(wire_name(*grant.role));
    rows.push_back(row);
  }
  return rows;
}

nlohmann::json to_expiry_json(const ExpiryChoice &choice) {
  nlohmann::json expiry = nlohmann::json::object();
  expiry["kind"] = std::string(wire_name(choice.kind));
  if (choice.kind == ExpiryKind::custom && choice.custom_date) {
    expiry["date"] = format_iso_date(*choice.custom_date);
  }
  expiry["utc_offset_minutes"] = choice.utc_offset_minutes;
  return expiry;
}

nlohmann::json to_create_request(const AccessTokenDraft &draft) {
  nlohmann::json body = nlohmann::json::object();
  body["name"] = trim_token_name(draft.name);
  if (draft.access_type) {
    body["access_type"] = std::string(wire_name(*draft.access_type));
    if (*draft.access_type == AccessType::workspace) {
      body["workspace_role"] = draft.workspace_role
                                   ? nlohmann::json(std::string(wire_name(*draft.workspace_role)))
                                   : nlohmann::json(nullptr);
    } else {
      body["projects"] = to_projects_json(draft.projects);
    }
  }
  body["expiry"] = to_expiry_json(draft.expiry);
  return body;
}

}  // namespace hawzu
