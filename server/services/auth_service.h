// Signing in and out (docs/product.md#web-session, docs/security.md#passwords-and-sign-in).
// Every failure looks the same to the caller (401 invalid_credentials),
// whether the email is unknown or the password wrong, and takes the same time: an
// unknown email is verified against a dummy hash. Repeated failures are throttled per
// account and address pair and per address (429 too_many_attempts with a retry time),
// and slowed per account (security/sign_in_throttle.h).
// Thread-safe.
#pragma once

#include "auth/authenticator.h"
#include "auth/principal.h"
#include "db/database.h"
#include "security/password_hasher.h"
#include "security/sign_in_throttle.h"
#include "services/service_result.h"
#include "services/session_service.h"
#include "util/clock.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hawzu::server {

inline constexpr std::size_t kMaxEmailLength = 254;

struct SignInFields {
  std::string email;
  SecretString password;
};

// Reads {"email": string, "password": string} (nothing else). Field errors for missing,
// mistyped or oversized fields; the password is wiped from `body` once copied.
FieldErrors parse_sign_in_request(nlohmann::json &body, SignInFields &fields);

struct SignedIn {
  Principal principal;
  SecretString cookie_value;  // the new session id, for Set-Cookie only
};

class AuthService {
 public:
  AuthService(Database &database, const Clock &clock, PasswordHasher &hasher,
              SessionService &sessions, Authenticator &authenticator,
              ThrottlePolicy throttle = {})
      : database_(database),
        clock_(clock),
        hasher_(hasher),
        throttle_(throttle),
        sessions_(sessions),
        authenticator_(authenticator) {}

  // Checks the credentials and starts a new session. `previous_session_id` (the session
  // the request came with, if any) is ended: every sign-in gets a new session id.
  Result<SignedIn> sign_in(const SignInFields &fields, std::string_view client_address,
                           std::optional<std::int64_t> previous_session_id);

  // Ends the principal's session server-side.
  void sign_out(const Principal &principal, std::string_view client_address);

 private:
  // Counts the attempt (security/sign_in_throttle.h) and records it; the verdict.
  ThrottleVerdict begin_attempt(const std::string &account_key, const std::string &address_key,
                                std::int64_t now);
  void audit_failure(std::optional<std::int64_t> user_id, std::string_view reason,
                     std::string_view client_address);

  Database &database_;
  const Clock &clock_;
  PasswordHasher &hasher_;
  ThrottlePolicy throttle_;
  SessionService &sessions_;
  Authenticator &authenticator_;
};

}  // namespace hawzu::server
