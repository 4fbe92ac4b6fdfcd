#include "services/auth_service.h"

#include "store/audit_store.h"
#include "store/session_store.h"
#include "store/sign_in_attempt_store.h"
#include "store/user_store.h"

#include <chrono>
#include <thread>

#include <sodium.h>
#include <nlohmann/json.hpp>

namespace hawzu::server {
namespace {

ServiceError invalid_credentials() {
  return {ErrorKind::unauthenticated,
          "invalid_credentials",
          "The email address or password is not correct.",
          {},
          0};
}

ServiceError too_many_attempts(std::int64_t wait_seconds) {
  const std::int64_t minutes = (wait_seconds + 59) / 60;
  return {ErrorKind::too_many_requests,
          "too_many_attempts",
          "Too many failed sign-in attempts. Try again in " + std::to_string(minutes) +
              (minutes == 1 ? " minute." : " minutes."),
          {},
          wait_seconds};
}

}  // namespace

FieldErrors parse_sign_in_request(nlohmann::json &body, SignInFields &fields) {
  FieldErrors errors;
  if (!body.is_object()) {
    errors.push_back({"", "The request body must be a JSON object."});
    return errors;
  }
  for (auto it = body.begin(); it != body.end(); ++it)
    if (it.key() != "email" && it.key() != "password")
      errors.push_back({it.key(), "Unknown field."});

  auto email = body.find("email");
  if (email == body.end() || (email->is_string() && email->get_ref<std::string &>().empty()))
    errors.push_back({"email", "Email address is required."});
  else if (!email->is_string())
    errors.push_back({"email", "Must be a string."});
  else if (email->get_ref<std::string &>().size() > kMaxEmailLength)
    errors.push_back({"email", "Email address is too long."});
  else
    fields.email = email->get<std::string>();

  auto password = body.find("password");
  if (password == body.end() ||
      (password->is_string() && password->get_ref<std::string &>().empty())) {
    errors.push_back({"password", "Password is required."});
  } else if (!password->is_string()) {
    errors.push_back({"password", "Must be a string."});
  } else {
    std::string &text = password->get_ref<std::string &>();
    if (text.size() > kMaxPasswordBytes) {
      errors.push_back({"password", "Password is too long."});
    } else {
      std::string copy;
      copy.reserve(text.size());
      copy.append(text);
      fields.password = SecretString(std::move(copy));
    }
    sodium_memzero(text.data(), text.size());
  }
  return errors;
}

Result<SignedIn> AuthService::sign_in(const SignInFields &fields, std::string_view client_address,
                                      std::optional<std::int64_t> previous_session_id) {
  const std::string account_key = throttle_account_key(fields.email);
  const std::string address_key = throttle_address_key(client_address);
  const ThrottleVerdict verdict = begin_attempt(account_key, address_key, clock_.now());
  if (verdict.wait_seconds > 0) return too_many_attempts(verdict.wait_seconds);
  // An account under attack from many addresses: every attempt on it is slowed, the
  // owner's too, but none is refused for what others did.
  if (verdict.delay_ms > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(verdict.delay_ms));

  std::optional<UserRecord> user;
  {
    Database::Lease connection = database_.connect();
    user = UserStore(*connection).find_by_email(fields.email);
  }
  bool verified = false;
  if (user)
    verified = hasher_.verify(user->password_hash, fields.password.view());
  else
    hasher_.verify_dummy(fields.password.view());
  if (!verified) {
    audit_failure(user ? std::optional<std::int64_t>(user->id) : std::nullopt,
                  user ? "wrong_password" : "unknown_account", client_address);
    return invalid_credentials();
  }
  {
    Database::Lease connection = database_.connect();
    SignInAttemptStore(*connection).forgive_pair(account_key, address_key);
  }

  // Hashes made with older limits are upgraded while the password is at hand.
  std::optional<std::string> new_hash;
  if (hasher_.needs_rehash(user->password_hash)) new_hash = hasher_.hash(fields.password.view());

  StartedSession session;
  {
    Database::Lease connection = database_.connect();
    Transaction transaction(*connection);
    const std::int64_t now = clock_.now();
    if (new_hash) UserStore(*connection).update_password_hash(user->id, *new_hash, now);
    if (previous_session_id) SessionStore(*connection).remove(*previous_session_id);
    session = sessions_.start(*connection, user->id);
    AuditEntry entry;
    entry.time = now;
    entry.actor_user_id = user->id;
    entry.action = "session.sign_in";
    entry.target_type = "user";
    entry.target_id = user->id;
    entry.ip = std::string(client_address);
    AuditStore(*connection).append(entry);
    transaction.commit();
  }

  std::optional<Principal> principal = authenticator_.user_principal(user->id, session.session_id);
  if (!principal) return invalid_credentials();  // the account vanished meanwhile
  return SignedIn{std::move(*principal), std::move(session.cookie_value)};
}

void AuthService::sign_out(const Principal &principal, std::string_view client_address) {
  const UserPrincipal *person = principal.user();
  if (!person || !person->session_id) return;
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  SessionStore(*connection).remove(*person->session_id);
  AuditEntry entry;
  entry.time = clock_.now();
  entry.actor_user_id = person->user_id;
  entry.action = "session.sign_out";
  entry.target_type = "user";
  entry.target_id = person->user_id;
  entry.ip = std::string(client_address);
  AuditStore(*connection).append(entry);
  transaction.commit();
}

ThrottleVerdict AuthService::begin_attempt(const std::string &account_key,
                                           const std::string &address_key, std::int64_t now) {
  // Counting and recording in one write transaction: parallel attempts are counted one
  // after the other, on every server.
  Database::Lease connection = database_.connect();
  Transaction transaction(*connection);
  SignInAttemptStore attempts(*connection);
  const std::int64_t since = now - throttle_.window_seconds;
  attempts.prune(since);
  const ThrottleVerdict verdict =
      decide_sign_in(attempts.count(account_key, address_key, since), now, throttle_);
  if (verdict.wait_seconds == 0) attempts.record(account_key, address_key, now);
  transaction.commit();
  return verdict;
}

void AuthService::audit_failure(std::optional<std::int64_t> user_id, std::string_view reason,
                                std::string_view client_address) {
  // No email for unknown accounts: people type passwords into the email field.
  AuditEntry entry;
  entry.time = clock_.now();
  entry.action = "session.sign_in_failed";
  // The account tried is both the actor (someone acting as it) and the target.
  if (user_id) {
    entry.actor_user_id = user_id;
    entry.target_type = "user";
    entry.target_id = user_id;
  }
  entry.details = {{"reason", std::string(reason)}};
  entry.ip = std::string(client_address);
  Database::Lease connection = database_.connect();
  AuditStore(*connection).append(entry);
}

}  // namespace hawzu::server
