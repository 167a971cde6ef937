// Household-caused findings (R-REFUND-4): every move of the state machine by role and state,
// which states count, the period checks, and the days a finding covers.
#include "rules/finding.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using A = FindingAction;
using S = FindingState;

Date D(const char* text) { return *ParseDate(text); }
Instant T(const char* text) { return *ParseRfc3339(text); }

TEST(Finding, NamesRoundTrip) {
  for (auto k : {FindingKind::kDrainValve, FindingKind::kVentValve, FindingKind::kHeatExchanger,
                 FindingKind::kAlteredPipes, FindingKind::kPipePump,
                 FindingKind::kAddedRadiators, FindingKind::kOwnInstallation}) {
    EXPECT_EQ(ParseFindingKind(FindingKindName(k)), k);
    EXPECT_NE(FindingKindNames().find(FindingKindName(k)), std::string_view::npos);
  }
  for (auto s : {S::kOpen, S::kAcknowledged, S::kDisputed, S::kUpheld, S::kRejected,
                 S::kWithdrawn}) {
    EXPECT_EQ(ParseFindingState(FindingStateName(s)), s);
  }
  for (auto a : {A::kRecord, A::kAcknowledge, A::kDispute, A::kUphold, A::kReject,
                 A::kWithdraw}) {
    EXPECT_EQ(ParseFindingAction(FindingActionName(a)), a);
  }
  EXPECT_EQ(ParseFindingKind("radiators"), std::nullopt);
  EXPECT_EQ(ParseFindingState("Open"), std::nullopt);
}

TEST(Finding, OpenAcknowledgedAndUpheldCount) {
  EXPECT_TRUE(Effective(S::kOpen));
  EXPECT_TRUE(Effective(S::kAcknowledged));
  EXPECT_TRUE(Effective(S::kUpheld));
  EXPECT_FALSE(Effective(S::kDisputed));  // not until the regulator upholds it
  EXPECT_FALSE(Effective(S::kRejected));
  EXPECT_FALSE(Effective(S::kWithdrawn));
}

struct MoveCase {
  const char* name;
  S state;
  A action;
  Role role;
  const char* note;
  std::optional<S> to;            ///< nullopt: refused with `code`
  std::optional<ErrorCode> code;  ///< set when refused
  const char* field;              ///< the field a refusal names
};

TEST(Finding, EachMoveByRoleAndState) {
  const std::vector<MoveCase> cases = {
      {"the household acknowledges", S::kOpen, A::kAcknowledge, Role::kHousehold, "",
       S::kAcknowledged, std::nullopt, ""},
      {"the household disputes with a reason", S::kOpen, A::kDispute, Role::kHousehold,
       "the radiator was there when we moved in", S::kDisputed, std::nullopt, ""},
      {"a dispute needs a reason", S::kOpen, A::kDispute, Role::kHousehold, "  ", std::nullopt,
       ErrorCode::kInvalidArgument, "note"},
      {"acknowledging is final", S::kAcknowledged, A::kDispute, Role::kHousehold, "no",
       std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"a second dispute", S::kDisputed, A::kDispute, Role::kHousehold, "again", std::nullopt,
       ErrorCode::kFailedPrecondition, ""},
      {"staff cannot acknowledge for the household", S::kOpen, A::kAcknowledge, Role::kAgent, "",
       std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"the manager cannot dispute", S::kOpen, A::kDispute, Role::kManager, "x", std::nullopt,
       ErrorCode::kPermissionDenied, ""},
      {"the regulator upholds", S::kDisputed, A::kUphold, Role::kRegulator, "photos show it",
       S::kUpheld, std::nullopt, ""},
      {"the regulator rejects", S::kDisputed, A::kReject, Role::kRegulator, "no evidence",
       S::kRejected, std::nullopt, ""},
      {"a decision needs a note", S::kDisputed, A::kUphold, Role::kRegulator, "", std::nullopt,
       ErrorCode::kInvalidArgument, "note"},
      {"only a disputed finding is decided", S::kOpen, A::kUphold, Role::kRegulator, "x",
       std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"the company never decides its own dispute", S::kDisputed, A::kUphold, Role::kManager,
       "x", std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"the admin decides nothing either", S::kDisputed, A::kReject, Role::kAdmin, "x",
       std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"the manager withdraws an open one", S::kOpen, A::kWithdraw, Role::kManager, "wrong flat",
       S::kWithdrawn, std::nullopt, ""},
      {"the admin withdraws an upheld one", S::kUpheld, A::kWithdraw, Role::kAdmin, "fixed",
       S::kWithdrawn, std::nullopt, ""},
      {"a rejected one stays rejected", S::kRejected, A::kWithdraw, Role::kManager, "x",
       std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"a technician cannot withdraw", S::kOpen, A::kWithdraw, Role::kTechnician, "x",
       std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"record is not a move", S::kOpen, A::kRecord, Role::kManager, "", std::nullopt,
       ErrorCode::kPermissionDenied, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto to = Apply(c.state, c.action, c.role, c.note);
    if (c.to) {
      ASSERT_TRUE(to.ok()) << to.error().message;
      EXPECT_EQ(*to, *c.to);
      // What the caller is offered agrees with what Apply allows.
      auto allowed = AllowedActions(c.state, c.role);
      EXPECT_NE(std::find(allowed.begin(), allowed.end(), c.action), allowed.end());
    } else {
      ASSERT_FALSE(to.ok());
      EXPECT_EQ(to.error().code, *c.code) << to.error().message;
      EXPECT_EQ(to.error().field, c.field);
    }
  }
}

TEST(Finding, AllowedActions) {
  using V = std::vector<A>;
  EXPECT_EQ(AllowedActions(S::kOpen, Role::kHousehold), (V{A::kAcknowledge, A::kDispute}));
  EXPECT_EQ(AllowedActions(S::kDisputed, Role::kRegulator), (V{A::kUphold, A::kReject}));
  EXPECT_EQ(AllowedActions(S::kDisputed, Role::kManager), (V{A::kWithdraw}));
  EXPECT_EQ(AllowedActions(S::kWithdrawn, Role::kManager), V{});
  EXPECT_EQ(AllowedActions(S::kOpen, Role::kTechnician), V{});
}

struct PeriodCase {
  const char* name;
  const char* found_at;
  const char* from;
  const char* to;
  const char* field;  ///< "": accepted
};

TEST(Finding, PeriodChecks) {
  const Instant now = T("2026-12-10T12:00:00+08:00");
  const std::vector<PeriodCase> cases = {
      {"from the day it was made", "2026-12-09T23:30:00+08:00", "2026-12-09", "2027-03-15", ""},
      {"a later start", "2026-12-09T10:00:00+08:00", "2026-12-12", "2026-12-12", ""},
      // 23:30 +08:00 is 15:30 UTC: the local day decides.
      {"never before it was made", "2026-12-09T23:30:00+08:00", "2026-12-08", "2027-03-15",
       "valid_from"},
      {"found in the future", "2026-12-10T12:00:01+08:00", "2026-12-10", "2026-12-11",
       "found_at"},
      {"found just now", "2026-12-10T12:00:00+08:00", "2026-12-10", "2026-12-10", ""},
      {"ends before it starts", "2026-12-09T10:00:00+08:00", "2026-12-09", "2026-12-08",
       "valid_to"},
      {"366 days", "2026-12-09T10:00:00+08:00", "2026-12-09", "2027-12-09", ""},
      {"367 days", "2026-12-09T10:00:00+08:00", "2026-12-09", "2027-12-10", "valid_to"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto s = CheckFindingPeriod(T(c.found_at), D(c.from), D(c.to), now);
    if (std::string_view(c.field).empty()) {
      EXPECT_TRUE(s.ok()) << s.error().message;
    } else {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(s.error().field, c.field);
    }
  }
}

TEST(Finding, CoveredDaysTakeTheEffectiveFindingsLowestIdFirst) {
  const std::vector<FindingCover> findings = {
      {7, D("2026-12-03"), D("2026-12-05"), S::kAcknowledged},
      {4, D("2026-12-05"), D("2026-12-06"), S::kOpen},
      {2, D("2026-12-01"), D("2026-12-31"), S::kDisputed},   // not counted
      {3, D("2026-12-01"), D("2026-12-31"), S::kWithdrawn},  // not counted
      {9, D("2026-11-20"), D("2026-12-02"), S::kUpheld},
  };
  auto days = CoveredDays(findings, D("2026-12-01"), D("2026-12-10"));
  const std::map<Date, int64_t> expected = {
      {D("2026-12-01"), 9}, {D("2026-12-02"), 9}, {D("2026-12-03"), 7},
      {D("2026-12-04"), 7}, {D("2026-12-05"), 4}, {D("2026-12-06"), 4},
  };
  EXPECT_EQ(days, expected);
  EXPECT_TRUE(CoveredDays(findings, D("2027-01-01"), D("2027-01-31")).empty());
}

}  // namespace
}  // namespace hearth::rules
