// Who may do what: the six roles, what each may read and write, whose records each sees, and
// which sensitive household data each sees in full (R-INFO-1, W 12.1: household data is seen
// only by those who need it). Pure; thread-safe. The tables are in access.cpp.
//
// Decisions (the documents name no roles; these are the platform's):
// - Scope. admin and regulator see every company (R-REG-1: regulators see all companies);
//   manager, agent and technician see their own company's records (and the shared districts and
//   seasons); a household sees its own household's records only.
// - Reads. Every role but household reads every resource (within its scope); a household reads
//   the resources marked household_readable in model/resources.cpp.
// - Writes. admin writes everything. regulator writes districts, seasons, companies and
//   licensed districts (the authority decides seasons, R-SEASON-1, and licences service areas,
//   Z 3.4) and no company data. manager writes all of its company's data (network, buildings,
//   households, sensors, tariffs, billing) and its season announcements (R-SEASON-1: the
//   company announces; the regulator reads them with their references). agent (customer service) writes households, rooms
//   and billing (fees and payments). technician writes rooms and sensors. household
//   writes nothing through the record API.
// - Written by Hearth alone: no role, not even admin, writes reminders (the arrears service
//   writes each with the proof the outbox or the hall gives, W 9.2.2) or contract versions (kept
//   on every change of a household's terms, R-ACCT-1) through the record API. A company that
//   could type in a reminder or rewrite its contract's history would date its own evidence.
// - Sensitive fields (phone, id_number). admin, manager and agent see them in full (they
//   contract, bill and call households); technician sees the phone only (to arrange a visit);
//   regulator sees them masked (it works on aggregates); a household sees its own in full.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "model/resources.hpp"

namespace hearth::rules {

enum class Role { kAdmin, kRegulator, kManager, kAgent, kTechnician, kHousehold };

inline constexpr std::array<Role, 6> kAllRoles = {Role::kAdmin,      Role::kRegulator,
                                                  Role::kManager,    Role::kAgent,
                                                  Role::kTechnician, Role::kHousehold};

/// "admin", "regulator", "manager", "agent", "technician", "household": the wire and database
/// names, stable across releases.
std::string_view RoleName(Role role);
/// The role of a wire name (exact, lower case); nullopt for any other text.
std::optional<Role> ParseRole(std::string_view name);
/// "admin, regulator, …": for error messages.
std::string RoleNames();

/// Whose records a role sees.
enum class ScopeKind {
  kAll,        ///< every company's (admin, regulator)
  kCompany,    ///< one company's (manager, agent, technician): the user has a company
  kHousehold,  ///< one household's (household): the user has a household
};
ScopeKind ScopeKindOf(Role role);

/// Whether a user of `role` may have a company and a household: a company-scoped role has a
/// company and no household, the household role a household and no company, admin and regulator
/// neither. invalid_argument names the field at fault: "company_id" or "household_id".
Status CheckUserScope(Role role, bool has_company, bool has_household);

/// May `role` read records of `resource` (within its scope)?
bool MayRead(Role role, const model::Resource& resource);
/// May `role` create, change and delete records of `resource` (within its scope)? A resource
/// without an entry in the table is written by admin only; one written by Hearth alone, by no
/// role.
bool MayWrite(Role role, const model::Resource& resource);

/// Does `role` see every sensitive field in full, whoever the record belongs to?
bool SeesSensitive(Role role);

enum class Disclosure { kFull, kMasked };
/// How `field` is shown to `role`. `own` is true when the record belongs to the caller's own
/// household. Fields not marked sensitive are always kFull.
Disclosure DisclosureOf(Role role, const model::Field& field, bool own);

/// The masked form of a sensitive value, counted in UTF-8 characters (n): n >= 11 keeps the first
/// 3 and the last 4 ("138****5678", "110***********1234"); 7 <= n < 11 keeps the last 2; shorter
/// values are masked wholly. Every hidden character becomes one '*'.
std::string MaskValue(std::string_view value);

}  // namespace hearth::rules
