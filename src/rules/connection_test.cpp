// Connection applications (R-CONN-1; Z 2.3 (三), W 9.1.4): the 31 July date of a new building
// (the season it catches, the next one after it), the decision's working days with and without
// outside works across the 2026 Mid-Autumn and National Day holidays (and the make-up Saturday),
// an existing building's season, the documents supplied later (容缺), what approval needs, and a
// refusal's reason and suggestion.
#include "rules/connection.hpp"

#include <gtest/gtest.h>

namespace hearth::rules {
namespace {

using Doc = ConnectionDocument;

Instant T(const char* text) { return *ParseRfc3339(text); }
Date D(const char* text) { return *ParseDate(text); }

// The shipped calendar's entries for September and October 2026 (data/calendar/cn-holidays.json).
const HolidayCalendar& Calendar() {
  static const HolidayCalendar cal = [] {
    HolidayYear y{2026, {{D("2026-09-20"), "国庆节", false}, {D("2026-10-10"), "国庆节", false}}};
    for (const char* d : {"2026-09-25", "2026-09-26", "2026-09-27"})
      y.entries.push_back({D(d), "中秋节", true});
    for (int day = 1; day <= 7; ++day) {
      y.entries.push_back({D("2026-10-01") + std::chrono::days{day - 1}, "国庆节", true});
    }
    return *HolidayCalendar::Create({{2025, {}}, y, {2027, {}}});
  }();
  return cal;
}

// Weihai's numbers (policies/weihai.toml).
Policy TestPolicy() {
  Policy p;
  p.season.official_start = {{11, 15}, {"R-SEASON-1", true, ""}};
  p.season.official_end = {{3, 15}, {"R-SEASON-1", true, ""}};
  p.season.commissioning_start = {{11, 1}, {"R-SEASON-1", true, ""}};
  p.deadlines.connection_application = {{7, 31}, {"Z 2.3", true, ""}};
  p.deadlines.connection_with_outside_works = {PeriodUnit::kWorkingDays, 3, {"W 9.1.4", false, ""}};
  p.deadlines.connection_without_outside_works = {
      PeriodUnit::kWorkingDays, 1, {"W 9.1.4", false, ""}};
  return p;
}

TEST(Connection, SeasonAndDecisionDeadline) {
  const struct {
    const char* name;
    bool new_building, outside_works;
    const char* received;
    int season;
    bool next;
    const char* decision;
  } table[] = {
      {"new, on 31 July", true, true, "2026-07-31T10:00:00+08:00", 2026, false,
       "2026-08-05T23:59:59+08:00"},
      {"new, on 1 August: next season", true, false, "2026-08-01T09:00:00+08:00", 2027, true,
       "2026-08-03T23:59:59+08:00"},
      {"new, before National Day", true, true, "2026-09-30T16:00:00+08:00", 2027, true,
       "2026-10-10T23:59:59+08:00"},
      {"new, before Mid-Autumn", true, false, "2026-09-24T16:00:00+08:00", 2027, true,
       "2026-09-28T23:59:59+08:00"},
      {"new, in spring", true, false, "2026-03-02T09:00:00+08:00", 2026, false,
       "2026-03-03T23:59:59+08:00"},
      {"existing, in the season", false, false, "2026-03-10T09:00:00+08:00", 2025, false,
       "2026-03-11T23:59:59+08:00"},
      {"existing, its last day", false, true, "2026-03-15T09:00:00+08:00", 2025, false,
       "2026-03-18T23:59:59+08:00"},
      {"existing, after it", false, false, "2026-05-06T09:00:00+08:00", 2026, false,
       "2026-05-07T23:59:59+08:00"},
  };
  for (const auto& row : table) {
    ConnectionApplication app{
        row.new_building, row.outside_works, T(row.received), {Doc::kApplicationForm}};
    auto a = AssessConnection(TestPolicy(), Calendar(), app);
    ASSERT_TRUE(a.ok()) << row.name << ": " << a.error().message;
    EXPECT_EQ(a->season, row.season) << row.name;
    EXPECT_EQ(a->next_season, row.next) << row.name;
    EXPECT_EQ(FormatLocal(a->decision.deadline), row.decision) << row.name;
    EXPECT_EQ(a->decision.basis.Display(), "W 9.1.4") << row.name;
  }
  auto late =
      AssessConnection(TestPolicy(), Calendar(),
                       {true, false, T("2026-08-01T09:00:00+08:00"), {Doc::kApplicationForm}});
  EXPECT_EQ(FormatLocal(late->application_due.deadline), "2027-07-31T23:59:59+08:00");
  EXPECT_EQ(late->application_due.basis.Display(), "platform default (Z 2.3)");
}

TEST(Connection, DocumentsSuppliedLaterAndApproval) {
  const Instant at = T("2026-06-01T09:00:00+08:00");
  const struct {
    const char* name;
    bool new_building;
    std::set<Doc> documents;
    std::vector<Doc> missing;
    bool may_approve;
  } table[] = {
      {"new, the form alone (容缺)", true, {Doc::kApplicationForm}, {Doc::kDrawings}, true},
      {"new, complete", true, {Doc::kApplicationForm, Doc::kDrawings}, {}, true},
      {"existing, the form alone",
       false,
       {Doc::kApplicationForm},
       {Doc::kRetrofitRecord, Doc::kOwnersDecision},
       false},
      {"existing, no owners' decision",
       false,
       {Doc::kApplicationForm, Doc::kRetrofitRecord},
       {Doc::kOwnersDecision},
       false},
      {"existing, complete",
       false,
       {Doc::kApplicationForm, Doc::kRetrofitRecord, Doc::kOwnersDecision},
       {},
       true},
  };
  for (const auto& row : table) {
    ConnectionApplication app{row.new_building, false, at, row.documents};
    auto a = AssessConnection(TestPolicy(), Calendar(), app);
    ASSERT_TRUE(a.ok()) << row.name;
    EXPECT_EQ(a->missing, row.missing) << row.name;
    const Status approve = MayApproveConnection(app);
    EXPECT_EQ(approve.ok(), row.may_approve) << row.name;
    if (!approve.ok()) {
      EXPECT_EQ(approve.error().code, ErrorCode::kFailedPrecondition);
      EXPECT_EQ(approve.error().field, "documents");
    }
  }
  EXPECT_NE(MayApproveConnection({false, false, at, {Doc::kApplicationForm}})
                .error()
                .message.find("retrofit-record and owners-decision missing"),
            std::string::npos);
  auto no_form = AssessConnection(TestPolicy(), Calendar(), {true, false, at, {Doc::kDrawings}});
  ASSERT_FALSE(no_form.ok());
  EXPECT_EQ(no_form.error().field, "documents");
  for (Doc d :
       {Doc::kApplicationForm, Doc::kDrawings, Doc::kRetrofitRecord, Doc::kOwnersDecision}) {
    EXPECT_EQ(ParseConnectionDocument(ConnectionDocumentName(d)), d);
  }
  EXPECT_EQ(ParseConnectionDocument("passport"), std::nullopt);
}

TEST(Connection, ARefusalGivesReasonAndSuggestion) {
  EXPECT_TRUE(CheckConnectionRefusal("管网容量不足", "待二期管网建成后再申请").ok());
  EXPECT_EQ(CheckConnectionRefusal(" ", "x").error().field, "reason");
  EXPECT_EQ(CheckConnectionRefusal("管网容量不足", "").error().field, "suggestion");
}

TEST(Connection, WhoMovesAnApplicationAndWhen) {
  using A = ConnectionAction;
  using S = ConnectionState;
  const Instant at = T("2026-06-01T09:00:00+08:00");
  const ConnectionApplication bare{false, false, at, {Doc::kApplicationForm}};
  const ConnectionApplication ready{
      false, false, at, {Doc::kApplicationForm, Doc::kRetrofitRecord, Doc::kOwnersDecision}};
  ConnectionMoveInput docs;
  docs.documents = {Doc::kRetrofitRecord};
  ConnectionMoveInput refusal;
  refusal.reason = "管网容量不足";
  refusal.suggestion = "待二期管网建成后再申请";
  ConnectionMoveInput visit;
  visit.note = "申请人认可办理过程";
  visit.satisfied = true;
  const struct {
    const char* name;
    const ConnectionApplication* app;
    S state;
    bool visited;
    A action;
    Role role;
    ConnectionMoveInput in;
    std::optional<S> to;  // nullopt: refused with `code` on `field`
    ErrorCode code;
    const char* field;
  } table[] = {
      {"agent files a drawing later", &bare, S::kReceived, false, A::kSupplyDocuments, Role::kAgent,
       docs, S::kReceived, ErrorCode::kInternal, ""},
      {"nothing new supplied", &ready, S::kReceived, false, A::kSupplyDocuments, Role::kAgent, docs,
       std::nullopt, ErrorCode::kInvalidArgument, "documents"},
      {"manager approves a complete file",
       &ready,
       S::kReceived,
       false,
       A::kApprove,
       Role::kManager,
       {},
       S::kApproved,
       ErrorCode::kInternal,
       ""},
      {"no approval without the retrofit",
       &bare,
       S::kReceived,
       false,
       A::kApprove,
       Role::kAdmin,
       {},
       std::nullopt,
       ErrorCode::kFailedPrecondition,
       "documents"},
      {"an agent does not decide",
       &ready,
       S::kReceived,
       false,
       A::kApprove,
       Role::kAgent,
       {},
       std::nullopt,
       ErrorCode::kPermissionDenied,
       ""},
      {"a technician does not take documents", &bare, S::kReceived, false, A::kSupplyDocuments,
       Role::kTechnician, docs, std::nullopt, ErrorCode::kPermissionDenied, ""},
      {"refusal with reason and suggestion", &bare, S::kReceived, false, A::kRefuse, Role::kManager,
       refusal, S::kRefused, ErrorCode::kInternal, ""},
      {"refusal without them",
       &bare,
       S::kReceived,
       false,
       A::kRefuse,
       Role::kManager,
       {},
       std::nullopt,
       ErrorCode::kInvalidArgument,
       "reason"},
      {"decided once",
       &ready,
       S::kRefused,
       false,
       A::kApprove,
       Role::kManager,
       {},
       std::nullopt,
       ErrorCode::kFailedPrecondition,
       ""},
      {"no documents after the decision", &bare, S::kApproved, false, A::kSupplyDocuments,
       Role::kAgent, docs, std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"visit after approval", &ready, S::kApproved, false, A::kVisit, Role::kAgent, visit,
       S::kApproved, ErrorCode::kInternal, ""},
      {"visit after refusal", &bare, S::kRefused, false, A::kVisit, Role::kAgent, visit,
       S::kRefused, ErrorCode::kInternal, ""},
      {"no visit before the decision", &bare, S::kReceived, false, A::kVisit, Role::kAgent, visit,
       std::nullopt, ErrorCode::kFailedPrecondition, ""},
      {"one visit", &bare, S::kRefused, true, A::kVisit, Role::kAgent, visit, std::nullopt,
       ErrorCode::kFailedPrecondition, ""},
      {"a visit without satisfaction",
       &bare,
       S::kRefused,
       false,
       A::kVisit,
       Role::kAgent,
       {{}, "", "", "申请人认可", std::nullopt},
       std::nullopt,
       ErrorCode::kInvalidArgument,
       "satisfied"},
      {"approve takes no reason", &ready, S::kReceived, false, A::kApprove, Role::kManager, refusal,
       std::nullopt, ErrorCode::kInvalidArgument, "reason"},
      {"the household takes no step", &bare, S::kApproved, false, A::kVisit, Role::kHousehold,
       visit, std::nullopt, ErrorCode::kPermissionDenied, ""},
  };
  for (const auto& row : table) {
    auto to = ApplyConnection(*row.app, row.state, row.visited, row.action, row.role, row.in);
    if (row.to) {
      ASSERT_TRUE(to.ok()) << row.name << ": " << to.error().message;
      EXPECT_EQ(*to, *row.to) << row.name;
    } else {
      ASSERT_FALSE(to.ok()) << row.name;
      EXPECT_EQ(to.error().code, row.code) << row.name;
      if (*row.field) {
        EXPECT_EQ(to.error().field, row.field) << row.name;
      }
    }
  }
  EXPECT_EQ(AllowedConnectionActions(bare, S::kReceived, false, Role::kManager),
            (std::vector<A>{A::kSupplyDocuments, A::kRefuse}));
  EXPECT_EQ(AllowedConnectionActions(ready, S::kReceived, false, Role::kManager),
            (std::vector<A>{A::kSupplyDocuments, A::kApprove, A::kRefuse}));
  EXPECT_EQ(AllowedConnectionActions(ready, S::kApproved, false, Role::kAgent),
            (std::vector<A>{A::kVisit}));
  EXPECT_TRUE(AllowedConnectionActions(ready, S::kApproved, true, Role::kAgent).empty());
  EXPECT_TRUE(AllowedConnectionActions(ready, S::kReceived, false, Role::kRegulator).empty());
  EXPECT_TRUE(MayApplyConnection(Role::kAgent));
  EXPECT_FALSE(MayApplyConnection(Role::kTechnician));
  EXPECT_FALSE(MayApplyConnection(Role::kHousehold));
  for (A a : {A::kApply, A::kSupplyDocuments, A::kApprove, A::kRefuse, A::kVisit}) {
    EXPECT_EQ(ParseConnectionAction(ConnectionActionName(a)), a);
  }
  for (S s : {S::kReceived, S::kApproved, S::kRefused}) {
    EXPECT_EQ(ParseConnectionState(ConnectionStateName(s)), s);
  }
}

TEST(Connection, TheDecisionDeadlineIsMetAtTheDecision) {
  const ConnectionApplication app{
      true, true, T("2026-09-30T16:00:00+08:00"), {Doc::kApplicationForm}};
  auto a = AssessConnection(TestPolicy(), Calendar(), app);
  ASSERT_TRUE(a.ok());
  const DeadlineStatus open = DecisionDeadline(app, a->decision, std::nullopt);
  EXPECT_EQ(open.from, app.received_at);
  EXPECT_EQ(FormatLocal(open.due), "2026-10-10T23:59:59+08:00");
  EXPECT_EQ(DeadlineStatusName(open, T("2026-10-09T12:00:00+08:00")), "warning");
  EXPECT_EQ(DeadlineStatusName(open, T("2026-10-11T00:00:00+08:00")), "overdue");
  const DeadlineStatus late = DecisionDeadline(app, a->decision, T("2026-10-12T09:00:00+08:00"));
  EXPECT_EQ(DeadlineStatusName(late, T("2026-10-12T09:00:00+08:00")), "late");
  const DeadlineStatus met = DecisionDeadline(app, a->decision, T("2026-10-08T09:00:00+08:00"));
  EXPECT_EQ(DeadlineStatusName(met, T("2026-10-12T09:00:00+08:00")), "met");
}

}  // namespace
}  // namespace hearth::rules
