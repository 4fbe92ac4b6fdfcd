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

const char *status_badge_label(const AccessToken &token) {
  if (token.status == TokenStatus::enabled && token.expires_soon) return "Expires soon";
  return status_label(token.status);
}

ui::Tone status_badge_tone(const AccessToken &token) {
  if (token.status == TokenStatus::enabled && token.expires_soon) return ui::Tone::warning;
  return status_tone(token.status);
}

const std::vector<StatusFilter> &all_status_filters() {
  static const std::vector<StatusFilter> filters = {StatusFilter::enabled,
                                                    StatusFilter::expiring_soon,
                                                    StatusFilter::disabled, StatusFilter::expired};
  return filters;
}

const char *status_filter_label(StatusFilter filter) {
  switch (filter) {
    case StatusFilter::enabled:
      return status_label(TokenStatus::enabled);
    case StatusFilter::expiring_soon:
      return "Expires soon";
    case StatusFilter::disabled:
      return status_label(TokenStatus::disabled);
    case StatusFilter::expired:
      return status_label(TokenStatus::expired);
  }
  return "";
}

std::string_view wire_name(StatusFilter filter) {
  switch (filter) {
    case StatusFilter::enabled:
      return wire_name(TokenStatus::enabled);
    case StatusFilter::expiring_soon:
      return "expiring_soon";
    case StatusFilter::disabled:
      return wire_name(TokenStatus::disabled);
    case StatusFilter::expired:
      return wire_name(TokenStatus::expired);
  }
  return "";
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
