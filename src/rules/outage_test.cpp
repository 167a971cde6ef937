// Heating stops (R-OUT-1, R-REFUND-2): the notices a stop owes, table by table (a late advance
// notice, exactly 24 h, an emergency, overruns re-announced in time, late, never, or restored
// first), and the seconds of each local day a household was cut off (midnight, overlaps).
#include "rules/outage.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

Instant T(const char* text) { return *ParseRfc3339(text); }

// Weihai's numbers (policies/weihai.toml): 48 h ahead for stops over 24 h, 1 h for emergencies.
Policy TestPolicy() {
  Policy p;
  p.deadlines.outage_notice_lead = {PeriodUnit::kHours, 48, {"Z 2.4", true, ""}};
  p.deadlines.outage_notice_over_hours = {24, {"W 6.3.1 a)", false, ""}};
  p.deadlines.emergency_notice = {PeriodUnit::kHours, 1, {"R-OUT-1", true, ""}};
  return p;
}

const HolidayCalendar& Calendar() {
  static const HolidayCalendar cal = *HolidayCalendar::Create({{2025, {}}, {2026, {}}});
  return cal;
}

struct Expected {
  NoticeDuty duty;
  const char* due;
  DutyState state;
  const char* met_at;  ///< nullptr: none
};

struct Case {
  const char* name;
  OutageKind kind;
  const char* start;
  const char* expected_end;
  const char* actual_end;  ///< nullptr: still going
  std::vector<std::pair<const char*, const char*>> notices;  ///< (at, announced end)
  const char* now;
  std::vector<Expected> expected;
};

TEST(NoticeObligations, EachDutyIsMetLatePendingOrOverdue) {
  using D = NoticeDuty;
  using S = DutyState;
  const std::vector<Case> cases = {
      {"a planned stop over 24 h announced 48 h ahead",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-11T20:00:00+08:00",
       "2025-12-11T19:00:00+08:00", {{"2025-12-08T08:00:00+08:00", "2025-12-11T20:00:00+08:00"}},
       "2025-12-12T00:00:00+08:00",
       {{D::kAdvance, "2025-12-08T08:00:00+08:00", S::kMet, "2025-12-08T08:00:00+08:00"}}},
      {"announced one second late",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-11T20:00:00+08:00",
       "2025-12-11T19:00:00+08:00", {{"2025-12-08T08:00:01+08:00", "2025-12-11T20:00:00+08:00"}},
       "2025-12-12T00:00:00+08:00",
       {{D::kAdvance, "2025-12-08T08:00:00+08:00", S::kLate, "2025-12-08T08:00:01+08:00"}}},
      {"exactly 24 h owes no advance notice",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-11T08:00:00+08:00",
       "2025-12-11T08:00:00+08:00", {}, "2025-12-12T00:00:00+08:00", {}},
      {"not yet announced, not yet due",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-12T08:00:00+08:00", nullptr,
       {}, "2025-12-07T08:00:00+08:00",
       {{D::kAdvance, "2025-12-08T08:00:00+08:00", S::kPending, nullptr}}},
      {"never announced, past due",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-12T08:00:00+08:00", nullptr,
       {}, "2025-12-09T08:00:00+08:00",
       {{D::kAdvance, "2025-12-08T08:00:00+08:00", S::kOverdue, nullptr}}},
      {"an emergency announced within the hour",
       OutageKind::kEmergency, "2025-12-10T23:30:00+08:00", "2025-12-11T04:00:00+08:00",
       "2025-12-11T03:00:00+08:00", {{"2025-12-11T00:30:00+08:00", "2025-12-11T04:00:00+08:00"}},
       "2025-12-12T00:00:00+08:00",
       {{D::kEmergency, "2025-12-11T00:30:00+08:00", S::kMet, "2025-12-11T00:30:00+08:00"}}},
      {"an overrun re-announced before the announced end passed owes nothing more",
       OutageKind::kEmergency, "2025-12-10T08:00:00+08:00", "2025-12-10T12:00:00+08:00",
       "2025-12-10T15:00:00+08:00",
       {{"2025-12-10T08:10:00+08:00", "2025-12-10T12:00:00+08:00"},
        {"2025-12-10T11:50:00+08:00", "2025-12-10T16:00:00+08:00"}},
       "2025-12-11T00:00:00+08:00",
       {{D::kEmergency, "2025-12-10T09:00:00+08:00", S::kMet, "2025-12-10T08:10:00+08:00"}}},
      {"an overrun announced 2 h after the end passed is late",
       OutageKind::kEmergency, "2025-12-10T08:00:00+08:00", "2025-12-10T12:00:00+08:00",
       "2025-12-10T18:00:00+08:00",
       {{"2025-12-10T08:10:00+08:00", "2025-12-10T12:00:00+08:00"},
        {"2025-12-10T14:00:00+08:00", "2025-12-10T18:00:00+08:00"}},
       "2025-12-11T00:00:00+08:00",
       {{D::kEmergency, "2025-12-10T09:00:00+08:00", S::kMet, "2025-12-10T08:10:00+08:00"},
        {D::kOverrun, "2025-12-10T13:00:00+08:00", S::kLate, "2025-12-10T14:00:00+08:00"}}},
      {"an overrun announced in time, then overrunning again unannounced: overdue",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-10T12:00:00+08:00", nullptr,
       {{"2025-12-10T12:30:00+08:00", "2025-12-10T14:00:00+08:00"}},
       "2025-12-10T16:00:00+08:00",
       {{D::kOverrun, "2025-12-10T13:00:00+08:00", S::kMet, "2025-12-10T12:30:00+08:00"},
        {D::kOverrun, "2025-12-10T15:00:00+08:00", S::kOverdue, nullptr}}},
      {"restored before the overrun notice was due",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-10T12:00:00+08:00",
       "2025-12-10T12:40:00+08:00", {{"2025-12-10T14:00:00+08:00", "2025-12-10T12:40:00+08:00"}},
       "2025-12-11T00:00:00+08:00",
       {{D::kOverrun, "2025-12-10T13:00:00+08:00", S::kMet, "2025-12-10T12:40:00+08:00"}}},
      {"an overrun pending within its hour",
       OutageKind::kPlanned, "2025-12-10T08:00:00+08:00", "2025-12-10T12:00:00+08:00", nullptr,
       {}, "2025-12-10T12:30:00+08:00",
       {{D::kOverrun, "2025-12-10T13:00:00+08:00", S::kPending, nullptr}}},
  };
  const Policy policy = TestPolicy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    OutageTimes stop{c.kind, T(c.start), T(c.expected_end),
                     c.actual_end ? std::optional<Instant>(T(c.actual_end)) : std::nullopt};
    std::vector<PublishedNotice> notices;
    // Given newest first: the order of the list does not matter.
    for (auto it = c.notices.rbegin(); it != c.notices.rend(); ++it)
      notices.push_back({T(it->first), T(it->second)});
    auto got = NoticeObligations(policy, Calendar(), stop, notices, T(c.now));
    ASSERT_TRUE(got.ok()) << got.error().message;
    ASSERT_EQ(got->size(), c.expected.size());
    for (size_t i = 0; i < c.expected.size(); ++i) {
      const auto& e = c.expected[i];
      const auto& o = (*got)[i];
      EXPECT_EQ(NoticeDutyName(o.duty), NoticeDutyName(e.duty)) << i;
      EXPECT_EQ(FormatLocal(o.due), e.due) << i;
      EXPECT_EQ(DutyStateName(o.state), DutyStateName(e.state)) << i;
      EXPECT_EQ(o.met_at ? FormatLocal(*o.met_at) : "none", e.met_at ? e.met_at : "none") << i;
    }
  }
}

TEST(NoticeObligations, NamesTheBasisAndTheAnnouncedEndThatPassed) {
  OutageTimes stop{OutageKind::kEmergency, T("2025-12-10T08:00:00+08:00"),
                   T("2025-12-10T12:00:00+08:00"), std::nullopt};
  auto got = NoticeObligations(TestPolicy(), Calendar(), stop, {}, T("2025-12-10T12:10:00+08:00"));
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].basis.Display(), "platform default (R-OUT-1)");
  EXPECT_FALSE((*got)[0].announced_end.has_value());
  EXPECT_EQ(FormatLocal((*got)[1].announced_end.value()), "2025-12-10T12:00:00+08:00");
}

TEST(NoticeObligations, RefusesImpossibleTimesNamingTheField) {
  const Instant s = T("2025-12-10T08:00:00+08:00");
  auto a = NoticeObligations(TestPolicy(), Calendar(), {OutageKind::kPlanned, s, s, std::nullopt},
                             {}, s);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "expected_end");
  auto b = NoticeObligations(TestPolicy(), Calendar(),
                             {OutageKind::kPlanned, s, s + std::chrono::hours(1),
                              s - std::chrono::seconds(1)},
                             {}, s);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().field, "at");
}

TEST(OutageNames, RoundTrip) {
  for (auto k : {OutageKind::kPlanned, OutageKind::kEmergency})
    EXPECT_EQ(ParseOutageKind(OutageKindName(k)), k);
  EXPECT_FALSE(ParseOutageKind("Planned").has_value());
}

TEST(StopSecondsByDay, UnionsOverlapsAndSplitsAtLocalMidnight) {
  struct Row {
    const char* name;
    std::vector<std::pair<const char*, const char*>> spans;
    std::map<std::string, long> expected;
  };
  const std::vector<Row> rows = {
      {"none", {}, {}},
      {"12 h in one day", {{"2025-12-10T08:00:00+08:00", "2025-12-10T20:00:00+08:00"}},
       {{"2025-12-10", 12 * 3600}}},
      {"11 h 59 min", {{"2025-12-10T08:00:00+08:00", "2025-12-10T19:59:00+08:00"}},
       {{"2025-12-10", 12 * 3600 - 60}}},
      {"across local midnight (16:00 UTC)",
       {{"2025-12-10T20:00:00+08:00", "2025-12-11T10:00:00+08:00"}},
       {{"2025-12-10", 4 * 3600}, {"2025-12-11", 10 * 3600}}},
      {"overlapping stops count once",
       {{"2025-12-10T08:00:00+08:00", "2025-12-10T14:00:00+08:00"},
        {"2025-12-10T12:00:00+08:00", "2025-12-10T18:00:00+08:00"},
        {"2025-12-10T09:00:00+08:00", "2025-12-10T10:00:00+08:00"}},
       {{"2025-12-10", 10 * 3600}}},
      {"touching stops join; disjoint ones add",
       {{"2025-12-10T08:00:00+08:00", "2025-12-10T10:00:00+08:00"},
        {"2025-12-10T10:00:00+08:00", "2025-12-10T11:00:00+08:00"},
        {"2025-12-10T13:00:00+08:00", "2025-12-10T14:00:00+08:00"}},
       {{"2025-12-10", 4 * 3600}}},
      {"an inverted span is ignored", {{"2025-12-10T10:00:00+08:00", "2025-12-10T08:00:00+08:00"}},
       {}},
      {"three days", {{"2025-12-10T12:00:00+08:00", "2025-12-12T12:00:00+08:00"}},
       {{"2025-12-10", 12 * 3600}, {"2025-12-11", 24 * 3600}, {"2025-12-12", 12 * 3600}}},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.name);
    std::vector<StopSpan> spans;
    for (const auto& [from, to] : r.spans) spans.push_back({T(from), T(to)});
    std::map<std::string, long> got;
    for (const auto& [day, secs] : StopSecondsByDay(spans)) got[FormatDate(day)] = secs;
    EXPECT_EQ(got, r.expected);
  }
}

}  // namespace
}  // namespace hearth::rules
