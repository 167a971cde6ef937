// R-INFO-1 (W 12.1): the role tables of rules/access.hpp, case by case.
#include "rules/access.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hearth::rules {
namespace {

TEST(Access, RoleNamesRoundTrip) {
  for (Role role : kAllRoles) {
    SCOPED_TRACE(std::string(RoleName(role)));
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  for (const char* bad : {"", "Admin", "ADMIN", " admin", "root", "household "}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseRole(bad).has_value());
  }
  EXPECT_EQ(RoleNames(), "admin, regulator, manager, agent, technician, household");
}

TEST(Access, Scopes) {
  struct Case {
    Role role;
    ScopeKind scope;
  };
  const Case cases[] = {
      {Role::kAdmin, ScopeKind::kAll},          {Role::kRegulator, ScopeKind::kAll},
      {Role::kManager, ScopeKind::kCompany},    {Role::kAgent, ScopeKind::kCompany},
      {Role::kTechnician, ScopeKind::kCompany}, {Role::kHousehold, ScopeKind::kHousehold},
  };
  ASSERT_EQ(std::size(cases), kAllRoles.size());
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(RoleName(c.role)));
    EXPECT_EQ(ScopeKindOf(c.role), c.scope);
  }
}

TEST(Access, UserScopes) {
  struct Case {
    Role role;
    bool company, household;
    const char* field;  // "" when well formed
  };
  const Case cases[] = {
      {Role::kAdmin, false, false, ""},
      {Role::kAdmin, true, false, "company_id"},
      {Role::kRegulator, false, true, "household_id"},
      {Role::kManager, true, false, ""},
      {Role::kManager, false, false, "company_id"},
      {Role::kAgent, true, true, "household_id"},
      {Role::kTechnician, false, true, "company_id"},
      {Role::kHousehold, false, true, ""},
      {Role::kHousehold, false, false, "household_id"},
      {Role::kHousehold, true, true, "company_id"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(RoleName(c.role)) + (c.company ? " +company" : "") +
                 (c.household ? " +household" : ""));
    Status s = CheckUserScope(c.role, c.company, c.household);
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(s.ok());
    } else {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(s.error().field, c.field);
    }
  }
}

// Every resource, with the roles that write it. A resource added to model/resources.cpp must be
// added here, which forces the decision of who writes it.
TEST(Access, WritersOfEveryResource) {
  struct Case {
    const char* resource;
    std::set<std::string> writers;
  };
  const Case cases[] = {
      {"districts", {"admin", "regulator"}},
      {"companies", {"admin", "regulator"}},
      {"licensed_districts", {"admin", "regulator"}},
      {"seasons", {"admin", "regulator"}},
      {"season_announcements", {"admin", "manager"}},
      {"heat_sources", {"admin", "manager"}},
      {"network_sections", {"admin", "manager"}},
      {"substations", {"admin", "manager"}},
      {"buildings", {"admin", "manager"}},
      {"partitions", {"admin", "manager"}},
      {"households", {"admin", "manager", "agent"}},
      {"rooms", {"admin", "manager", "agent", "technician"}},
      {"sensors", {"admin", "manager", "technician"}},
      {"tariffs", {"admin", "manager"}},
      {"service_contacts", {"admin", "manager"}},
      {"fees", {"admin", "manager", "agent"}},
      {"payments", {"admin", "manager", "agent"}},
      {"reminders", {}},          // the arrears service writes them (W 9.2.2)
      {"contract_versions", {}},  // every change of a household's terms (R-ACCT-1)
      {"meter_readings", {"admin", "manager", "technician"}},
      {"reliefs", {"admin", "manager"}},
      {"sample_plans", {}},   // adopted from the drawn plan (R-SAMPLE-3)
      {"sample_points", {}},  // with their plan, rescheduled through its route
  };
  ASSERT_EQ(std::size(cases), model::Resources().size()) << "a resource lacks a decision";
  for (const auto& c : cases) {
    SCOPED_TRACE(c.resource);
    const model::Resource* r = model::FindResource(c.resource);
    ASSERT_NE(r, nullptr);
    for (Role role : kAllRoles) {
      SCOPED_TRACE(std::string(RoleName(role)));
      EXPECT_EQ(MayWrite(role, *r), c.writers.count(std::string(RoleName(role))) == 1);
    }
  }
  model::Resource unknown;
  unknown.name = "not_in_the_table";
  for (Role role : kAllRoles) EXPECT_EQ(MayWrite(role, unknown), role == Role::kAdmin);
}

TEST(Access, HouseholdsReadOnlyTheirKindsOfRecords) {
  for (const auto& r : model::Resources()) {
    SCOPED_TRACE(r.name);
    for (Role role : kAllRoles) {
      SCOPED_TRACE(std::string(RoleName(role)));
      bool expected = role != Role::kHousehold || r.household_readable;
      EXPECT_EQ(MayRead(role, r), expected);
    }
  }
  // The household-readable set, spelled out.
  std::set<std::string> readable;
  for (const auto& r : model::Resources()) {
    if (MayRead(Role::kHousehold, r)) readable.insert(r.name);
  }
  EXPECT_EQ(readable, (std::set<std::string>{"households", "rooms", "sensors", "fees", "payments",
                                             "reminders", "contract_versions",
                                             "meter_readings"}));
}

TEST(Access, WhoSeesSensitiveFields) {
  const model::Resource& households = *model::FindResource("households");
  const model::Field& phone = *households.Find("phone");
  const model::Field& id_number = *households.Find("id_number");
  const model::Field& code = *households.Find("code");
  ASSERT_TRUE(phone.sensitive);
  ASSERT_TRUE(id_number.sensitive);
  ASSERT_FALSE(code.sensitive);
  constexpr auto F = Disclosure::kFull;
  constexpr auto M = Disclosure::kMasked;
  struct Case {
    Role role;
    bool own;
    bool sees_all;
    Disclosure phone, id_number;
  };
  const Case cases[] = {
      {Role::kAdmin, false, true, F, F},      {Role::kManager, false, true, F, F},
      {Role::kAgent, false, true, F, F},      {Role::kTechnician, false, false, F, M},
      {Role::kRegulator, false, false, M, M}, {Role::kHousehold, false, false, M, M},
      {Role::kHousehold, true, false, F, F},  {Role::kRegulator, true, false, M, M},
      {Role::kTechnician, true, false, F, M},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(RoleName(c.role)) + (c.own ? " own" : ""));
    EXPECT_EQ(SeesSensitive(c.role), c.sees_all);
    EXPECT_EQ(DisclosureOf(c.role, phone, c.own), c.phone);
    EXPECT_EQ(DisclosureOf(c.role, id_number, c.own), c.id_number);
    EXPECT_EQ(DisclosureOf(c.role, code, c.own), F);
  }
}

TEST(Access, MaskValue) {
  struct Case {
    const char* value;
    const char* masked;
  };
  const Case cases[] = {
      {"", ""},
      {"1", "*"},
      {"123456", "******"},
      {"1234567", "*****67"},
      {"1234567890", "********90"},
      {"13812345678", "138****5678"},
      {"110101199003071234", "110***********1234"},
      {"11010119900307123X", "110***********123X"},
      {"+86 138 1234 5678", "+86**********5678"},
      {"张三丰的电话号码是一二三", "张三丰*****是一二三"},  // 12 characters, not 36 bytes
      {"电话12", "****"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(MaskValue(c.value), c.masked);
  }
}

}  // namespace
}  // namespace hearth::rules
