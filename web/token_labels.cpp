#include "web/token_labels.h"

#include "web/format.h"
#include "web/widgets.h"

#include "shared/relative_time.h"

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

std::string expiry_relative(const AccessToken &token, std::int64_t now) {
  if (!token.expires_at) return "Never";
  const std::string distance = relative_time(*token.expires_at, now);
  return *token.expires_at < now ? "Expired " + distance : "Expires " + distance;
}

std::string exact_time_hint(std::optional<std::int64_t> when, const char *when_missing) {
  return when ? format_date_time(*when) : std::string(when_missing);
}

ui::Tone status_tone(TokenStatus status) {
  switch (status) {
    case TokenStatus::enabled:
      return ui::Tone::success;
    case TokenStatus::expired:
      return ui::Tone::danger;
    case TokenStatus::disabled:
    default:
      return ui::Tone::neutral;
  }
}

}  // namespace hawzu
