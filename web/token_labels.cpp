#include "web/token_labels.h"

#include "web/format.h"

namespace hawzu {

const char *status_label(TokenStatus status) {
  switch (status) {
    case TokenStatus::disabled:
      return "Disabled";
    case TokenStatus::expired:
      return "Expired";
    case TokenStatus::enabled:
    default:
      return "Active";
  }
}

std::string access_summary(const AccessToken &token) {
  if (token.access_type == AccessType::workspace) {
    return token.workspace_role ? std::string(display_name(*token.workspace_role)) : "";
  }
  if (token.projects.size() == 1) {
    const ProjectGrant &grant = token.projects.front();
    return grant.project_name + " \xC2\xB7 " + std::string(display_name(grant.role));
  }
  return std::to_string(token.projects.size()) + " projects";
}

std::string expiry_label(const AccessToken &token) {
  return token.expires_at ? format_date(*token.expires_at) : "Never";
}

}  // namespace hawzu
