// The heating-stop store's contract on SQLite and on a real PostgreSQL cluster (issue 15,
// R-OUT-1, R-OUT-2, R-REFUND-2): households derived from each level of the scope (heated ones of
// the company only), another company's record refused naming it, notices queued to every
// affected household in one statement, the end recorded once, and the company-caused stops of a
// household clipped to a range.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/outage_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "adapters/storage/work_order_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

Instant T(const char* text) { return *ParseRfc3339(text); }

class OutageStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto records = Connect(db_->url());
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(Migrate(**records).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*records));
    auto conn = Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    store_ = std::make_unique<SqlOutageStore>(std::move(*conn));
    auto orders = Connect(db_->url());
    ASSERT_TRUE(orders.ok());
    outbox_ = std::make_unique<SqlWorkOrderStore>(std::move(*orders));
    a_ = support::MakeSensorCity(*records_, "a", 0, "sa");
    b_ = support::MakeSensorCity(*records_, "b", 0, "sb");
    // Company a: a second substation with a building of two households, one not heated.
    sub2_ = Make("substations", {{"company_id", a_.company_id},
                                 {"network_section_id", IdOf("network_sections", "n", a_)},
                                 {"code", "s2"},
                                 {"name", "s2"}});
    const int64_t b2 =
        Make("buildings", {{"company_id", a_.company_id},
                           {"district_id", IdOf("buildings", "B-01", a_, "district_id")},
                           {"substation_id", sub2_},
                           {"code", "B-02"},
                           {"community", "Y"},
                           {"floors", int64_t{6}}});
    const int64_t p2 =
        Make("partitions", {{"company_id", a_.company_id}, {"building_id", b2}, {"code", "U1"}});
    heated2_ = Household(p2, "H-201", 10000, "heated");
    Household(p2, "H-202", 7000, "stopped");
  }
  void TearDown() override {
    outbox_.reset();
    store_.reset();
    records_.reset();
    db_.reset();
  }

  int64_t Make(const char* resource, const ports::Fields& fields) {
    auto rec = records_->Create(*model::FindResource(resource), fields, {}, "setup");
    if (!rec.ok()) throw std::runtime_error(std::string(resource) + ": " + rec.error().message);
    return rec->id;
  }
  int64_t Household(int64_t partition, const char* code, int64_t area, const char* status) {
    return Make("households", {{"company_id", a_.company_id},
                               {"partition_id", partition},
                               {"code", code},
                               {"area_m2", area},
                               {"floor", int64_t{2}},
                               {"orientation", "sun"},
                               {"billing", "area"},
                               {"heating_status", status}});
  }
  /// The id (or another integer field) of the company's record with `code`.
  int64_t IdOf(const char* resource, const char* code, const support::SensorCity& city,
               const char* field = "id") {
    ports::ListQuery q;
    q.equals = {{"code", std::string(code)}};
    q.scope.company_id = city.company_id;
    auto page = records_->List(*model::FindResource(resource), q);
    if (!page.ok() || page->items.empty()) throw std::runtime_error(code);
    const auto& rec = page->items.front();
    if (std::string(field) == "id") return rec.id;
    return rec.Int(field).value();
  }

  ports::Outage Stop(const support::SensorCity& city, ports::OutageScope scope,
                     bool company_caused = true) {
    ports::Outage o;
    o.company_id = city.company_id;
    o.kind = rules::OutageKind::kPlanned;
    o.company_caused = company_caused;
    o.cause = "换热站检修";
    o.scope = std::move(scope);
    o.start = T("2025-12-10T08:00:00+08:00");
    o.expected_end = T("2025-12-10T20:00:00+08:00");
    o.road_sections = "文化路";
    o.created_by = "manager";
    return o;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<SqlOutageStore> store_;
  std::unique_ptr<SqlWorkOrderStore> outbox_;
  support::SensorCity a_, b_;
  int64_t sub2_ = 0, heated2_ = 0;
};

TEST_P(OutageStoreContract, DerivesTheHeatedHouseholdsOfEachLevelOfTheScope) {
  struct Row {
    const char* name;
    ports::OutageScope scope;
    int64_t households, area;
    bool first_household;  ///< does it cut off company a's first household (building B-01)?
  };
  const int64_t source = IdOf("heat_sources", "hs", a_);
  const int64_t section = IdOf("network_sections", "n", a_);
  const int64_t building1 = IdOf("buildings", "B-01", a_);
  const std::vector<Row> rows = {
      {"the heat source: every heated household", {{source}, {}, {}, {}}, 2, 8555 + 10000, true},
      {"the section", {{}, {section}, {}, {}}, 2, 18555, true},
      {"one substation", {{}, {}, {sub2_}, {}}, 1, 10000, false},
      {"one building", {{}, {}, {}, {building1}}, 1, 8555, true},
      {"overlapping levels count a household once",
       {{source}, {}, {sub2_}, {building1}},
       2,
       18555,
       true},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.name);
    auto o = store_->Create(Stop(a_, r.scope), {});
    ASSERT_TRUE(o.ok()) << o.error().message;
    EXPECT_EQ(o->affected_households, r.households);
    EXPECT_EQ(o->affected_area_m2, r.area);
    EXPECT_EQ(o->scope, r.scope);
    EXPECT_EQ(*store_->Affects(o->id, a_.household_id), r.first_household);
    EXPECT_EQ(*store_->Affects(o->id, b_.household_id), false);
    auto affected = store_->AffectedHouseholds(o->id);
    ASSERT_TRUE(affected.ok()) << affected.error().message;
    EXPECT_EQ(static_cast<int64_t>(affected->size()), r.households);
    EXPECT_TRUE(std::is_sorted(affected->begin(), affected->end()));
    EXPECT_EQ(std::count(affected->begin(), affected->end(), a_.household_id),
              r.first_household ? 1 : 0);
    EXPECT_EQ(std::count(affected->begin(), affected->end(), b_.household_id), 0);
  }
  auto none = store_->AffectedHouseholds(999999);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(OutageStoreContract, RefusesAnotherCompanysRecordNamingItAndWritesNothing) {
  ports::OutageScope scope;
  scope.substations = {sub2_, IdOf("substations", "s", b_)};
  auto o = store_->Create(Stop(a_, scope), {});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(o.error().field, "scope.substations[1]");
  ports::OutageQuery all;
  EXPECT_TRUE(store_->List(all)->empty());
}

TEST_P(OutageStoreContract, ANoticeReachesEveryAffectedHouseholdOnce) {
  ports::OutageScope scope;
  scope.heat_sources = {IdOf("heat_sources", "hs", a_)};
  ports::OutboxMessage report;
  report.message_id = "authority";
  report.receiver = "authority";
  report.topic = "outage.emergency";
  report.company_id = a_.company_id;
  report.created_at = T("2025-12-10T08:05:00+08:00");
  auto o = store_->Create(Stop(a_, scope), std::vector{report});
  ASSERT_TRUE(o.ok()) << o.error().message;
  ports::OutageNotice n;
  n.at = T("2025-12-08T07:00:00+08:00");
  n.expected_end = T("2025-12-10T20:00:00+08:00");
  n.text = "请做好防寒准备";
  n.actor = "agent";
  const std::vector<std::pair<std::string, std::string>> fields = {{"cause", "换热站检修"}};
  auto after = store_->AddNotice(o->id, n, fields);
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_EQ(after->notices.size(), 1u);
  EXPECT_EQ(after->notices[0].seq, 1);
  EXPECT_EQ(after->notices[0].text, "请做好防寒准备");
  n.at = T("2025-12-10T19:30:00+08:00");
  n.expected_end = T("2025-12-10T23:00:00+08:00");
  ASSERT_TRUE(store_->AddNotice(o->id, n, fields).ok());

  auto due = outbox_->OutboxDue(T("2030-01-01T00:00:00+08:00"), 100);
  ASSERT_TRUE(due.ok());
  std::vector<std::string> ids;
  for (const auto& m : *due) ids.push_back(m.message_id);
  const std::string prefix = "outage-" + std::to_string(o->id);
  std::vector<std::string> expected = {
      prefix + "-authority", prefix + "-notice-1-household-" + std::to_string(a_.household_id),
      prefix + "-notice-1-household-" + std::to_string(heated2_),
      prefix + "-notice-2-household-" + std::to_string(a_.household_id),
      prefix + "-notice-2-household-" + std::to_string(heated2_)};
  std::sort(ids.begin(), ids.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ids, expected);
  auto mine = outbox_->HouseholdMessages(heated2_, std::nullopt, 10);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ(mine->front().topic, "outage.notice");
  EXPECT_EQ(mine->front().fields, fields);
}

TEST_P(OutageStoreContract, EndsOnceAndListsByCompanyAndHousehold) {
  ports::OutageScope one;
  one.substations = {sub2_};
  auto first = store_->Create(Stop(a_, one), {});
  ASSERT_TRUE(first.ok());
  ports::OutageScope theirs;
  theirs.buildings = {IdOf("buildings", "B-01", b_)};
  auto other = store_->Create(Stop(b_, theirs), {});
  ASSERT_TRUE(other.ok());
  auto ended = store_->End(first->id, T("2025-12-10T19:00:00+08:00"), "manager");
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(FormatLocal(ended->actual_end.value()), "2025-12-10T19:00:00+08:00");
  auto again = store_->End(first->id, T("2025-12-10T21:00:00+08:00"), "manager");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);

  ports::OutageQuery q;
  q.company_id = a_.company_id;
  ASSERT_EQ(store_->List(q)->size(), 1u);
  q = {};
  q.household_id = heated2_;
  auto listed = store_->List(q);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, first->id);
  q.household_id = a_.household_id;
  EXPECT_TRUE(store_->List(q)->empty());
  // Newest first, paged by the last id seen.
  auto third = store_->Create(Stop(a_, one), {});
  ASSERT_TRUE(third.ok());
  q = {};
  q.limit = 2;
  auto page = store_->List(q);
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, third->id);
  EXPECT_EQ((*page)[1].id, other->id);
  q.before = (*page)[1].id;
  page = store_->List(q);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, first->id);
  EXPECT_EQ(store_->Get(9999).error().code, ErrorCode::kNotFound);
}

TEST_P(OutageStoreContract, CompanyStopsAreClippedAndSkipOthersCauses) {
  ports::OutageScope one;
  one.substations = {sub2_};
  auto ours = store_->Create(Stop(a_, one), {});  // 08:00, still going
  ASSERT_TRUE(ours.ok());
  ASSERT_TRUE(store_->Create(Stop(a_, one, /*company_caused=*/false), {}).ok());
  auto spans = store_->CompanyStops(heated2_, T("2025-12-10T00:00:00+08:00"),
                                    T("2025-12-10T12:00:00+08:00"));
  ASSERT_TRUE(spans.ok());
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(FormatLocal(spans->front().from), "2025-12-10T08:00:00+08:00");
  EXPECT_EQ(FormatLocal(spans->front().to), "2025-12-10T12:00:00+08:00");
  ASSERT_TRUE(store_->End(ours->id, T("2025-12-10T10:00:00+08:00"), "m").ok());
  spans = store_->CompanyStops(heated2_, T("2025-12-10T09:00:00+08:00"),
                               T("2025-12-11T00:00:00+08:00"));
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(FormatLocal(spans->front().from), "2025-12-10T09:00:00+08:00");
  EXPECT_EQ(FormatLocal(spans->front().to), "2025-12-10T10:00:00+08:00");
  EXPECT_TRUE(store_
                  ->CompanyStops(a_.household_id, T("2025-12-10T00:00:00+08:00"),
                                 T("2025-12-11T00:00:00+08:00"))
                  ->empty());
  // A page of households at once: the same spans, each with its household.
  auto page = store_->CompanyStopsOf(std::min(a_.household_id, heated2_),
                                     std::max(a_.household_id, heated2_),
                                     T("2025-12-10T09:00:00+08:00"),
                                     T("2025-12-11T00:00:00+08:00"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ(page->front().household_id, heated2_);
  EXPECT_EQ(FormatLocal(page->front().span.to), "2025-12-10T10:00:00+08:00");
}

INSTANTIATE_TEST_SUITE_P(Engines, OutageStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage
