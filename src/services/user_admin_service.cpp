#include "services/user_admin_service.hpp"

namespace hearth::services {

UserAdminService::UserAdminService(ports::UserStore& users, AuthService& auth,
                                   const ports::Clock& clock, const ports::PasswordHasher& hasher)
    : users_(users), auth_(auth), clock_(clock), hasher_(hasher) {}

Result<std::vector<ports::User>> UserAdminService::List(std::optional<int64_t> after, int limit) {
  if (limit < 1 || limit > 1000) return Error::InvalidArgument("limit must be 1–1000", "limit");
  return users_.ListUsers(after, limit);
}

Result<std::vector<ports::User>> UserAdminService::Staff(const Principal& reader,
                                                         std::optional<int64_t> company_id,
                                                         std::optional<rules::Role> role) {
  if (reader.role == rules::Role::kHousehold) {
    return Error::PermissionDenied("a company's staff are listed for its staff and overseers");
  }
  if (reader.company_id) {
    if (company_id && *company_id != *reader.company_id) {
      return Error::PermissionDenied("you may list your own company's staff only", "company_id");
    }
    company_id = reader.company_id;
  }
  if (!company_id) return Error::InvalidArgument("company_id is required", "company_id");
  return users_.ListStaff(*company_id, role);
}

Result<ports::User> UserAdminService::Get(int64_t id) { return users_.GetUser(id); }

Result<ports::User> UserAdminService::Find(std::string_view username) {
  auto name = NormalizeUsername(username);
  if (!name) return Error::NotFound("no user '" + std::string(username) + "'", "username");
  return users_.FindUser(*name);
}

Result<ports::User> UserAdminService::Add(const NewAccount& account, const Actor& by) {
  return auth_.AddUser(account, by.name);
}

Result<ports::User> UserAdminService::SetDisabled(int64_t id, bool disabled, const Actor& by) {
  if (disabled && by.user_id == id) {
    return Error::FailedPrecondition("you cannot disable your own account", "id");
  }
  return users_.SetDisabled(id, disabled, clock_.Now(), by.name);
}

Status UserAdminService::ResetPassword(int64_t id, std::string_view password, const Actor& by) {
  // Checked before hashing, which is slow.
  auto user = users_.GetUser(id);
  if (!user.ok()) return user.error();
  if (auto s = CheckPassword(password, user->username); !s.ok()) return s;
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return hash.error();
  return users_.SetPasswordHash(id, *hash, clock_.Now(), by.name);
}

Result<int64_t> UserAdminService::RevokeSessions(int64_t id, const Actor& by) {
  return users_.RevokeSessions(id, clock_.Now(), by.name);
}

}  // namespace hearth::services
