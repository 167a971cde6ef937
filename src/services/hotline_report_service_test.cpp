// The monthly reports over real stores (SQLite and PostgreSQL): orders created and moved on
// through WorkOrderService as an agent would, then January 2026's hotline report (R-WO-7) and
// indicators R-KPI-Q, R-KPI-P, R-KPI-B compared with figures derived by hand from the cases
// below, including the month's edges in local time (an order received on 12-31 at 23:50 whose
// response falls due on 01-01; one received on 01-31 at 23:40 whose response and leak deadlines
// fall due in February), and the scopes; R-KPI-S from stored heating stops (issue 15).
#include "services/hotline_report_service.hpp"

#include <gtest/gtest.h>

#include "adapters/json/calendar_json.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/outage_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "rules/deadline.hpp"
#include "services/work_order_service.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"
#include "support/test_sensors.hpp"

namespace hearth::services {
namespace {

using rules::OrderEventType;
using rules::Satisfaction;
using support::Engine;

Instant T(const char* text) { return *ParseRfc3339(text); }

// One event of an order's script.
struct Step {
  OrderEventType type;
  const char* at;
  // visit
  bool reasonable = true;
  Satisfaction process = Satisfaction::kSatisfied;
  Satisfaction result = Satisfaction::kSatisfied;
};

// An order of the fixture: who received it, how, and what happened to it.
struct Script {
  const char* name;
  char company;  // 'a' or 'b'
  const char* channel;
  rules::OrderCategory category;
  const char* received;
  std::vector<Step> steps;
};

using E = OrderEventType;
using C = rules::OrderCategory;

// Company a's orders around January 2026 (New Year's Day: 01-01..03 off, Sunday 01-04 worked)
// and one of company b. The report is made on 2026-02-03 at 12:00. Each line says what it adds
// to January's figures, derived by hand.
const std::vector<Script> kScripts = {
    // Received in December: not in January's hotline report. Response due 01-01 00:25, met at
    // 00:10 (Q: within). Visited 01-06: reasonable, in time, satisfied (P and B: yes).
    {"o7",
     'a',
     "city-hotline",
     C::kRepair,
     "2025-12-31T23:50:00+08:00",
     {{E::kAccept, "2025-12-31T23:55:00+08:00"},
      {E::kRespond, "2026-01-01T00:10:00+08:00"},
      {E::kReply, "2026-01-05T10:00:00+08:00"},
      {E::kVisit, "2026-01-06T10:00:00+08:00"}}},
    // City, on time: response met in 15 min, reply in 2 days, visited; satisfied.
    {"o1",
     'a',
     "city-hotline",
     C::kHeatingQuality,
     "2026-01-05T09:00:00+08:00",
     {{E::kAccept, "2026-01-05T09:05:00+08:00"},
      {E::kRespond, "2026-01-05T09:20:00+08:00"},
      {E::kReply, "2026-01-07T10:00:00+08:00"},
      {E::kVisit, "2026-01-08T10:00:00+08:00"}}},
    // City, late: response after 60 min (limit 30), reply on 01-20 (due 01-13). Visited:
    // reasonable, process basically satisfied but not in time (P: no), result basically
    // satisfied (B: yes; hotline: basically).
    {"o2",
     'a',
     "city-hotline",
     C::kBilling,
     "2026-01-06T09:00:00+08:00",
     {{E::kAccept, "2026-01-06T09:00:00+08:00"},
      {E::kRespond, "2026-01-06T10:00:00+08:00"},
      {E::kReply, "2026-01-20T10:00:00+08:00"},
      {E::kVisit, "2026-01-21T10:00:00+08:00", true, Satisfaction::kBasicallySatisfied,
       Satisfaction::kBasicallySatisfied}}},
    // Provincial, returned within its working day: on time, returned, not visited.
    {"o3",
     'a',
     "provincial-hotline",
     C::kOther,
     "2026-01-07T09:00:00+08:00",
     {{E::kReturn, "2026-01-07T15:00:00+08:00"}}},
    // City, extended on 01-09 (before 01-15), replied 01-20 (extended due 01-29): on time and
    // extended. Visited: not reasonable (left out of P and B), result unsatisfied.
    {"o4",
     'a',
     "city-hotline",
     C::kConnection,
     "2026-01-08T09:00:00+08:00",
     {{E::kAccept, "2026-01-08T09:00:00+08:00"},
      {E::kRespond, "2026-01-08T09:10:00+08:00"},
      {E::kExtend, "2026-01-09T10:00:00+08:00"},
      {E::kReply, "2026-01-20T10:00:00+08:00"},
      {E::kVisit, "2026-01-22T10:00:00+08:00", false, Satisfaction::kSatisfied,
       Satisfaction::kUnsatisfied}}},
    // Web, a second complaint (heating quality again this season): accepted, never responded
    // (Q: due 01-30 10:30, past: not within); reply due 02-06: pending.
    {"o5",
     'a',
     "web",
     C::kHeatingQuality,
     "2026-01-30T10:00:00+08:00",
     {{E::kAccept, "2026-01-30T10:00:00+08:00"}}},
    // Phone, a leak at the month's end: response due 02-01 00:15 and leak due 02-01 00:40 fall
    // in February (not in January's Q); reply due 02-06: pending.
    {"o6",
     'a',
     "phone",
     C::kLeak,
     "2026-01-31T23:40:00+08:00",
     {{E::kAccept, "2026-01-31T23:45:00+08:00"}, {E::kRespond, "2026-01-31T23:50:00+08:00"}}},
    // Company b: received, nothing done; reply due 01-16 is past: late.
    {"b1", 'b', "city-hotline", C::kHeatingQuality, "2026-01-10T09:00:00+08:00", {}},
};

class HotlineReportServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**records).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*records));
    auto orders = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    store_ = std::make_unique<adapters::storage::SqlWorkOrderStore>(std::move(*orders));
    auto monitoring = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(monitoring.ok());
    // JudgingService reads seasons through the records only; its monitoring store is unused.
    monitoring_ = std::make_unique<adapters::storage::SqlMonitoringStore>(std::move(*monitoring));
    auto registry = support::LoadPolicies();
    ASSERT_TRUE(registry.ok());
    policies_ = std::make_unique<PolicyRegistry>(std::move(*registry));
    calendar_ = std::make_unique<CalendarService>(adapters::json::EmbeddedCalendarFile(),
                                                  /*store=*/nullptr);
    judging_ = std::make_unique<JudgingService>(*monitoring_, *records_, *policies_, nullptr);
    clock_.Set(T("2026-02-03T12:00:00+08:00"));
    orders_ = std::make_unique<WorkOrderService>(*store_, *records_, *judging_, *policies_,
                                                 *calendar_, clock_);
    auto stops = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(stops.ok());
    outages_ = std::make_unique<adapters::storage::SqlOutageStore>(std::move(*stops));
    reports_ = std::make_unique<HotlineReportService>(*store_, *records_, *policies_, clock_,
                                                      outages_.get());
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
    for (const Script& s : kScripts) Play(s);
  }

  void Play(const Script& s) {
    const auto& city = s.company == 'a' ? a_ : b_;
    OrderActor agent{
        "agent-" + std::string(1, s.company), rules::Role::kAgent, {city.company_id, std::nullopt}};
    NewWorkOrder n;
    n.channel = *rules::ParseChannel(s.channel);
    n.external_id = rules::IsHotline(n.channel) ? std::string(s.name) : "";
    n.received_at = T(s.received);
    n.household = std::to_string(city.household_id);
    n.category = s.category;
    n.content = "卧室温度 16 度";
    auto r = orders_->Receive(n, agent);
    ASSERT_TRUE(r.ok()) << s.name << ": " << r.error().message;
    const int64_t id = r->order.order.head.id;
    ids_[s.name] = id;
    for (const Step& step : s.steps) {
      rules::OrderEvent e;
      e.type = step.type;
      e.at = T(step.at);
      if (step.type == E::kReply) e.result = "已处理";
      if (step.type == E::kExtend) e.reason = "需更换管道";
      if (step.type == E::kReturn) {
        e.approved_by = "主任";
        e.seal = true;
        e.reason = "非本单位职责";
        e.contact = rules::Contact{"住户", e.at, "phone"};
      }
      if (step.type == E::kVisit) {
        e.reasonable = step.reasonable;
        e.process_satisfaction = step.process;
        e.result_satisfaction = step.result;
        e.mode = rules::VisitMode::kFaceToFace;
      }
      auto rec = orders_->Record(id, e, agent);
      ASSERT_TRUE(rec.ok()) << s.name << " " << rules::EventTypeName(step.type) << ": "
                            << rec.error().message;
    }
  }

  std::vector<int64_t> Ids(std::initializer_list<const char*> names) {
    std::vector<int64_t> out;
    for (const char* n : names) out.push_back(ids_.at(n));
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> Records(std::initializer_list<std::pair<const char*, const char*>> rs) {
    std::vector<std::string> out;
    for (const auto& [name, deadline] : rs) {
      out.push_back(std::to_string(ids_.at(name)) + (deadline ? std::string("/") + deadline : ""));
    }
    return out;
  }

  static ReportMonth January() { return *ParseReportMonth("2026-01"); }
  static ports::Scope All() { return {}; }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<adapters::storage::SqlMonitoringStore> monitoring_;
  std::unique_ptr<adapters::storage::SqlWorkOrderStore> store_;
  std::unique_ptr<adapters::storage::SqlOutageStore> outages_;
  std::unique_ptr<PolicyRegistry> policies_;
  std::unique_ptr<CalendarService> calendar_;
  std::unique_ptr<JudgingService> judging_;
  ports::ManualClock clock_{Instant{}};
  std::unique_ptr<WorkOrderService> orders_;
  std::unique_ptr<HotlineReportService> reports_;
  support::SensorCity a_, b_;
  std::map<std::string, int64_t> ids_;
};

// The counts of a row, in the order of HotlineRow's fields.
struct Counts {
  const char* channel;
  int64_t received, on_time, late, pending, returned, extended, satisfied, basically, unsatisfied,
      not_visited, second;
  std::initializer_list<const char*> orders;
};

void ExpectRow(const HotlineRow& row, const Counts& c, const std::vector<int64_t>& orders) {
  SCOPED_TRACE(c.channel);
  EXPECT_EQ(row.received, c.received);
  EXPECT_EQ(row.on_time, c.on_time);
  EXPECT_EQ(row.late, c.late);
  EXPECT_EQ(row.pending, c.pending);
  EXPECT_EQ(row.returned, c.returned);
  EXPECT_EQ(row.extended, c.extended);
  EXPECT_EQ(row.satisfied, c.satisfied);
  EXPECT_EQ(row.basically_satisfied, c.basically);
  EXPECT_EQ(row.unsatisfied, c.unsatisfied);
  EXPECT_EQ(row.not_visited, c.not_visited);
  EXPECT_EQ(row.second_complaints, c.second);
  EXPECT_EQ(row.orders, orders);
}

TEST_P(HotlineReportServiceTest, HotlineReportOfJanuary) {
  auto report = reports_->Hotline(January(), std::nullopt, All());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->companies.size(), 2u);
  const auto& a = report->companies[0];
  EXPECT_EQ(a.company.id, a_.company_id);
  EXPECT_EQ(a.company.code, "a");
  ASSERT_EQ(a.channels.size(), rules::kAllChannels.size());
  //                received on_time late pending returned extended sat basic unsat notvis 2nd
  const Counts rows[] = {
      {"city-hotline", 3, 2, 1, 0, 0, 1, 1, 1, 1, 0, 0, {"o1", "o2", "o4"}},
      {"provincial-hotline", 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, {"o3"}},
      {"on-receipt", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}},
      {"internet-plus", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}},
      {"first-question", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}},
      {"urgent", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}},
      {"phone", 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, {"o6"}},
      {"web", 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, {"o5"}},
      {"hall", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}},
  };
  for (size_t i = 0; i < std::size(rows); ++i) {
    EXPECT_EQ(rules::ChannelName(a.channels[i].channel), rows[i].channel);
    std::vector<int64_t> ids;
    for (const char* n : rows[i].orders) ids.push_back(ids_.at(n));
    ExpectRow(a.channels[i], rows[i], ids);
  }
  ExpectRow(a.total, {"total", 6, 3, 1, 2, 1, 1, 1, 1, 1, 3, 1, {}},
            Ids({"o1", "o2", "o3", "o4", "o5", "o6"}));

  const auto& b = report->companies[1];
  EXPECT_EQ(b.company.id, b_.company_id);
  ExpectRow(b.channels[0], {"city-hotline", 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, {}}, Ids({"b1"}));
  EXPECT_EQ(b.total.received, 1);

  // December: o7 only, handled in time and visited.
  auto december = reports_->Hotline(*ParseReportMonth("2025-12"), a_.company_id, All());
  ASSERT_TRUE(december.ok());
  ASSERT_EQ(december->companies.size(), 1u);
  ExpectRow(december->companies[0].total, {"total", 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, {}},
            Ids({"o7"}));
}

TEST_P(HotlineReportServiceTest, IndicatorsOfJanuary) {
  auto report = reports_->Indicators(January(), std::nullopt, All());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->companies.size(), 2u);
  const auto& a = report->companies[0];
  // Q: responses due in January: o7 (within), o1 (within), o2 (late), o4 (within), o5 (open,
  // past due). o3 was never accepted; o6's fall due in February.
  EXPECT_EQ(a.q.rule, "R-KPI-Q");
  EXPECT_EQ(a.q.records, Records({{"o7", "response"},
                                  {"o1", "response"},
                                  {"o2", "response"},
                                  {"o4", "response"},
                                  {"o5", "response"}}));
  EXPECT_EQ(a.q.numerator_records,
            Records({{"o7", "response"}, {"o1", "response"}, {"o4", "response"}}));
  EXPECT_EQ(static_cast<int64_t>(a.q.numerator), 3);
  EXPECT_EQ(static_cast<int64_t>(a.q.denominator), 5);
  EXPECT_EQ(a.q.display, "60.00%");
  EXPECT_EQ(a.q.target_per_mille, 1000);
  EXPECT_EQ(a.q.status, rules::IndicatorStatus::kNotMet);
  EXPECT_EQ(a.q_orders, Ids({"o7", "o1", "o2", "o4", "o5"}));
  // P and B: visited in January: o7, o1, o2 (reasonable), o4 (not reasonable: left out).
  // P: o7 and o1 in time and satisfied; o2 late. B: all three (basically satisfied counts).
  EXPECT_EQ(a.p.records, Records({{"o7", nullptr}, {"o1", nullptr}, {"o2", nullptr}}));
  EXPECT_EQ(a.p.numerator_records, Records({{"o7", nullptr}, {"o1", nullptr}}));
  EXPECT_EQ(a.p.display, "66.67%");
  EXPECT_EQ(a.p.status, rules::IndicatorStatus::kNotMet);
  EXPECT_EQ(a.b.records, a.p.records);
  EXPECT_EQ(a.b.numerator_records, a.p.records);
  EXPECT_EQ(a.b.display, "100.00%");
  EXPECT_EQ(a.b.target_per_mille, 900);
  EXPECT_EQ(a.b.status, rules::IndicatorStatus::kMet);
  EXPECT_EQ(a.p_orders, Ids({"o7", "o1", "o2"}));
  EXPECT_EQ(a.b_orders, a.p_orders);
  // Company b: nothing responded or visited: not applicable, no records.
  const auto& b = report->companies[1];
  for (const auto* r : {&b.q, &b.p, &b.b}) {
    EXPECT_EQ(r->status, rules::IndicatorStatus::kNotApplicable) << r->rule;
    EXPECT_TRUE(r->records.empty()) << r->rule;
  }

  // February: o6's response (met) and leak (open, past due) fall due there.
  auto february = reports_->Indicators(*ParseReportMonth("2026-02"), a_.company_id, All());
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(february->companies[0].q.records, Records({{"o6", "response"}, {"o6", "leak"}}));
  EXPECT_EQ(february->companies[0].q.numerator_records, Records({{"o6", "response"}}));
}

// R-KPI-S: company a (one heated household, 85.55 m²) stopped 12 h on 01-10 and from 01-31
// 20:00 to 02-01 04:00 (4 h of January); a stop that is not its cause does not count. January:
// (43,200 + 14,400) s × 8,555 ÷ (31 × 86,400 s × 8,555) = 21.51‰, over the 2‰ target.
// February, on the 3rd at 12:00: its elapsed 2.5 days (216,000 s) hold 4 h: 66.67‰.
TEST_P(HotlineReportServiceTest, AccidentRateFromTheStoredStops) {
  ports::ListQuery q;
  q.equals = {{"code", std::string("B-01")}};
  q.scope.company_id = a_.company_id;
  const int64_t building = records_->List(*model::FindResource("buildings"), q)->items.front().id;
  auto stop = [&](const char* from, const char* to, bool company_caused) {
    ports::Outage o;
    o.company_id = a_.company_id;
    o.kind = rules::OutageKind::kEmergency;
    o.company_caused = company_caused;
    o.cause = "test";
    o.scope.buildings = {building};
    o.start = T(from);
    o.expected_end = T(to);
    o.created_by = "manager";
    auto created = outages_->Create(o, {});
    EXPECT_TRUE(created.ok());
    EXPECT_TRUE(outages_->End(created->id, T(to), "manager").ok());
    return created->id;
  };
  const int64_t first = stop("2026-01-10T08:00:00+08:00", "2026-01-10T20:00:00+08:00", true);
  stop("2026-01-12T08:00:00+08:00", "2026-01-12T20:00:00+08:00", false);
  const int64_t second = stop("2026-01-31T20:00:00+08:00", "2026-02-01T04:00:00+08:00", true);
  stop("2025-12-20T08:00:00+08:00", "2025-12-20T20:00:00+08:00", true);  // December

  auto report = reports_->Indicators(January(), a_.company_id, All());
  ASSERT_TRUE(report.ok()) << report.error().message;
  const auto& s = report->companies[0].s;
  EXPECT_EQ(s.rule, "R-KPI-S");
  EXPECT_EQ(static_cast<int64_t>(s.numerator), (43200 + 14400) * int64_t{8555});
  EXPECT_EQ(static_cast<int64_t>(s.denominator), 31 * 86400 * int64_t{8555});
  EXPECT_EQ(s.display, "21.51‰");
  EXPECT_EQ(s.status, rules::IndicatorStatus::kNotMet);
  // Newest first, each with its seconds in January and its area.
  const auto& stops = report->companies[0].s_stops;
  ASSERT_EQ(stops.size(), 2u);
  EXPECT_EQ(stops[0].id, std::to_string(second));
  EXPECT_EQ(stops[1].id, std::to_string(first));
  EXPECT_EQ(stops[0].seconds, 14400);  // 01-31 20:00 to midnight
  EXPECT_EQ(stops[1].seconds, 43200);
  EXPECT_EQ(stops[0].area, 8555);

  auto february = reports_->Indicators(*ParseReportMonth("2026-02"), a_.company_id, All());
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(static_cast<int64_t>(february->companies[0].s.denominator), 216000 * int64_t{8555});
  EXPECT_EQ(february->companies[0].s.display, "66.67‰");
  // Company b stopped nothing: 0‰, met.
  auto b = reports_->Indicators(January(), b_.company_id, All());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->companies[0].s.display, "0.00‰");
  EXPECT_EQ(b->companies[0].s.status, rules::IndicatorStatus::kMet);
}

// Issue 15: the indicators of one district and of a run of days. Company a gets a second
// building, B-02 in district d-x, with one heated household of 100 m²; a company-caused stop
// of its heat source cuts off both households for 12 h on 01-10. In d-a (H-101, 85.55 m²) the
// stop weighs 85.55 m² of 85.55; in d-x, 100 m² of 100; the company as a whole, 185.55 of
// 185.55. Every order of company a is H-101's, so d-x has none: Q, P and B are not applicable.
TEST_P(HotlineReportServiceTest, ADistrictCountsItsHouseholdsTheirOrdersAndTheStopsAreaThere) {
  auto id_of = [&](const char* resource, const char* code, std::optional<int64_t> company) {
    ports::ListQuery q;
    q.equals = {{"code", std::string(code)}};
    q.scope.company_id = company;
    return records_->List(*model::FindResource(resource), q)->items.front().id;
  };
  auto make = [&](const char* resource, const ports::Fields& fields) {
    auto rec = records_->Create(*model::FindResource(resource), fields, {}, "setup");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message;
    return rec->id;
  };
  const int64_t da = id_of("districts", "d-a", std::nullopt);
  const int64_t dx = make(
      "districts", {{"code", "d-x"}, {"name", "X 区"}, {"city", "威海市"}, {"policy", "weihai"}});
  const int64_t b2 = make("buildings", {{"company_id", a_.company_id},
                                        {"district_id", dx},
                                        {"substation_id", id_of("substations", "s", a_.company_id)},
                                        {"code", "B-02"},
                                        {"community", "Y"},
                                        {"floors", int64_t{6}}});
  const int64_t p2 =
      make("partitions", {{"company_id", a_.company_id}, {"building_id", b2}, {"code", "U1"}});
  make("households", {{"company_id", a_.company_id},
                      {"partition_id", p2},
                      {"code", "H-201"},
                      {"area_m2", int64_t{10000}},
                      {"floor", int64_t{2}},
                      {"orientation", "shade"},
                      {"billing", "area"},
                      {"heating_status", "heated"}});
  ports::Outage o;
  o.company_id = a_.company_id;
  o.kind = rules::OutageKind::kEmergency;
  o.company_caused = true;
  o.cause = "test";
  o.scope.heat_sources = {id_of("heat_sources", "hs", a_.company_id)};
  o.start = T("2026-01-10T08:00:00+08:00");
  o.expected_end = T("2026-01-10T20:00:00+08:00");
  o.created_by = "manager";
  auto created = outages_->Create(o, {});
  ASSERT_TRUE(created.ok()) << created.error().message;
  ASSERT_TRUE(outages_->End(created->id, o.expected_end, "manager").ok());

  struct Case {
    const char* what;
    std::optional<int64_t> district;
    int64_t area;      // the heated area and the stop's area there, m² × 100
    size_t q_records;  // R-KPI-Q's records (P and B follow: 3 each, or none)
  };
  const Case cases[] = {
      {"the whole company", std::nullopt, 18555, 5},
      {"d-a, where every order is", da, 8555, 5},
      {"d-x, no order", dx, 10000, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    auto r = reports_->Indicators(January(), a_.company_id, All(), false, c.district);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->district.has_value(), c.district.has_value());
    const CompanyIndicators& a = r->companies.at(0);
    EXPECT_EQ(static_cast<int64_t>(a.s.numerator), 43200 * c.area);
    EXPECT_EQ(static_cast<int64_t>(a.s.denominator), 31 * 86400 * c.area);
    ASSERT_EQ(a.s_stops.size(), 1u);
    EXPECT_EQ(a.s_stops[0].area, c.area);
    EXPECT_EQ(a.q.records.size(), c.q_records);
    EXPECT_EQ(a.p.records.size(), c.q_records == 0 ? 0u : 3u);
    EXPECT_EQ(a.p.status == rules::IndicatorStatus::kNotApplicable, c.q_records == 0);
  }
  // A district where company b has no building: no area, no stop, no order.
  auto none = reports_->Indicators(January(), b_.company_id, All(), false, da);
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_TRUE(none->companies.at(0).s_stops.empty());
  EXPECT_TRUE(none->companies.at(0).q.records.empty());
  auto unknown = reports_->Indicators(January(), a_.company_id, All(), false, 999999);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.error().field, "district");

  // The single day 01-10 in d-a: 12 h of 24 over the whole area, 500‰.
  auto day = reports_->Indicators(*ParseReportPeriod("2026-01-10", "2026-01-10"), a_.company_id,
                                  All(), false, da);
  ASSERT_TRUE(day.ok()) << day.error().message;
  EXPECT_EQ(day->month.Text(), "2026-01-10..2026-01-10");
  EXPECT_EQ(static_cast<int64_t>(day->companies.at(0).s.denominator), 86400 * int64_t{8555});
  EXPECT_EQ(day->companies.at(0).s.display, "500.00‰");
}

TEST_P(HotlineReportServiceTest, Scopes) {
  const ports::Scope company_a{a_.company_id, std::nullopt};
  struct Case {
    const char* what;
    ports::Scope scope;
    std::optional<int64_t> company;
    std::optional<ErrorCode> error;
    std::vector<int64_t> companies;  // when no error
  };
  const Case cases[] = {
      {"every company", {}, std::nullopt, std::nullopt, {a_.company_id, b_.company_id}},
      {"one named", {}, b_.company_id, std::nullopt, {b_.company_id}},
      {"a company's own", company_a, std::nullopt, std::nullopt, {a_.company_id}},
      {"another company", company_a, b_.company_id, ErrorCode::kNotFound, {}},
      {"a household",
       {std::nullopt, a_.household_id},
       std::nullopt,
       ErrorCode::kPermissionDenied,
       {}},
  };
  for (const Case& c : cases) {
    for (bool indicators : {false, true}) {
      SCOPED_TRACE(std::string(c.what) + (indicators ? " (indicators)" : " (hotline)"));
      std::vector<int64_t> got;
      std::optional<ErrorCode> error;
      if (indicators) {
        auto r = reports_->Indicators(January(), c.company, c.scope);
        if (r.ok()) {
          for (const auto& x : r->companies) got.push_back(x.company.id);
        } else {
          error = r.error().code;
        }
      } else {
        auto r = reports_->Hotline(January(), c.company, c.scope);
        if (r.ok()) {
          for (const auto& x : r->companies) got.push_back(x.company.id);
        } else {
          error = r.error().code;
        }
      }
      EXPECT_EQ(error, c.error);
      EXPECT_EQ(got, c.companies);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, HotlineReportServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         support::EngineName);

// Months are local calendar months; anything but YYYY-MM (2000..2200) is refused naming "month".
TEST(ParseReportMonth, Table) {
  struct Case {
    const char* text;
    const char* from;  // nullptr: refused
    const char* until;
  };
  const Case cases[] = {
      {"2026-01", "2026-01-01T00:00:00+08:00", "2026-02-01T00:00:00+08:00"},
      {"2025-12", "2025-12-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"},
      {"2024-02", "2024-02-01T00:00:00+08:00", "2024-03-01T00:00:00+08:00"},
      {"2026-1", nullptr, nullptr},
      {"2026-13", nullptr, nullptr},
      {"2026-00", nullptr, nullptr},
      {"26-01", nullptr, nullptr},
      {"2026/01", nullptr, nullptr},
      {"1999-12", nullptr, nullptr},
      {"2026-01-01", nullptr, nullptr},
      {"", nullptr, nullptr},
      {"+026-01", nullptr, nullptr},
      {"2026-+1", nullptr, nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto m = ParseReportMonth(c.text);
    if (c.from == nullptr) {
      ASSERT_FALSE(m.ok());
      EXPECT_EQ(m.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(m.error().field, "month");
      EXPECT_EQ(m.error().message, "month must be YYYY-MM");
      continue;
    }
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(FormatLocal(m->from), c.from);
    EXPECT_EQ(FormatLocal(m->until), c.until);
    EXPECT_EQ(m->Text(), c.text);
  }
}

// A run of whole local days, both inclusive, at most kMaxReportDays; each refusal names its
// parameter.
TEST(ParseReportPeriod, Table) {
  struct Case {
    const char* from;
    const char* to;
    const char* field;  // nullptr: taken
    const char* text;   // when taken
    const char* until;
  };
  const Case cases[] = {
      {"2026-01-05", "2026-02-10", nullptr, "2026-01-05..2026-02-10", "2026-02-11T00:00:00+08:00"},
      {"2026-01-05", "2026-01-05", nullptr, "2026-01-05..2026-01-05", "2026-01-06T00:00:00+08:00"},
      {"2025-11-15", "2026-11-14", nullptr, "2025-11-15..2026-11-14", "2026-11-15T00:00:00+08:00"},
      {"2025-11-15", "2026-11-15", nullptr, "2025-11-15..2026-11-15", "2026-11-16T00:00:00+08:00"},
      {"2025-11-15", "2026-11-16", "to", nullptr, nullptr},  // 367 days
      {"2026-01-06", "2026-01-05", "to", nullptr, nullptr},
      {"2026-1-5", "2026-01-05", "from", nullptr, nullptr},
      {"2026-01-05", "2026-02-30", "to", nullptr, nullptr},
      {"", "2026-01-05", "from", nullptr, nullptr},
      {"1999-12-31", "2000-01-01", "from", nullptr, nullptr},
      {"2200-12-31", "2201-01-01", "to", nullptr, nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.from) + ".." + c.to);
    auto p = ParseReportPeriod(c.from, c.to);
    if (c.field != nullptr) {
      ASSERT_FALSE(p.ok());
      EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(p.error().field, c.field);
      continue;
    }
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_FALSE(p->IsMonth());
    EXPECT_EQ(FormatLocal(p->from), std::string(c.from) + "T00:00:00+08:00");
    EXPECT_EQ(FormatLocal(p->until), c.until);
    EXPECT_EQ(p->Text(), c.text);
  }
}

}  // namespace
}  // namespace hearth::services
