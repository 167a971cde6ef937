// Insurance claims (R-INS-1, W 13): every move by every role from every state; what each move
// takes and refuses; the exclusions and their clauses; the payout deadline of 30 working days
// across the 2026 New Year and Spring Festival (with their make-up working days) and past the
// calendar's last year; the 24-hour notification (platform default).
#include "rules/insurance.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

Instant T(const char* text) { return *ParseRfc3339(text); }
Date D(const char* text) { return *ParseDate(text); }

// The shipped calendar's entries for 2026 that matter here (data/calendar/cn-holidays.json).
const HolidayCalendar& Calendar() {
  static const HolidayCalendar cal = [] {
    HolidayYear y2026{2026, {}};
    for (const char* d : {"2026-01-01", "2026-01-02", "2026-01-03"}) {
      y2026.entries.push_back({D(d), "元旦", true});
    }
    y2026.entries.push_back({D("2026-01-04"), "元旦", false});
    y2026.entries.push_back({D("2026-02-14"), "春节", false});
    for (int day = 15; day <= 23; ++day) {
      y2026.entries.push_back({D("2026-02-01") + std::chrono::days{day - 1}, "春节", true});
    }
    y2026.entries.push_back({D("2026-02-28"), "春节", false});
    return *HolidayCalendar::Create({{2025, {}}, y2026});
  }();
  return cal;
}

Policy TestPolicy() {
  Policy p;
  p.deadlines.insurance_payout = {PeriodUnit::kWorkingDays, 30, {"W 13.5", false, ""}};
  return p;
}

ClaimMoveInput Amount(int64_t fen) { return {fen, std::nullopt, "", "", ""}; }
ClaimMoveInput Excluded(ClaimExclusion e, const char* note) {
  return {std::nullopt, e, "", "", note};
}
ClaimMoveInput Insurer(const char* name) { return {std::nullopt, std::nullopt, name, "", ""}; }

TEST(InsuranceClaim, Names) {
  for (auto s : {ClaimState::kRecorded, ClaimState::kInsurerNotified, ClaimState::kAgreed,
                 ClaimState::kPaid, ClaimState::kRejected}) {
    EXPECT_EQ(ParseClaimState(ClaimStateName(s)), s);
  }
  for (auto a : {ClaimAction::kRecord, ClaimAction::kNotifyInsurer, ClaimAction::kAgree,
                 ClaimAction::kPay, ClaimAction::kReject}) {
    EXPECT_EQ(ParseClaimAction(ClaimActionName(a)), a);
  }
  EXPECT_EQ(ParseClaimState("open"), std::nullopt);
  EXPECT_EQ(ParseClaimAction("approve"), std::nullopt);
}

TEST(InsuranceClaim, ExclusionsCiteTheirClause) {
  const struct {
    const char* name;
    const char* clause;
  } table[] = {{"own-installation", "W 13.6 a"},
               {"self-altered", "W 13.6 b"},
               {"builder-warranty", "W 13.6 c"},
               {"indirect-loss", "W 13.6 d"}};
  for (const auto& row : table) {
    auto e = ParseClaimExclusion(row.name);
    ASSERT_TRUE(e) << row.name;
    EXPECT_EQ(ExclusionClause(*e), row.clause) << row.name;
    EXPECT_EQ(ClaimExclusionName(*e), row.name);
    EXPECT_NE(ClaimExclusionNames().find(row.name), std::string_view::npos) << row.name;
  }
  EXPECT_EQ(ClaimExclusionNames(),
            "own-installation, self-altered, builder-warranty, indirect-loss");
  // W 13.5 (以保单为准) is what the insurer covers, not a reason to refuse the household.
  EXPECT_EQ(ParseClaimExclusion("outside-policy"), std::nullopt);
  EXPECT_EQ(ParseClaimExclusion("act-of-god"), std::nullopt);
}

// Every (state, action, role): the state after, or the error's code.
TEST(InsuranceClaim, MovesByStateAndRole) {
  using S = ClaimState;
  using A = ClaimAction;
  const struct {
    S from;
    A action;
    Role role;
    ClaimMoveInput input;
    std::optional<S> to;
    ErrorCode code;
  } table[] = {
      {S::kRecorded,
       A::kNotifyInsurer,
       Role::kTechnician,
       Insurer("人保财险"),
       S::kInsurerNotified,
       {}},
      {S::kRecorded, A::kNotifyInsurer, Role::kAgent, Insurer("人保财险"), S::kInsurerNotified, {}},
      {S::kRecorded,
       A::kNotifyInsurer,
       Role::kHousehold,
       Insurer("x"),
       {},
       ErrorCode::kPermissionDenied},
      {S::kRecorded,
       A::kNotifyInsurer,
       Role::kRegulator,
       Insurer("x"),
       {},
       ErrorCode::kPermissionDenied},
      {S::kInsurerNotified,
       A::kNotifyInsurer,
       Role::kManager,
       Insurer("x"),
       {},
       ErrorCode::kFailedPrecondition},
      {S::kRecorded, A::kAgree, Role::kManager, Amount(123456), S::kAgreed, {}},
      {S::kInsurerNotified, A::kAgree, Role::kAdmin, Amount(1), S::kAgreed, {}},
      {S::kInsurerNotified, A::kAgree, Role::kAgent, Amount(1), {}, ErrorCode::kPermissionDenied},
      {S::kInsurerNotified,
       A::kAgree,
       Role::kTechnician,
       Amount(1),
       {},
       ErrorCode::kPermissionDenied},
      {S::kAgreed, A::kAgree, Role::kManager, Amount(1), {}, ErrorCode::kFailedPrecondition},
      {S::kAgreed, A::kPay, Role::kManager, {}, S::kPaid, {}},
      {S::kRecorded, A::kPay, Role::kManager, {}, {}, ErrorCode::kFailedPrecondition},
      {S::kPaid, A::kPay, Role::kManager, {}, {}, ErrorCode::kFailedPrecondition},
      {S::kAgreed, A::kPay, Role::kHousehold, {}, {}, ErrorCode::kPermissionDenied},
      {S::kRecorded,
       A::kReject,
       Role::kManager,
       Excluded(ClaimExclusion::kIndirectLoss, "间接损失"),
       S::kRejected,
       {}},
      {S::kInsurerNotified,
       A::kReject,
       Role::kAdmin,
       Excluded(ClaimExclusion::kSelfAltered, "自行拆改"),
       S::kRejected,
       {}},
      {S::kAgreed,
       A::kReject,
       Role::kManager,
       Excluded(ClaimExclusion::kIndirectLoss, "late"),
       {},
       ErrorCode::kFailedPrecondition},
      {S::kRejected, A::kAgree, Role::kManager, Amount(1), {}, ErrorCode::kFailedPrecondition},
      {S::kRecorded,
       A::kReject,
       Role::kAgent,
       Excluded(ClaimExclusion::kIndirectLoss, "x"),
       {},
       ErrorCode::kPermissionDenied},
      {S::kRecorded, A::kRecord, Role::kManager, {}, {}, ErrorCode::kInvalidArgument},
  };
  for (const auto& row : table) {
    auto got = ApplyClaim(row.from, row.action, row.role, row.input);
    const std::string what = std::string(ClaimStateName(row.from)) + " " +
                             std::string(ClaimActionName(row.action)) + " by " +
                             std::string(RoleName(row.role));
    if (row.to) {
      ASSERT_TRUE(got.ok()) << what << ": " << got.error().message;
      EXPECT_EQ(*got, *row.to) << what;
    } else {
      ASSERT_FALSE(got.ok()) << what;
      EXPECT_EQ(got.error().code, row.code) << what << ": " << got.error().message;
    }
  }
}

// What a move lacks or does not take, by field.
TEST(InsuranceClaim, InputNamesTheField) {
  using A = ClaimAction;
  const struct {
    A action;
    ClaimMoveInput input;
    const char* field;
  } table[] = {
      {A::kAgree, {}, "amount"},
      {A::kAgree, Amount(0), "amount"},
      {A::kAgree, Amount(-5), "amount"},
      {A::kAgree, Amount(kMaxClaimFen + 1), "amount"},
      {A::kReject, {}, "exclusion"},
      {A::kReject, Excluded(ClaimExclusion::kOwnInstallation, " "), "note"},
      {A::kNotifyInsurer, {}, "insurer"},
      {A::kNotifyInsurer, Insurer("  "), "insurer"},
      {A::kPay, Amount(100), "amount"},
      {A::kAgree, {100, ClaimExclusion::kIndirectLoss, "", "", ""}, "exclusion"},
      {A::kPay, Insurer("人保"), "insurer"},
      {A::kAgree, {100, std::nullopt, "", "R-1", ""}, "reference"},
  };
  for (const auto& row : table) {
    const ClaimState from = row.action == A::kPay ? ClaimState::kAgreed : ClaimState::kRecorded;
    auto got = ApplyClaim(from, row.action, Role::kManager, row.input);
    ASSERT_FALSE(got.ok()) << ClaimActionName(row.action) << " " << row.field;
    EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument) << got.error().message;
    EXPECT_EQ(got.error().field, row.field) << got.error().message;
  }
  EXPECT_TRUE(
      ApplyClaim(ClaimState::kRecorded, A::kAgree, Role::kManager, Amount(kMaxClaimFen)).ok());
}

TEST(InsuranceClaim, AllowedActions) {
  using A = ClaimAction;
  EXPECT_EQ(AllowedClaimActions(ClaimState::kRecorded, Role::kManager),
            (std::vector<A>{A::kNotifyInsurer, A::kAgree, A::kReject}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kRecorded, Role::kTechnician),
            (std::vector<A>{A::kNotifyInsurer}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kInsurerNotified, Role::kAgent), (std::vector<A>{}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kAgreed, Role::kAdmin), (std::vector<A>{A::kPay}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kPaid, Role::kManager), (std::vector<A>{}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kRecorded, Role::kHousehold), (std::vector<A>{}));
  EXPECT_EQ(AllowedClaimActions(ClaimState::kRecorded, Role::kRegulator), (std::vector<A>{}));
  EXPECT_TRUE(MayRecordClaim(Role::kAgent));
  EXPECT_FALSE(MayRecordClaim(Role::kHousehold));
  EXPECT_FALSE(MayRecordClaim(Role::kRegulator));
}

// R-INS-1, W 13.5: 30 working days from agreement, over the shipped calendar.
TEST(InsuranceClaim, PayoutDeadlineAcrossHolidays) {
  const struct {
    const char* agreed;
    const char* due;
    bool incomplete;
  } table[] = {
      // Monday 2025-12-01, over the New Year (1–3 Jan off, Sunday 4 Jan worked).
      {"2025-12-01T10:00:00+08:00", "2026-01-13T23:59:59+08:00", false},
      // Over the New Year and the Spring Festival (15–23 Feb off, Saturdays 14 and 28 Feb
      // worked).
      {"2025-12-30T10:00:00+08:00", "2026-02-11T23:59:59+08:00", false},
      {"2026-01-20T10:00:00+08:00", "2026-03-09T23:59:59+08:00", false},
      // Agreed on a holiday: counting starts the next day all the same.
      {"2026-02-16T10:00:00+08:00", "2026-04-03T23:59:59+08:00", false},
      // Past the calendar's last year: counted as plain weeks, and said so.
      {"2026-12-20T10:00:00+08:00", "2027-01-29T23:59:59+08:00", true},
  };
  for (const auto& row : table) {
    ClaimTimes t{T(row.agreed) - std::chrono::hours{48}, T(row.agreed) - std::chrono::hours{47},
                 T(row.agreed), std::nullopt, std::nullopt};
    auto d = ClaimDeadlinesOf(TestPolicy(), Calendar(), t);
    ASSERT_TRUE(d.payout) << row.agreed;
    EXPECT_EQ(FormatLocal(d.payout->due), row.due) << row.agreed;
    EXPECT_EQ(d.payout->calendar_incomplete, row.incomplete) << row.agreed;
    EXPECT_EQ(d.payout->basis.Display(), "W 13.5");
    EXPECT_EQ(d.payout->from, T(row.agreed));
    EXPECT_TRUE(d.payout->Open());
  }
}

TEST(InsuranceClaim, LatePaymentAndNotification) {
  const Instant recorded = T("2026-01-20T09:00:00+08:00");
  ClaimTimes t{recorded, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  auto before = ClaimDeadlinesOf(TestPolicy(), Calendar(), t);
  EXPECT_FALSE(before.payout);  // no amount agreed, nothing owed yet
  EXPECT_EQ(FormatLocal(before.notify.due), "2026-01-21T09:00:00+08:00");
  EXPECT_EQ(DeadlineStatusName(before.notify, recorded + std::chrono::hours{25}), "overdue");
  EXPECT_EQ(before.notify.basis.Display(), "platform default (R-INS-1, W 13.3)");

  t.notified_at = recorded + std::chrono::hours{30};
  t.agreed_at = T("2026-01-20T10:00:00+08:00") + std::chrono::days{2};
  t.paid_at = T("2026-03-12T11:00:00+08:00");
  auto after = ClaimDeadlinesOf(TestPolicy(), Calendar(), t);
  EXPECT_EQ(DeadlineStatusName(after.notify, *t.paid_at), "late");
  ASSERT_TRUE(after.payout);
  EXPECT_EQ(FormatLocal(after.payout->due), "2026-03-11T23:59:59+08:00");
  EXPECT_TRUE(after.payout->Late());
  EXPECT_EQ(DeadlineStatusName(*after.payout, *t.paid_at), "late");

  t.paid_at = T("2026-03-11T23:59:59+08:00");  // the last second is in time
  EXPECT_FALSE(ClaimDeadlinesOf(TestPolicy(), Calendar(), t).payout->Late());

  // Settled without the insurer before the notification was due: it no longer applies. After
  // it was due, it stays overdue: the breach of W 13.3 is not erased by the settlement.
  const struct {
    const char* name;
    std::optional<Instant> agreed, rejected;
    bool lapsed;
  } settled[] = {
      {"open", std::nullopt, std::nullopt, false},
      {"rejected in time", std::nullopt, recorded + std::chrono::hours{5}, true},
      {"agreed in time", recorded + std::chrono::hours{24}, std::nullopt, true},
      {"rejected too late", std::nullopt, recorded + std::chrono::hours{25}, false},
      {"agreed too late", recorded + std::chrono::days{5}, std::nullopt, false},
  };
  for (const auto& row : settled) {
    ClaimTimes unreported{recorded, std::nullopt, row.agreed, std::nullopt, row.rejected};
    const auto d = ClaimDeadlinesOf(TestPolicy(), Calendar(), unreported);
    EXPECT_EQ(d.notify.lapsed, row.lapsed) << row.name;
    if (!row.lapsed) {
      EXPECT_EQ(DeadlineStatusName(d.notify, recorded + std::chrono::days{6}), "overdue")
          << row.name;
    }
  }
}

}  // namespace
}  // namespace hearth::rules
