// Rollups (R-TEMP-3), judging (R-TEMP-1, -2, -5, R-REFUND-1, -5), manual measurements (R-TEMP-4)
// and alerts over real stores, SQLite and PostgreSQL: readings go in through the reading store,
// as ingest puts them, and the services read them back.
#include "services/judging_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "services/alert_service.hpp"
#include "support/judging_test_city.hpp"

namespace hearth::services {
namespace {

TEST_P(JudgingTest, RollupsAreIncrementalAndALateReadingReopensItsDay) {
  const Date day = D("2025-12-01");
  Hours(bed_, day, 1850);
  Hours(living_, day, 1750);
  Hours(kitchen_, day, 1000);  // other rooms never count
  auto first = rollups_->RunOnce();
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_EQ(first->marks, 3);
  EXPECT_EQ(first->household_days, 1);
  EXPECT_EQ(first->cleared, 3);
  auto stored = store_->HouseholdDays(h_, day, day, std::nullopt);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].value, 175);
  EXPECT_EQ((*stored)[0].room, "living");
  const auto& rooms = (*stored)[0].rooms;
  EXPECT_TRUE(std::any_of(rooms.begin(), rooms.end(),
                          [](const ports::RoomSummary& r) { return r.valid_hours == 24; }));
  auto again = rollups_->RunOnce();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->marks, 0);  // nothing new: nothing to do

  // A late reading in the living room's hour 0: that hour's mean is now (17.5 + 29.5) / 2, the
  // room's day (23 × 17.5 + 23.5) / 24 = 17.75 -> 17.8, still the minimum.
  ASSERT_TRUE(
      readings_->Insert(std::vector<ports::Reading>{{living_, Unix(day, 0, 40), 2950}}).ok());
  auto late = rollups_->RunOnce();
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->marks, 1);
  EXPECT_EQ(late->household_days, 1);
  EXPECT_EQ(store_->HouseholdDays(h_, day, day, std::nullopt)->front().value, 178);
  // Judging catches up by itself: no explicit run needed.
  Hours(bed_, day + std::chrono::days{1}, 1700);
  EXPECT_EQ(Judge(day + std::chrono::days{1}).value, 170);
}

// A household's consecutive marked days are read in one statement and rolled up together; each
// day comes out as it would alone, and a day with no mark gets no row.
TEST_P(JudgingTest, ARunOfDaysIsRolledUpAsEachDayAlone) {
  const Date d0 = D("2025-12-01");
  auto day = [&](int n) { return d0 + std::chrono::days{n}; };
  Hours(bed_, day(0), 1850);
  Hours(living_, day(0), 1750);
  Hours(bed_, day(1), 1600);
  Hours(bed_, day(2), 9900);      // no valid reading: no value
  Hours(kitchen_, day(3), 1900);  // other rooms never count: no value
  Hours(living_, day(4), 1900);
  Hours(bed_, day(6), 2000);  // after a day without readings
  auto rolled = rollups_->RunOnce();
  ASSERT_TRUE(rolled.ok()) << rolled.error().detail;
  EXPECT_EQ(rolled->household_days, 6);
  auto stored = store_->HouseholdDays(h_, day(0), day(6), std::nullopt);
  ASSERT_TRUE(stored.ok());
  const std::vector<std::pair<Date, std::optional<int>>> want = {
      {day(0), 175}, {day(1), 160},  {day(2), std::nullopt}, {day(3), std::nullopt},
      {day(4), 190}, {day(6), 200}};
  ASSERT_EQ(stored->size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(FormatDate(want[i].first));
    EXPECT_EQ((*stored)[i].day, want[i].first);
    if (want[i].second) {
      ASSERT_TRUE((*stored)[i].value.has_value());
      EXPECT_EQ(*(*stored)[i].value, *want[i].second);
    } else {
      EXPECT_FALSE((*stored)[i].value.has_value());
    }
  }
  EXPECT_EQ((*stored)[0].room, "living");
  EXPECT_EQ((*stored)[5].room, "bed");
}

TEST_P(JudgingTest, DaysAreJudgedFromRemoteValues) {
  // R-TEMP-3 / R-TEMP-5 / R-REFUND-1 with the weihai profile: guarantee 18.0 °C, tiers 20 / 50 /
  // 100 %, design outdoor -5.4 °C.
  struct Case {
    const char* name;
    const char* day;
    int32_t bed, living;  // centi
    int living_hours;
    std::optional<int> outdoor;  // tenths
    std::optional<int> value;
    rules::DayStatus status;
    int share;
    const char* source;
  };
  using S = rules::DayStatus;
  const Case cases[] = {
      {"qualified at the guarantee",
       "2025-12-01",
       1900,
       1795,
       24,
       {},
       180,
       S::kQualified,
       0,
       "remote"},
      {"just below", "2025-12-02", 1900, 1790, 24, {}, 179, S::kUnqualified, 20, "remote"},
      {"g-2 is still 20 %", "2025-12-03", 1600, 2000, 24, {}, 160, S::kUnqualified, 20, "remote"},
      {"50 %", "2025-12-04", 1590, 2000, 24, {}, 159, S::kUnqualified, 50, "remote"},
      {"100 %", "2025-12-05", 1190, 2000, 24, {}, 119, S::kUnqualified, 100, "remote"},
      {"living room 19 h does not count",
       "2025-12-06",
       1900,
       1200,
       19,
       {},
       190,
       S::kQualified,
       0,
       "remote"},
      {"exempt below the design outdoor mean", "2025-12-07", 1500, 1500, 24, -55, 150, S::kExempt,
       0, "remote"},
      {"at the design mean is not exempt", "2025-12-08", 1500, 1500, 24, -54, 150, S::kUnqualified,
       50, "remote"},
      {"no readings: not judged", "2025-12-09", 0, 0, 0, {}, {}, S::kNotJudged, 0, "none"},
      {"outside the season: not judged",
       "2025-10-01",
       1200,
       1200,
       24,
       {},
       120,
       S::kNotJudged,
       0,
       "remote"},
  };
  for (const Case& c : cases) {
    const Date day = D(c.day);
    if (c.bed != 0) Hours(bed_, day, c.bed);
    if (c.living_hours > 0) Hours(living_, day, c.living, c.living_hours);
    if (c.outdoor) {
      ports::OutdoorMean m{district_, day, *c.outdoor};
      ASSERT_TRUE(store_->PutOutdoorMeans(std::span(&m, 1), "regulator").ok());
    }
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    JudgedDay j = Judge(D(c.day));
    EXPECT_EQ(j.value, c.value);
    EXPECT_EQ(j.status, c.status);
    EXPECT_EQ(j.share_percent, c.share);
    EXPECT_STREQ(rules::EvidenceSourceName(j.source), c.source);
    EXPECT_FALSE(j.reason.empty());
    if (j.in_season) {
      EXPECT_EQ(j.guarantee, 180);
    } else {
      EXPECT_FALSE(j.guarantee.has_value());
    }
  }
  EXPECT_EQ(Judge(D("2025-12-02")).reason,
            "unqualified: 17.9 °C against 18.0 °C guaranteed (20 %)");
  EXPECT_EQ(Judge(D("2025-12-02")).room, "living");
  // A range: one entry per day, in order.
  auto range = judging_->Judge(h_, D("2025-12-01"), D("2025-12-09"));
  ASSERT_TRUE(range.ok());
  ASSERT_EQ(range->days.size(), 9u);
  EXPECT_EQ(range->days[4].share_percent, 100);
  EXPECT_EQ(range->guarantee_case, "full");
}

TEST_P(JudgingTest, GuaranteeFollowsTheUsageRatesAndTheContract) {
  // R-TEMP-2: the agreed temperature replaces 18 °C; a second, unheated household in the
  // partition makes the partition rate 50 %: the agreed temperature applies; without one, none.
  const Date day = D("2025-12-01");
  Hours(bed_, day, 1900);
  Hours(living_, day, 1900);
  auto households = *model::FindResource("households");
  ASSERT_TRUE(records_->Update(households, h_, {{"agreed_temp", int64_t{200}}}, {}, "t").ok());
  JudgedDay agreed = Judge(day);
  EXPECT_EQ(agreed.guarantee, 200);
  EXPECT_EQ(agreed.status, rules::DayStatus::kUnqualified);
  EXPECT_EQ(agreed.share_percent, 20);
  Make("households", {{"company_id", company_},
                      {"partition_id", partition_},
                      {"code", "H-2"},
                      {"area_m2", int64_t{10000}},
                      {"floor", int64_t{3}},
                      {"orientation", "sun"},
                      {"billing", "area"},
                      {"heating_status", "stopped"}});
  EXPECT_EQ(Judge(day).guarantee, 200);
  ASSERT_TRUE(records_->Update(households, h_, {{"agreed_temp", nullptr}}, {}, "t").ok());
  auto none = judging_->Judge(h_, day, day);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->days[0].guarantee.has_value());
  EXPECT_EQ(none->days[0].status, rules::DayStatus::kNotJudged);
  EXPECT_EQ(none->guarantee_case, "agreed-partition");
}

TEST_P(JudgingTest, ManualMeasurementsOpenAndClosePeriods) {
  // R-REFUND-5: remote values are 19.0 °C every day 12-01..12-15; a signed measurement of
  // 16.0 °C on 12-05 opens a 20 % period, a pending one (12-08, 10.0 °C) is no evidence, a
  // signed 18.5 °C on 12-11 closes the period.
  for (Date d = D("2025-12-01"); d <= D("2025-12-15"); d += std::chrono::days{1}) {
    Hours(bed_, d, 1900);
  }
  const int64_t opening = AddManual(Manual("2025-12-05T10:00:00+08:00", 16000, "signed"));
  const int64_t pending = AddManual(Manual("2025-12-08T10:00:00+08:00", 10000, "pending"));
  AddManual(Manual("2025-12-11T10:00:00+08:00", 18500, "signed"));
  struct Case {
    const char* day;
    int value;
    const char* source;
    int share;
  };
  const Case cases[] = {
      {"2025-12-04", 190, "remote", 0},         {"2025-12-05", 160, "manual", 20},
      {"2025-12-06", 160, "manual-period", 20}, {"2025-12-08", 160, "manual-period", 20},
      {"2025-12-10", 160, "manual-period", 20}, {"2025-12-11", 185, "manual", 0},
      {"2025-12-12", 190, "remote", 0},
  };
  auto range = judging_->Judge(h_, D("2025-12-01"), D("2025-12-15"));
  ASSERT_TRUE(range.ok());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    const JudgedDay& j = range->days[static_cast<size_t>((D(c.day) - D("2025-12-01")).count())];
    EXPECT_EQ(j.value, c.value);
    EXPECT_STREQ(rules::EvidenceSourceName(j.source), c.source);
    EXPECT_EQ(j.share_percent, c.share);
  }
  const JudgedDay& carried = range->days[6];  // 12-07
  EXPECT_EQ(carried.measured_on, D("2025-12-05"));
  EXPECT_EQ(carried.measurement_id, opening);
  EXPECT_EQ(carried.room, "bed");
  EXPECT_EQ(carried.reason,
            "unqualified: 16.0 °C against 18.0 °C guaranteed, as measured by hand on 2025-12-05 "
            "(20 %)");

  // Signing the pending one makes it evidence: from 12-08 the tier is 100 %.
  ASSERT_TRUE(measurements_->Update(pending, "signed", std::nullopt, {"h-1", true, {}}).ok());
  EXPECT_EQ(Judge(D("2025-12-09")).share_percent, 100);
  // A third-party test the same day (16.0 °C) overrides it: the period goes on at 20 %.
  AddManual(Manual("2025-12-08T15:00:00+08:00", 16000, "pending", true));
  ASSERT_TRUE(measurements_->Update(pending, std::nullopt, true, {"agent", false, {}}).ok());
  EXPECT_EQ(Judge(D("2025-12-09")).share_percent, 20);
}

TEST_P(JudgingTest, MeasurementsBreakingTheProcedureAreRejectedWithTheirRules) {
  struct Case {
    const char* name;
    std::function<void(ports::MeasurementInput&)> change;
    std::vector<std::string> checks;  // empty: stored
  };
  const Case cases[] = {
      {"good, pending", [](ports::MeasurementInput&) {}, {}},
      {"refused on the device is stored too",
       [](ports::MeasurementInput& in) {
         in.measurement.signature = rules::Signature::kRefused;
         in.signature_record =
             ports::SignatureRecord{"户主", in.measurement.readings[2].at, "device"};
       },
       {}},
      {"gap too long",
       [](ports::MeasurementInput& in) {
         in.measurement.readings[2].at += std::chrono::seconds(40);
       },
       {"gap"}},
      {"coarse instrument, doors open too briefly",
       [](ports::MeasurementInput& in) {
         in.measurement.resolution = 500;
         in.measurement.closed_minutes = 10;
       },
       {"resolution", "doors-closed"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto in = Manual("2025-12-05T10:00:00+08:00", 17000, "pending");
    c.change(in);
    auto out = measurements_->Add(in, {}, "tech");
    ASSERT_TRUE(out.ok()) << out.error().message;
    std::vector<std::string> checks;
    for (const auto& v : out->violations) checks.push_back(rules::ManualCheckName(v.check));
    EXPECT_EQ(checks, c.checks);
    EXPECT_EQ(out->stored.has_value(), c.checks.empty());
    if (out->stored) {
      EXPECT_EQ(out->stored->value, 170);
    }
  }
  EXPECT_EQ(store_->Measurements(h_)->size(), 2u);
  auto bad_room = Manual("2025-12-05T10:00:00+08:00", 17000, "signed");
  bad_room.room = "attic";
  auto out = measurements_->Add(bad_room, {}, "tech");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().field, "room");
  ports::Scope other;
  other.company_id = company_ + 1;
  out = measurements_->Add(Manual("2025-12-05T10:00:00+08:00", 17000, "signed"), other, "x");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kNotFound);
}

// Issue 11 (R-TEMP-4): only the household signs or refuses; staff record a device signature at
// the visit, mark third-party tests, and override only with one; nothing timed after now.
TEST_P(JudgingTest, OnlyTheHouseholdSignsItsMeasurements) {
  using In = ports::MeasurementInput;
  struct AddCase {
    const char* name;
    std::function<void(In&)> change;
    const char* field;  // "" when stored
  };
  const Instant t0 = At("2025-12-05T10:00:00+08:00");
  const AddCase adds[] = {
      {"pending", [](In&) {}, ""},
      {"signed on the device", [](In& in) { in.measurement.signature = rules::Signature::kSigned;
         in.signature_record = ports::SignatureRecord{"户主", in.measurement.readings[2].at,
                                                      "device"}; }, ""},
      {"signed with no record", [](In& in) { in.measurement.signature = rules::Signature::kSigned; },
       "signature_record"},
      {"refused with no record",
       [](In& in) { in.measurement.signature = rules::Signature::kRefused; }, "signature_record"},
      {"a record not from the device", [t0](In& in) {
         in.measurement.signature = rules::Signature::kSigned;
         in.signature_record = ports::SignatureRecord{"户主", t0, "agent-phone"}; },
       "signature_record.via"},
      {"signed before the reading", [t0](In& in) {
         in.measurement.signature = rules::Signature::kSigned;
         in.signature_record = ports::SignatureRecord{"户主", t0 - std::chrono::minutes(1),
                                                      "device"}; },
       "signature_record.at"},
      {"signed after now", [this](In& in) {
         in.measurement.signature = rules::Signature::kSigned;
         in.signature_record = ports::SignatureRecord{"户主", clock_.Now() + std::chrono::hours(1),
                                                      "device"}; },
       "signature_record.at"},
      {"a record on a pending one", [t0](In& in) {
         in.signature_record = ports::SignatureRecord{"户主", t0, "device"}; },
       "signature_record"},
      {"seven weeks ahead", [this](In& in) {
         for (auto& r : in.measurement.readings) r.at = clock_.Now() + std::chrono::weeks(7);
       }, "readings[0].at"},
      {"six minutes ahead", [this](In& in) {
         const Instant start = clock_.Now() - std::chrono::minutes(2);
         for (size_t i = 0; i < 3; ++i) {
           in.measurement.readings[i].at = start + std::chrono::minutes(4 * i);
         }
       }, "readings[2].at"},
  };
  for (const AddCase& c : adds) {
    SCOPED_TRACE(c.name);
    In in = Manual("2025-12-05T10:00:00+08:00", 17000, "pending");
    c.change(in);
    auto out = measurements_->Add(in, {}, "tech");
    if (std::string(c.field).empty()) {
      ASSERT_TRUE(out.ok()) << out.error().message;
      EXPECT_TRUE(out->stored.has_value());
    } else {
      ASSERT_FALSE(out.ok());
      EXPECT_EQ(out.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(out.error().field, c.field) << out.error().message;
    }
  }

  const int64_t pending = AddManual(Manual("2025-12-06T10:00:00+08:00", 15000, "pending"));
  const MeasurementActor household{"h-1", true, {}}, agent{"agent", false, {}};
  struct UpdateCase {
    const char* name;
    MeasurementActor actor;
    std::optional<std::string> signature;
    std::optional<bool> overridden;
    std::optional<ErrorCode> code;  // none when changed
  };
  const UpdateCase updates[] = {
      {"staff cannot sign", agent, "signed", std::nullopt, ErrorCode::kPermissionDenied},
      {"staff cannot refuse", agent, "refused", std::nullopt, ErrorCode::kPermissionDenied},
      {"pending is not a signature", household, "pending", std::nullopt,
       ErrorCode::kInvalidArgument},
      {"the household refuses", household, "refused", std::nullopt, std::nullopt},
      {"a refusal is final", household, "signed", std::nullopt, ErrorCode::kFailedPrecondition},
      {"the household cannot override", household, std::nullopt, true,
       ErrorCode::kPermissionDenied},
      {"no third-party test that day", agent, std::nullopt, true, ErrorCode::kFailedPrecondition},
  };
  for (const UpdateCase& c : updates) {
    SCOPED_TRACE(c.name);
    auto got = measurements_->Update(pending, c.signature, c.overridden, c.actor);
    EXPECT_EQ(got.ok() ? std::optional<ErrorCode>() : got.error().code, c.code)
        << (got.ok() ? "" : got.error().message);
  }
  auto refused = store_->GetMeasurement(pending);
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->signature, "refused");
  ASSERT_TRUE(refused->signed_record.has_value());
  EXPECT_EQ(refused->signed_record->by, "h-1");
  EXPECT_EQ(refused->signed_record->via, "household-login");
  EXPECT_EQ(refused->signed_record->at, clock_.Now());
  // With a third-party test that day, staff may mark it overridden.
  AddManual(Manual("2025-12-06T15:00:00+08:00", 17000, "pending", true));
  EXPECT_TRUE(measurements_->Update(pending, std::nullopt, true, agent).ok());
}

// R-TEMP-2 decision (issue 11): where 18 °C is guaranteed an agreed 15.0 °C does not lower it;
// R-REFUND-1: a meter-billed household's cold day carries no temperature share.
TEST_P(JudgingTest, AgreedTemperaturesAndMeterBilling) {
  const Date day = D("2025-12-03");
  Hours(bed_, day, 1500);
  Hours(living_, day, 1500);
  auto agreed = records_->Update(*model::FindResource("households"), h_,
                                 {{"agreed_temp", int64_t{150}}}, {}, "agent");
  ASSERT_TRUE(agreed.ok());
  JudgedDay j = Judge(day);
  EXPECT_EQ(j.guarantee, 180);
  EXPECT_EQ(j.status, rules::DayStatus::kUnqualified);
  EXPECT_EQ(j.share_percent, 50);
  ASSERT_TRUE(records_->Update(*model::FindResource("households"), h_,
                               {{"billing", "meter"}}, {}, "agent")
                  .ok());
  j = Judge(day);
  EXPECT_EQ(j.status, rules::DayStatus::kUnqualified);
  EXPECT_EQ(j.share_percent, 0);
  EXPECT_NE(j.reason.find("billed by heat meter: no temperature share (Z 2.4)"), std::string::npos)
      << j.reason;
}

// R-SEASON-1 (issue 11): a district's early-start and extension days are judged and reported,
// with no share (no fee); a day past the extension is not judged.
// Every field but the reason: a batch without reasons must judge the same.
void ExpectSameJudgement(const HouseholdJudgement& a, const HouseholdJudgement& b,
                         bool same_reasons) {
  EXPECT_EQ(a.policy, b.policy);
  EXPECT_EQ(a.guarantee_case, b.guarantee_case);
  ASSERT_EQ(a.days.size(), b.days.size());
  for (size_t i = 0; i < a.days.size(); ++i) {
    const JudgedDay &x = a.days[i], &y = b.days[i];
    SCOPED_TRACE(FormatDate(x.date));
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.guarantee, y.guarantee);
    EXPECT_EQ(x.status, y.status);
    EXPECT_EQ(x.share_percent, y.share_percent);
    EXPECT_EQ(x.in_season, y.in_season);
    EXPECT_EQ(x.extra_day, y.extra_day);
    EXPECT_EQ(x.outdoor_mean, y.outdoor_mean);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.measured_on, y.measured_on);
    EXPECT_EQ(x.measurement_id, y.measurement_id);
    EXPECT_EQ(x.room, y.room);
    EXPECT_EQ(x.rooms, y.rooms);
    if (same_reasons) {
      EXPECT_EQ(x.reason, y.reason);
    } else {
      EXPECT_FALSE(x.reason.empty());
      EXPECT_TRUE(y.reason.empty()) << y.reason;
    }
  }
}

TEST_P(JudgingTest, ABatchSharingACacheJudgesAsSingleCallsDo) {
  // What a batch reads once (partition, building, profile, season records, outdoor means, the
  // measured households) must not change a day: h_ has remote days, a measured period, an
  // early-start day and cold days; h2, judged first with the same cache, has nothing.
  Make("seasons", {{"district_id", district_},
                   {"season", int64_t{2025}},
                   {"official_start", "2025-11-15"},
                   {"official_end", "2026-03-15"},
                   {"early_start", "2025-11-12"},
                   {"decision_ref", "d-2025-1"}});
  const int64_t h2 = Make("households", {{"company_id", company_},
                                         {"partition_id", partition_},
                                         {"code", "H-2"},
                                         {"area_m2", int64_t{8000}},
                                         {"floor", int64_t{3}},
                                         {"orientation", "sun"},
                                         {"billing", "meter"},
                                         {"heating_status", "heated"}});
  for (Date d = D("2025-11-12"); d <= D("2025-12-10"); d += std::chrono::days{1}) {
    Hours(bed_, d, d < D("2025-11-20") ? 1700 : 1900);
    Hours(living_, d, 1850, d == D("2025-11-25") ? 19 : 24);
  }
  AddManual(Manual("2025-12-01T10:00:00+08:00", 16000, "signed"));
  const Date from = D("2025-11-10"), to = D("2025-12-20");
  auto single = judging_->Judge(h_, from, to);
  ASSERT_TRUE(single.ok()) << single.error().message;

  JudgingService::Cache cache;
  auto other = judging_->Judge(h2, from, to, &cache);
  ASSERT_TRUE(other.ok()) << other.error().message;
  auto batched = judging_->Judge(h_, from, to, &cache);
  ASSERT_TRUE(batched.ok()) << batched.error().message;
  ExpectSameJudgement(*single, *batched, true);
  EXPECT_EQ(cache.measured.at(company_).count(h_), 1u);
  EXPECT_EQ(cache.measured.at(company_).count(h2), 0u);
  auto day = [&](const char* d) { return single->days[static_cast<size_t>((D(d) - from).count())]; };
  EXPECT_EQ(day("2025-12-02").source, rules::EvidenceSource::kManualPeriod);
  EXPECT_TRUE(day("2025-11-12").extra_day);

  // A page read at once (Prefetch over the span Judge reads) judges the same; a household judged
  // twice reads the store the second time.
  JudgingService::Cache paged;
  auto household = ports::GetView<ports::HouseholdView>(*records_, h_);
  ASSERT_TRUE(household.ok());
  auto span = judging_->JudgedSpan(*household, from, to, paged);
  ASSERT_TRUE(span.ok()) << span.error().message;
  EXPECT_EQ(span->first, D("2025-11-10"));  // from..to, widened to the official season
  EXPECT_EQ(span->second, D("2026-03-15"));
  ASSERT_TRUE(
      judging_->Prefetch(std::min(h_, h2), std::max(h_, h2), span->first, span->second, paged)
          .ok());
  EXPECT_TRUE(paged.page.Holds(h_, span->first, span->second, {from, to}));
  for (int twice = 0; twice < 2; ++twice) {
    auto from_page = judging_->Judge(*household, from, to, &paged);
    ASSERT_TRUE(from_page.ok()) << from_page.error().message;
    ExpectSameJudgement(*single, *from_page, true);
  }
  EXPECT_TRUE(paged.page.taken.contains(h_));

  // Judging one day reads its season for the evidence but the rooms of that day alone; a page
  // without the rooms of the days judged is not taken. Both judge the day as the long run did.
  const Date one = D("2025-11-25");  // the living room counted 19 h
  JudgingService::Cache narrow;
  ASSERT_TRUE(judging_->PrefetchPage(std::span(&*household, 1), one, one, narrow).ok());
  auto one_span = judging_->JudgedSpan(*household, one, one, narrow);
  ASSERT_TRUE(one_span.ok());
  EXPECT_TRUE(narrow.page.Holds(h_, one_span->first, one_span->second, {one, one}));
  EXPECT_FALSE(narrow.page.Holds(h_, one_span->first, one_span->second, {one, to}));
  for (JudgingService::Cache* c : {&narrow, static_cast<JudgingService::Cache*>(nullptr)}) {
    auto judged = judging_->Judge(*household, one, one, c);
    ASSERT_TRUE(judged.ok()) << judged.error().message;
    ASSERT_EQ(judged->days.size(), 1u);
    const JudgedDay& long_run = day("2025-11-25");
    EXPECT_EQ(judged->days[0].rooms, long_run.rooms);
    EXPECT_EQ(judged->days[0].rooms.size(), 2u);
    EXPECT_EQ(judged->days[0].value, long_run.value);
    EXPECT_EQ(judged->days[0].status, long_run.status);
    EXPECT_EQ(judged->days[0].share_percent, long_run.share_percent);
    EXPECT_EQ(judged->days[0].reason, long_run.reason);
  }
  EXPECT_TRUE(narrow.page.taken.contains(h_));

  // JudgeEach: the same, a page at a time, for the households kept, in id order.
  std::vector<int64_t> judged_ids;
  JudgingService::Cache each;
  const std::vector<int64_t> ids{std::min(h_, h2), std::max(h_, h2)};
  auto visit = [&](const ports::HouseholdView& h, const HouseholdJudgement& j) {
    judged_ids.push_back(h.id);
    if (h.id == h_) ExpectSameJudgement(*single, j, true);
    return OkStatus();
  };
  ASSERT_TRUE(judging_->JudgeEach(ids, from, to, each, visit).ok());
  EXPECT_EQ(judged_ids, ids);
  judged_ids.clear();
  auto only_h2 = [&](const ports::HouseholdView& h) { return h.id == h2; };
  ASSERT_TRUE(judging_->JudgeEach(ids, from, to, each, visit, only_h2).ok());
  EXPECT_EQ(judged_ids, std::vector<int64_t>{h2});
  auto stop = [](const ports::HouseholdView&, const HouseholdJudgement&) {
    return Status(Error::InvalidArgument("stop here", "x"));
  };
  EXPECT_EQ(judging_->JudgeEach(ids, from, to, each, stop).error().message, "stop here");
  const std::vector<int64_t> unknown{std::max(h_, h2) + 1000};
  EXPECT_EQ(judging_->JudgeEach(unknown, from, to, each, visit).error().code,
            ErrorCode::kNotFound);

  JudgingService::Cache quiet;
  quiet.reasons = false;
  auto wordless = judging_->Judge(h_, from, to, &quiet);
  ASSERT_TRUE(wordless.ok()) << wordless.error().message;
  ExpectSameJudgement(*single, *wordless, false);
}

TEST_P(JudgingTest, EarlyStartAndExtensionDaysAreJudgedWithoutAShare) {
  Make("seasons", {{"district_id", district_},
                   {"season", int64_t{2025}},
                   {"official_start", "2025-11-15"},
                   {"official_end", "2026-03-15"},
                   {"early_start", "2025-11-10"},
                   {"extension_end", "2026-03-20"},
                   {"decision_ref", "d-2025-1"}});
  struct Case {
    const char* day;
    bool in_season, extra_day;
    rules::DayStatus status;
  };
  const Case cases[] = {
      {"2025-11-09", false, false, rules::DayStatus::kNotJudged},
      {"2025-11-10", false, true, rules::DayStatus::kUnqualified},
      {"2025-11-15", true, false, rules::DayStatus::kUnqualified},
      {"2026-03-16", false, true, rules::DayStatus::kUnqualified},
      {"2026-03-20", false, true, rules::DayStatus::kUnqualified},
      {"2026-03-21", false, false, rules::DayStatus::kNotJudged},
  };
  for (const Case& c : cases) {
    Hours(bed_, D(c.day), 1500);
    Hours(living_, D(c.day), 1500);
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.day);
    JudgedDay j = Judge(D(c.day));
    EXPECT_EQ(j.in_season, c.in_season);
    EXPECT_EQ(j.extra_day, c.extra_day);
    EXPECT_EQ(j.status, c.status);
    EXPECT_EQ(j.value, 150);
    EXPECT_EQ(j.share_percent, c.in_season ? 50 : 0);
    if (c.extra_day) {
      EXPECT_EQ(j.guarantee, 180);
      EXPECT_NE(j.reason.find("extension day: no fee, no refund (R-SEASON-1)"), std::string::npos)
          << j.reason;
    }
  }
}

TEST_P(JudgingTest, AlertsForUnqualifiedSilentAndOutOfRange) {
  const Date today = D("2025-12-10");
  ports::ManualClock clock(StartOfLocalDay(today) + std::chrono::hours(23) +
                           std::chrono::minutes(30));
  AlertService alerts(*store_, *records_, *policies_, *judging_, rollups_.get(), clock);
  Hours(bed_, today, 1500);     // 15.0 °C today: unqualified, 50 %
  Hours(living_, today, 4600);  // last reading 46.0 °C: out of range; the day does not count it
  // kitchen_ never sent a reading: silent.
  auto list = alerts.Alerts(std::nullopt, 24);
  ASSERT_TRUE(list.ok()) << list.error().message << list.error().detail;
  std::vector<std::string> got;
  for (const Alert& a : *list) {
    got.push_back(a.kind + " " + (a.sensor_code.empty() ? a.household_code : a.sensor_code));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"unqualified H-1", "out-of-range S-living",
                                           "silent S-kitchen"}));
  EXPECT_EQ((*list)[0].day->share_percent, 50);
  // Two hours later with silent_hours=1, every sensor is silent (the last readings were 23:10).
  clock.Advance(std::chrono::hours(2));
  list = alerts.Alerts(company_, 1);
  ASSERT_TRUE(list.ok());
  int silent = 0;
  for (const Alert& a : *list) silent += a.kind == "silent";
  EXPECT_EQ(silent, 3);
  auto other = alerts.Alerts(company_ + 1, 24);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
  EXPECT_EQ(alerts.Alerts(std::nullopt, 0).error().field, "silent_hours");
}

INSTANTIATE_TEST_SUITE_P(Engines, JudgingTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services
