// Arrears (R-BILL-1, W 9.2.2): when a fee is overdue, which reminders count toward a stop (proven
// ones, on distinct days), and every refusal of a reminder or a stop, with its field.
#include "rules/arrears.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hearth::rules {
namespace {

Date D(const char* text) { return *ParseDate(text); }

const FeeFacts kFee{263980, 100000, D("2026-11-15")};  // 2639.80 owed 1639.80, due 15 Nov

TEST(ArrearsTest, ChannelNames) {
  for (auto c : {ReminderChannel::kNotice, ReminderChannel::kSms, ReminderChannel::kWechat,
                 ReminderChannel::kLetter}) {
    EXPECT_EQ(ParseReminderChannel(ReminderChannelName(c)), c);
  }
  EXPECT_FALSE(ParseReminderChannel("email"));
  EXPECT_TRUE(SentByPlatform(ReminderChannel::kSms));
  EXPECT_TRUE(SentByPlatform(ReminderChannel::kWechat));
  EXPECT_FALSE(SentByPlatform(ReminderChannel::kNotice));
  EXPECT_FALSE(SentByPlatform(ReminderChannel::kLetter));
}

TEST(ArrearsTest, Standing) {
  struct Case {
    const char* name;
    FeeFacts fee;
    std::vector<ReminderFact> reminders;
    const char* today;
    int64_t outstanding;
    bool overdue;
    int days_overdue;
    int proven;
    const char* may_stop_from;  // "" for none
  };
  const Case cases[] = {
      {"on the due day: owed, not overdue", kFee, {}, "2026-11-15", 163980, false, 0, 0, ""},
      {"the day after: overdue", kFee, {}, "2026-11-16", 163980, true, 1, 0, ""},
      {"paid in full: never overdue", {263980, 263980, D("2026-11-15")}, {}, "2026-12-20", 0,
       false, 0, 0, ""},
      {"overpaid: nothing owed", {263980, 300000, D("2026-11-15")}, {}, "2026-12-20", 0, false,
       0, 0, ""},
      {"one proven: not enough", kFee, {{D("2026-11-20"), true}}, "2026-12-01", 163980, true, 16,
       1, ""},
      {"a failing SMS proves nothing",
       kFee,
       {{D("2026-11-20"), true}, {D("2026-11-25"), false}},
       "2026-12-01", 163980, true, 16, 1, ""},
      {"two on one day count once",
       kFee,
       {{D("2026-11-20"), true}, {D("2026-11-20"), true}},
       "2026-12-01", 163980, true, 16, 1, ""},
      {"two days: a stop from 7 days after the last",
       kFee,
       {{D("2026-11-25"), true}, {D("2026-11-20"), true}},
       "2026-12-01", 163980, true, 16, 2, "2026-12-02"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ArrearsStanding s = StandingOf(c.fee, c.reminders, D(c.today), kDefaultStopSteps);
    EXPECT_EQ(s.outstanding_fen, c.outstanding);
    EXPECT_EQ(s.overdue, c.overdue);
    EXPECT_EQ(s.days_overdue, c.days_overdue);
    EXPECT_EQ(s.reminders_proven, c.proven);
    EXPECT_EQ(s.may_stop_from ? FormatDate(*s.may_stop_from) : "", c.may_stop_from);
  }
}

TEST(ArrearsTest, ContractStepsAreBounded) {
  EXPECT_TRUE(CheckStopSteps(kDefaultStopSteps).ok());
  EXPECT_TRUE(CheckStopSteps({1, 1}).ok());
  EXPECT_TRUE(CheckStopSteps({10, 90}).ok());
  for (StopSteps bad : {StopSteps{0, 7}, StopSteps{11, 7}, StopSteps{2, 0}, StopSteps{2, 91}}) {
    auto s = CheckStopSteps(bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "contract");
  }
  // The contract's own steps decide the day: one reminder, three days.
  const ReminderFact one[] = {{D("2026-11-20"), true}};
  EXPECT_EQ(StandingOf(kFee, one, D("2026-11-21"), {1, 3}).may_stop_from, D("2026-11-23"));
}

TEST(ArrearsTest, MayRemindOnlyWhileOverdue) {
  EXPECT_TRUE(CheckMayRemind(StandingOf(kFee, {}, D("2026-11-16"), kDefaultStopSteps)).ok());
  for (const char* today : {"2026-11-01", "2026-11-15"}) {
    auto s = CheckMayRemind(StandingOf(kFee, {}, D(today), kDefaultStopSteps));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "fee");
  }
  FeeFacts paid = kFee;
  paid.paid_fen = paid.amount_fen;
  auto s = CheckMayRemind(StandingOf(paid, {}, D("2026-12-01"), kDefaultStopSteps));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("paid"), std::string::npos);
}

TEST(ArrearsTest, Stop) {
  const ReminderFact twice[] = {{D("2026-11-20"), true}, {D("2026-11-25"), true}};
  const ReminderFact once[] = {{D("2026-11-20"), true}};
  const ArrearsStanding ready = StandingOf(kFee, twice, D("2026-12-01"), kDefaultStopSteps);
  struct Case {
    const char* name;
    ArrearsStanding standing;
    bool heated;
    const char* effective;
    const char* field;  // "" for allowed
    const char* today = "2026-12-01";
  };
  FeeFacts paid = kFee;
  paid.paid_fen = paid.amount_fen;
  const Case cases[] = {
      {"allowed from the seventh day", ready, true, "2026-12-02", ""},
      {"allowed later", ready, true, "2026-12-20", ""},
      {"inside the week to pay", ready, true, "2026-12-01", "effective"},
      {"backdated", StandingOf(kFee, twice, D("2026-12-10"), kDefaultStopSteps), true,
       "2026-12-05", "effective", "2026-12-10"},
      {"one reminder short", StandingOf(kFee, once, D("2026-12-01"), kDefaultStopSteps), true,
       "2026-12-20", "reminders"},
      {"already stopped", ready, false, "2026-12-20", "household"},
      {"paid meanwhile", StandingOf(paid, twice, D("2026-12-01"), kDefaultStopSteps), true,
       "2026-12-20", "fee"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto s =
        CheckStopForArrears(c.standing, kDefaultStopSteps, c.heated, D(c.effective), D(c.today));
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(s.ok()) << s.error().message;
    } else {
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
      EXPECT_EQ(s.error().field, c.field);
    }
  }
}

}  // namespace
}  // namespace hearth::rules
