#include "access_token_edit.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace hawzu {
namespace {

// Grants compare as sets: the order of the rows carries no meaning.
bool same_grants(const std::vector<ProjectGrant> &current,
                 const std::vector<ProjectGrantDraft> &edited) {
  if (current.size() != edited.size()) return false;
  return std::all_of(edited.begin(), edited.end(), [&](const ProjectGrantDraft &row) {
    return std::any_of(current.begin(), current.end(), [&](const ProjectGrant &grant) {
      return row.project_id == grant.project_id && row.role == grant.role;
    });
  });
}

}  // namespace

AccessTokenDraft draft_from_token(const AccessToken &token) {
  AccessTokenDraft draft;
  draft.name = token.name;
  draft.access_type = token.access_type;
  draft.workspace_role = token.workspace_role;
  for (const ProjectGrant &grant : token.projects) {
    draft.projects.push_back({grant.project_id, grant.role});
  }
  return draft;
}

nlohmann::json to_edit_request(const AccessToken &original, const AccessTokenDraft &draft,
                               bool new_expiry) {
  nlohmann::json body = nlohmann::json::object();
  const std::string name = trim_token_name(draft.name);
  if (name != original.name) body["name"] = name;
  if (original.access_type == AccessType::workspace) {
    if (draft.workspace_role && draft.workspace_role != original.workspace_role) {
      body["workspace_role"] = std::string(wire_name(*draft.workspace_role));
    }
  } else if (!same_grants(original.projects, draft.projects)) {
    body["projects"] = to_projects_json(draft.projects);
  }
  if (new_expiry) body["expiry"] = to_expiry_json(draft.expiry);
  return body;
}

}  // namespace hawzu
