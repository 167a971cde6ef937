// 增减停复 (R-ACCT-1, W 9.1.8): what an application needs, who takes each step, and the pro-rata
// settlement in fen, rounded once, across the season's edges and a leap year.
#include "rules/heating_change.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using Kind = HeatingChangeKind;
using Doc = HeatingChangeDocument;
using State = HeatingChangeState;
using Action = HeatingChangeAction;

Date D(const char* text) { return *ParseDate(text); }

// 2026-11-15 … 2027-03-15: 121 days.
SeasonDates Season2026() {
  SeasonDates s;
  s.start_year = 2026;
  s.official_start = D("2026-11-15");
  s.official_end = D("2027-03-15");
  s.commissioning_start = D("2026-11-08");
  return s;
}

HeatingChange Change(Kind kind, int64_t before = 10000, int64_t after = 10000) {
  HeatingChange c;
  c.kind = kind;
  c.received = D("2026-12-01");
  c.effective = D("2026-12-01");
  c.heated = kind != Kind::kResume;
  c.area_before = before;
  c.area_after = after;
  c.documents = {Doc::kApplicationForm, Doc::kIdentity, Doc::kPropertyProof};
  return c;
}

TEST(HeatingChangeTest, NamesReadBothWays) {
  for (Kind k : {Kind::kIncrease, Kind::kDecrease, Kind::kStop, Kind::kResume}) {
    EXPECT_EQ(ParseHeatingChangeKind(HeatingChangeKindName(k)), k);
  }
  for (Doc d : {Doc::kApplicationForm, Doc::kIdentity, Doc::kPropertyProof, Doc::kAreaSurvey}) {
    EXPECT_EQ(ParseHeatingChangeDocument(HeatingChangeDocumentName(d)), d);
  }
  EXPECT_EQ(ParseHeatingChangeState("approved"), State::kApproved);
  EXPECT_EQ(ParseHeatingChangeAction("supply-documents"), Action::kSupplyDocuments);
  EXPECT_FALSE(ParseHeatingChangeKind("pause"));
  EXPECT_EQ(HeatingChangeKindNames(), "increase, decrease, stop, resume");
}

TEST(HeatingChangeTest, ChecksAnApplicationOnReceipt) {
  struct Case {
    const char* name;
    HeatingChange change;
    const char* field;  // "" when accepted
  };
  HeatingChange no_form = Change(Kind::kStop);
  no_form.documents = {Doc::kIdentity};
  HeatingChange backdated = Change(Kind::kStop);
  backdated.effective = D("2026-11-30");
  HeatingChange stopped_stop = Change(Kind::kStop);
  stopped_stop.heated = false;
  HeatingChange heated_resume = Change(Kind::kResume);
  heated_resume.heated = true;
  const Case cases[] = {
      {"a stop", Change(Kind::kStop), ""},
      {"a resumption", Change(Kind::kResume), ""},
      {"an increase", Change(Kind::kIncrease, 10000, 12050), ""},
      {"a decrease", Change(Kind::kDecrease, 10000, 8000), ""},
      {"no application form", no_form, "documents"},
      {"effective before receipt", backdated, "effective"},
      {"an increase that is not", Change(Kind::kIncrease, 10000, 10000), "area"},
      {"a decrease that is not", Change(Kind::kDecrease, 10000, 10001), "area"},
      {"a decrease to nothing", Change(Kind::kDecrease, 10000, 0), "area"},
      {"an area too large", Change(Kind::kIncrease, 10000, kMaxChangeAreaCenti + 1), "area"},
      {"a stop with an area", Change(Kind::kStop, 10000, 9000), "area"},
      {"a stop of a stopped household", stopped_stop, "kind"},
      {"a resumption of a heated one", heated_resume, "kind"},
  };
  for (const Case& c : cases) {
    Status s = CheckHeatingChange(c.change);
    EXPECT_EQ(s.ok(), std::string(c.field).empty()) << c.name;
    if (!s.ok()) {
      EXPECT_EQ(s.error().field, c.field) << c.name;
    }
  }
}

TEST(HeatingChangeTest, AnAreaChangeNeedsItsSurveyBeforeApproval) {
  HeatingChange inc = Change(Kind::kIncrease, 10000, 12000);
  EXPECT_EQ(MissingHeatingChangeDocuments(inc), std::vector<Doc>{Doc::kAreaSurvey});
  EXPECT_TRUE(MissingHeatingChangeDocuments(Change(Kind::kStop)).empty());
  auto refused = ApplyHeatingChange(inc, State::kReceived, Action::kApprove, Role::kManager, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().field, "documents");
  EXPECT_EQ(AllowedHeatingChangeActions(inc, State::kReceived, Role::kManager),
            (std::vector<Action>{Action::kSupplyDocuments, Action::kRefuse}));

  HeatingChangeMoveInput supply;
  supply.documents = {Doc::kAreaSurvey};
  auto same =
      ApplyHeatingChange(inc, State::kReceived, Action::kSupplyDocuments, Role::kAgent, supply);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*same, State::kReceived);
  inc.documents.insert(Doc::kAreaSurvey);
  EXPECT_EQ(*ApplyHeatingChange(inc, State::kReceived, Action::kApprove, Role::kManager, {}),
            State::kApproved);
  auto again =
      ApplyHeatingChange(inc, State::kReceived, Action::kSupplyDocuments, Role::kAgent, supply);
  EXPECT_EQ(again.error().field, "documents");  // nothing new
}

TEST(HeatingChangeTest, WhoTakesWhichStep) {
  const HeatingChange stop = Change(Kind::kStop);
  EXPECT_TRUE(MayApplyHeatingChange(Role::kAgent, Kind::kIncrease));
  EXPECT_TRUE(MayApplyHeatingChange(Role::kHousehold, Kind::kStop));
  EXPECT_TRUE(MayApplyHeatingChange(Role::kHousehold, Kind::kResume));
  EXPECT_FALSE(MayApplyHeatingChange(Role::kHousehold, Kind::kDecrease));
  EXPECT_FALSE(MayApplyHeatingChange(Role::kTechnician, Kind::kStop));
  EXPECT_FALSE(MayApplyHeatingChange(Role::kRegulator, Kind::kStop));

  auto agent = ApplyHeatingChange(stop, State::kReceived, Action::kApprove, Role::kAgent, {});
  EXPECT_EQ(agent.error().code, ErrorCode::kPermissionDenied);
  auto household =
      ApplyHeatingChange(stop, State::kReceived, Action::kSupplyDocuments, Role::kHousehold, {});
  EXPECT_EQ(household.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(AllowedHeatingChangeActions(stop, State::kReceived, Role::kHousehold).empty());
  EXPECT_EQ(AllowedHeatingChangeActions(stop, State::kReceived, Role::kAdmin),
            (std::vector<Action>{Action::kSupplyDocuments, Action::kApprove, Action::kRefuse}));

  HeatingChangeMoveInput blank;
  blank.reason = " ";
  EXPECT_EQ(ApplyHeatingChange(stop, State::kReceived, Action::kRefuse, Role::kManager, blank)
                .error()
                .field,
            "reason");
  HeatingChangeMoveInput why;
  why.reason = "产权证明与申请人不符";
  EXPECT_EQ(*ApplyHeatingChange(stop, State::kReceived, Action::kRefuse, Role::kManager, why),
            State::kRefused);
  auto twice = ApplyHeatingChange(stop, State::kApproved, Action::kRefuse, Role::kManager, why);
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(AllowedHeatingChangeActions(stop, State::kRefused, Role::kAdmin).empty());
  auto reason_on_approve =
      ApplyHeatingChange(stop, State::kReceived, Action::kApprove, Role::kManager, why);
  EXPECT_EQ(reason_on_approve.error().field, "reason");
}

TEST(HeatingChangeTest, SettlesProRataByDaysRoundedOnce) {
  struct Case {
    const char* name;
    HeatingChange change;
    const char* effective;
    int64_t price_fen;
    int days;
    int64_t area;
    int64_t amount_fen;
  };
  const Case cases[] = {
      // 100 m² × 25.00 yuan = 2500.00 for the season; from 1 Dec: 105 of 121 days.
      // 250000 × 105 / 121 = 216942.148… → 216942 fen credited.
      {"stop from 1 Dec", Change(Kind::kStop), "2026-12-01", 2500, 105, 10000, -216942},
      {"resume from 1 Dec", Change(Kind::kResume), "2026-12-01", 2500, 105, 10000, 216942},
      // Before the season: every day of it.
      {"stop before the season", Change(Kind::kStop), "2026-11-01", 2500, 121, 10000, -250000},
      {"stop on the first day", Change(Kind::kStop), "2026-11-15", 2500, 121, 10000, -250000},
      {"stop on the last day", Change(Kind::kStop), "2027-03-15", 2500, 1, 10000, -2066},
      {"stop after the season", Change(Kind::kStop), "2027-03-16", 2500, 0, 10000, 0},
      // 20.50 m² more at 26.80: 549.40 for the season; 90 of 121 days: 408.6446… → 408.64.
      {"increase by 20.50 m²", Change(Kind::kIncrease, 10000, 12050), "2026-12-16", 2680, 90, 2050,
       40864},
      // 12.34 m² less at 23.45: 289.373 for the season; 61 of 121: 145.882… → 145.88.
      {"decrease by 12.34 m²", Change(Kind::kDecrease, 10000, 8766), "2027-01-14", 2345, 61, 1234,
       -14588},
      // 0.50 m² × 1.21 yuan × 1 of 121 days = half a fen: away from zero, once.
      {"half a fen credited", Change(Kind::kStop, 50, 50), "2027-03-15", 121, 1, 50, -1},
      {"half a fen charged", Change(Kind::kResume, 50, 50), "2027-03-15", 121, 1, 50, 1},
      {"below half a fen", Change(Kind::kResume, 49, 49), "2027-03-15", 121, 1, 49, 0},
  };
  for (const Case& c : cases) {
    HeatingChange change = c.change;
    change.received = D("2026-10-01");
    change.effective = D(c.effective);
    auto s = SettleHeatingChange(change, Season2026(), c.price_fen);
    ASSERT_TRUE(s.ok()) << c.name;
    EXPECT_EQ(s->days, c.days) << c.name;
    EXPECT_EQ(s->season_days, 121) << c.name;
    EXPECT_EQ(s->season, 2026) << c.name;
    EXPECT_EQ(s->area, c.area) << c.name;
    EXPECT_EQ(s->amount_fen, c.amount_fen) << c.name;
  }
  EXPECT_EQ(SettleHeatingChange(Change(Kind::kStop), Season2026(), -1).error().field, "price");
}

TEST(HeatingChangeTest, ALeapYearSeasonHasADayMore) {
  SeasonDates leap;
  leap.start_year = 2027;
  leap.official_start = D("2027-11-15");
  leap.official_end = D("2028-03-15");
  HeatingChange stop = Change(Kind::kStop);
  stop.effective = D("2028-03-01");
  auto s = SettleHeatingChange(stop, leap, 2500);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->season_days, 122);
  EXPECT_EQ(s->days, 15);
  EXPECT_EQ(s->amount_fen, -30738);  // 250000 × 15 / 122 = 30737.7…
}

TEST(HeatingChangeTest, TheSeasonOfAChangeIsTheFirstNotYetEnded) {
  auto season_of = [](int year) -> Result<SeasonDates> {
    SeasonDates s;
    s.start_year = year;
    s.official_start = *ParseDate(std::to_string(year) + "-11-15");
    s.official_end = *ParseDate(std::to_string(year + 1) + "-03-15");
    return s;
  };
  EXPECT_EQ(SeasonOfChange(D("2027-03-15"), season_of)->start_year, 2026);
  EXPECT_EQ(SeasonOfChange(D("2027-03-16"), season_of)->start_year, 2027);
  EXPECT_EQ(SeasonOfChange(D("2026-07-01"), season_of)->start_year, 2026);
  EXPECT_EQ(SeasonOfChange(D("2026-12-31"), season_of)->start_year, 2026);
  EXPECT_EQ(SeasonOfChange(D("2027-01-01"), season_of)->start_year, 2026);
}

}  // namespace
}  // namespace hearth::rules
