#include "rules/access.hpp"

#include <algorithm>
#include <vector>

namespace hearth::rules {
namespace {

struct RoleEntry {
  Role role;
  std::string_view name;
  ScopeKind scope;
  bool sees_sensitive;  // every sensitive field, in full
};

constexpr RoleEntry kRoleTable[] = {
    {Role::kAdmin, "admin", ScopeKind::kAll, true},
    {Role::kRegulator, "regulator", ScopeKind::kAll, false},
    {Role::kManager, "manager", ScopeKind::kCompany, true},
    {Role::kAgent, "agent", ScopeKind::kCompany, true},
    {Role::kTechnician, "technician", ScopeKind::kCompany, false},
    {Role::kHousehold, "household", ScopeKind::kHousehold, false},
};

const RoleEntry& EntryOf(Role role) {
  for (const auto& e : kRoleTable) {
    if (e.role == role) return e;
  }
  return kRoleTable[0];  // unreachable: every enumerator has a row (access_test checks)
}

// Who writes each resource besides admin (see the decisions in access.hpp).
struct WriteEntry {
  std::string_view resource;
  std::vector<Role> writers;
};

using R = Role;
const WriteEntry kWriteTable[] = {
    {"districts", {R::kRegulator}},
    {"companies", {R::kRegulator}},
    {"licensed_districts", {R::kRegulator}},
    {"seasons", {R::kRegulator}},
    {"season_announcements", {R::kManager}},
    {"heat_sources", {R::kManager}},
    {"network_sections", {R::kManager}},
    {"substations", {R::kManager}},
    {"buildings", {R::kManager}},
    {"partitions", {R::kManager}},
    {"households", {R::kManager, R::kAgent}},
    {"rooms", {R::kManager, R::kAgent, R::kTechnician}},
    {"sensors", {R::kManager, R::kTechnician}},
    {"tariffs", {R::kManager}},
    {"service_contacts", {R::kManager}},
    {"fees", {R::kManager, R::kAgent}},
    {"payments", {R::kManager, R::kAgent}},
    {"meter_readings", {R::kManager, R::kTechnician}},
    {"reliefs", {R::kManager}},
};

// Records that Hearth's own flows write and no role, not even admin, writes through the record
// API: the judged party does not write its own evidence (see access.hpp).
constexpr std::string_view kWrittenByHearth[] = {
    "reminders",          // by the arrears service, with the outbox's proof (W 9.2.2)
    "contract_versions",  // by every change of a household's terms (R-ACCT-1)
    "sample_plans",       // adopted from the drawn plan (R-SAMPLE-3)
    "sample_points",      // with their plan; rescheduled through its route (R-SAMPLE-3)
};

// Sensitive fields a role sees in full although it does not see all of them.
struct PartialEntry {
  Role role;
  std::string_view field;
};
constexpr PartialEntry kPartialTable[] = {
    {Role::kTechnician, "phone"},
};

// UTF-8 characters of `text`, each as its bytes (a malformed byte counts as one character).
std::vector<std::string_view> Characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t n = 1;
    if ((lead & 0xE0) == 0xC0) {
      n = 2;
    } else if ((lead & 0xF0) == 0xE0) {
      n = 3;
    } else if ((lead & 0xF8) == 0xF0) {
      n = 4;
    }
    n = std::min(n, text.size() - i);
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string_view RoleName(Role role) { return EntryOf(role).name; }

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& e : kRoleTable) {
    if (e.name == name) return e.role;
  }
  return std::nullopt;
}

std::string RoleNames() {
  std::string out;
  for (const auto& e : kRoleTable) out += (out.empty() ? "" : ", ") + std::string(e.name);
  return out;
}

ScopeKind ScopeKindOf(Role role) { return EntryOf(role).scope; }

Status CheckUserScope(Role role, bool has_company, bool has_household) {
  std::string name(RoleName(role));
  bool company = ScopeKindOf(role) == ScopeKind::kCompany;
  bool household = ScopeKindOf(role) == ScopeKind::kHousehold;
  if (company != has_company) {
    return Error::InvalidArgument(
        "role " + name + (company ? " needs a company" : " has no company"), "company_id");
  }
  if (household != has_household) {
    return Error::InvalidArgument(
        "role " + name + (household ? " needs a household" : " has no household"), "household_id");
  }
  return OkStatus();
}

bool MayRead(Role role, const model::Resource& resource) {
  return role != Role::kHousehold || resource.household_readable;
}

bool MayWrite(Role role, const model::Resource& resource) {
  for (std::string_view name : kWrittenByHearth) {
    if (name == resource.name) return false;
  }
  if (role == Role::kAdmin) return true;
  for (const auto& w : kWriteTable) {
    if (w.resource == resource.name) {
      return std::find(w.writers.begin(), w.writers.end(), role) != w.writers.end();
    }
  }
  return false;
}

bool SeesSensitive(Role role) { return EntryOf(role).sees_sensitive; }

Disclosure DisclosureOf(Role role, const model::Field& field, bool own) {
  if (!field.sensitive || SeesSensitive(role)) return Disclosure::kFull;
  if (role == Role::kHousehold && own) return Disclosure::kFull;
  for (const auto& p : kPartialTable) {
    if (p.role == role && p.field == field.name) return Disclosure::kFull;
  }
  return Disclosure::kMasked;
}

std::string MaskValue(std::string_view value) {
  auto chars = Characters(value);
  size_t n = chars.size();
  size_t head = n >= 11 ? 3 : 0;
  size_t tail = n >= 11 ? 4 : n >= 7 ? 2 : 0;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    if (i < head || i >= n - tail) {
      out += chars[i];
    } else {
      out += '*';
    }
  }
  return out;
}

}  // namespace hearth::rules
