// Administering accounts (issue 11): list, add, disable and enable, reset a password, revoke
// sessions; shared by `hearth user …` and the admin-only /api/v1/users routes. Every change is
// written to the audit log by the user store, in the change's own transaction, with the actor
// given here and without any password hash.
//
// A disabled user cannot log in and its tokens stop working (AuthService::Authenticate); disabling
// also revokes its sessions, so that enabling it again does not revive old tokens. A password
// reset revokes every session too: whoever knew the old password is logged out.
//
// Thread-safe: the store, the clock and the hasher are.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ports/clock.hpp"
#include "ports/credentials.hpp"
#include "ports/user_store.hpp"
#include "services/auth_service.hpp"

namespace hearth::services {

/// Who acts: the name the audit log records, and the acting user's id when it is one (HTTP).
struct Actor {
  std::string name;
  std::optional<int64_t> user_id;
};

class UserAdminService {
 public:
  /// None is owned; all must outlive the service. New accounts go through `auth` (its checks).
  UserAdminService(ports::UserStore& users, AuthService& auth, const ports::Clock& clock,
                   const ports::PasswordHasher& hasher);

  /// Users in id order after the id `after`, at most `limit` (1..1000).
  Result<std::vector<ports::User>> List(std::optional<int64_t> after, int limit);
  /// The enabled accounts of a company, of `role` only when given, by username: whom a manager
  /// names as a sampling plan's staff or an order's technician. Company staff read their own
  /// company's (`company_id` may be left out; another company's is permission_denied); admins
  /// and regulators name the company (invalid_argument, field "company_id", when they do not);
  /// households are permission_denied.
  Result<std::vector<ports::User>> Staff(const Principal& reader, std::optional<int64_t> company_id,
                                         std::optional<rules::Role> role);
  /// not_found (field "id").
  Result<ports::User> Get(int64_t id);
  /// By username (case folded as at login); not_found (field "username").
  Result<ports::User> Find(std::string_view username);

  /// AuthService::AddUser, audited by `by`.
  Result<ports::User> Add(const NewAccount& account, const Actor& by);
  /// Disables or enables; failed_precondition when an admin would disable their own account
  /// (nobody could then undo it over HTTP). Returns the user after.
  Result<ports::User> SetDisabled(int64_t id, bool disabled, const Actor& by);
  /// Sets a new password (CheckPassword, with the user's username: invalid_argument, field
  /// "password", for a short, long or common one) and revokes every session of the user;
  /// not_found (field "id") first when there is no such user.
  Status ResetPassword(int64_t id, std::string_view password, const Actor& by);
  /// Revokes every open session of the user; returns how many.
  Result<int64_t> RevokeSessions(int64_t id, const Actor& by);

 private:
  ports::UserStore& users_;
  AuthService& auth_;
  const ports::Clock& clock_;
  const ports::PasswordHasher& hasher_;
};

}  // namespace hearth::services
