// The audit log's vocabulary (docs/product.md#audit-log): the action names the
// audit-events API shows ("rotate"), and the names rows are stored under
// ("access_token.rotate"), which say what kind of thing was changed. The one table that
// maps between them. Actions that are not in it (sign-out, project and test-case changes,
// start-up steps) stay in the audit_log table but are not part of the API. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hawzu::server {

// "access_token.rotate" -> "rotate"; nullopt for actions outside the API.
std::optional<std::string_view> audit_action_wire_name(std::string_view stored);

// "rotate" -> "access_token.rotate"; nullopt for a name that is not an API action.
std::optional<std::string_view> audit_action_stored_name(std::string_view wire);

// Every stored name the API shows, in the table's order.
const std::vector<std::string> &audit_api_stored_names();

// "Must be one of: sign_in, sign_in_failed, ..." for the action filter's field error.
std::string audit_action_values_message();

}  // namespace hawzu::server
