// The record store contract on SQLite and on a real PostgreSQL cluster.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using ports::Fields;

using support::Engine;
using support::EngineName;

class RecordStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    const std::string url = db_->url();
    auto conn = Connect(url);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    store_ = std::make_unique<SqlRecordStore>(std::move(*conn));
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  int64_t Make(const std::string& resource, Fields fields) {
    auto rec = store_->Create(*model::FindResource(resource), fields, {}, "test");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message << " " << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  // A company with one building, one partition and `n` households.
  struct City {
    int64_t district, company, building, partition;
    std::vector<int64_t> households;
  };
  City MakeCity(const std::string& code, int n) {
    City c;
    c.district = Make("districts", {{"code", "d-" + code}, {"name", "D"}, {"city", "Weihai"},
                                    {"policy", "weihai"}});
    c.company = Make("companies", {{"code", code}, {"name", "C " + code}, {"policy", "weihai"}});
    int64_t src = Make("heat_sources", {{"company_id", c.company}, {"code", "hs"},
                                        {"name", "plant"}, {"kind", "chp"}});
    int64_t sec = Make("network_sections", {{"company_id", c.company}, {"heat_source_id", src},
                                            {"code", "n1"}, {"name", "north"}});
    int64_t sub = Make("substations", {{"company_id", c.company}, {"network_section_id", sec},
                                       {"code", "s1"}, {"name", "s"}});
    c.building = Make("buildings", {{"company_id", c.company}, {"district_id", c.district},
                                    {"substation_id", sub}, {"code", "b1"},
                                    {"community", "Sunny"}, {"floors", int64_t{6}}});
    c.partition = Make("partitions", {{"company_id", c.company}, {"building_id", c.building},
                                      {"code", "u1"}});
    for (int i = 0; i < n; ++i) {
      c.households.push_back(Make(
          "households",
          {{"company_id", c.company}, {"partition_id", c.partition},
           {"code", "h" + std::to_string(i)}, {"area_m2", int64_t{8550}}, {"floor", int64_t{1}},
           {"orientation", "sun"}, {"billing", "area"}, {"heating_status", "heated"},
           {"phone", "13800000000"}}));
    }
    return c;
  }

  const model::Resource& R(const std::string& name) { return *model::FindResource(name); }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<SqlRecordStore> store_;
};

TEST_P(RecordStoreContract, CreateGetAndTypes) {
  City c = MakeCity("c1", 1);
  auto h = store_->Get(R("households"), c.households[0], {});
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(std::get<int64_t>(h->fields.at("area_m2")), 8550);
  EXPECT_EQ(std::get<std::string>(h->fields.at("orientation")), "sun");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(h->fields.at("agreed_temp")));
  auto missing = store_->Get(R("households"), 999999, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(RecordStoreContract, ConflictsAndDanglingReferences) {
  City c = MakeCity("c1", 1);
  auto dup = store_->Create(R("companies"), {{"code", "c1"}, {"name", "x"}, {"policy", "zibo"}},
                            {}, "test");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_NE(dup.error().message.find("unique: code"), std::string::npos);
  auto dangling = store_->Create(R("partitions"), {{"company_id", c.company},
                                                   {"building_id", int64_t{424242}},
                                                   {"code", "u9"}},
                                 {}, "test");
  // A reference to nothing, and a record still referred to: not the state the change needs
  // (failed_precondition), unlike a taken key (already_exists).
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(dangling.error().message, "the partition refers to a record that does not exist");
  auto del = store_->Delete(R("buildings"), c.building, {}, "test");
  ASSERT_FALSE(del.ok());
  EXPECT_EQ(del.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(del.error().message, "the building is still referred to by other records");
  auto unknown = store_->Create(R("companies"), {{"code; DROP TABLE x", "y"}}, {}, "test");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(RecordStoreContract, PagesAndFilters) {
  City c = MakeCity("c1", 7);
  ports::ListQuery q;
  q.limit = 3;
  std::vector<int64_t> seen;
  for (int page = 0; page < 5; ++page) {
    auto p = store_->List(R("households"), q);
    ASSERT_TRUE(p.ok());
    for (const auto& rec : p->items) seen.push_back(rec.id);
    if (!p->next_cursor) break;
    q.after = p->next_cursor;
  }
  EXPECT_EQ(seen, c.households);
  ports::ListQuery f;
  f.equals = {{"code", std::string("h3")}};
  auto one = store_->List(R("households"), f);
  ASSERT_EQ(one->items.size(), 1u);
  EXPECT_EQ(one->items[0].id, c.households[3]);
  EXPECT_FALSE(one->next_cursor);
  // A range of an integer field, both ends included, with the other filters and the cursor.
  City other = MakeCity("c2", 2);
  ports::ListQuery range;
  range.range = ports::FieldRange{"company_id", c.company, c.company};
  range.equals = {{"heating_status", "heated"}};
  range.after = c.households[2];
  auto ranged = store_->List(R("households"), range);
  ASSERT_TRUE(ranged.ok()) << ranged.error().message;
  std::vector<int64_t> ids;
  for (const auto& rec : ranged->items) ids.push_back(rec.id);
  EXPECT_EQ(ids, std::vector<int64_t>(c.households.begin() + 3, c.households.end()));
  range.range = ports::FieldRange{"company_id", other.company, other.company};
  range.after.reset();
  EXPECT_EQ(store_->List(R("households"), range)->items.size(), 2u);
  range.range->field = "no_such_field";
  auto unknown = store_->List(R("households"), range);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.error().field, "no_such_field");
}

TEST_P(RecordStoreContract, ScopesHideOtherCompaniesAndHouseholds) {
  City a = MakeCity("a", 2);
  City b = MakeCity("b", 2);
  ports::Scope company_a{a.company, std::nullopt};
  EXPECT_TRUE(store_->Get(R("households"), a.households[0], company_a).ok());
  auto other = store_->Get(R("households"), b.households[0], company_a);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  ports::ListQuery q;
  q.scope = company_a;
  EXPECT_EQ(store_->List(R("households"), q)->items.size(), 2u);
  EXPECT_EQ(store_->List(R("districts"), q)->items.size(), 2u) << "districts are shared";

  int64_t room = Make("rooms", {{"household_id", a.households[1]}, {"name", "bed"},
                                {"kind", "bedroom"}});
  int64_t sensor = Make("sensors", {{"code", "s-1"}, {"room_id", room}});
  ports::Scope household{std::nullopt, a.households[1]};
  EXPECT_TRUE(store_->Get(R("sensors"), sensor, household).ok());
  EXPECT_TRUE(store_->Get(R("households"), a.households[1], household).ok());
  EXPECT_FALSE(store_->Get(R("households"), a.households[0], household).ok());
  EXPECT_FALSE(store_->Get(R("buildings"), a.building, household).ok());
  EXPECT_FALSE(store_->Get(R("sensors"), sensor, {b.company, std::nullopt}).ok());
  auto upd = store_->Update(R("households"), a.households[0], {{"floor", int64_t{2}}},
                            {b.company, std::nullopt}, "intruder");
  EXPECT_EQ(upd.error().code, ErrorCode::kNotFound);
  // Creating into another company's household is refused and leaves nothing behind.
  auto foreign = store_->Create(R("rooms"), {{"household_id", b.households[0]},
                                             {"name", "x"}, {"kind", "other"}},
                                {a.company, std::nullopt}, "intruder");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kPermissionDenied);
  ports::ListQuery rooms;
  rooms.equals = {{"household_id", b.households[0]}};
  EXPECT_TRUE(store_->List(R("rooms"), rooms)->items.empty());
}

TEST_P(RecordStoreContract, EveryChangeIsAudited) {
  City c = MakeCity("c1", 1);
  auto upd = store_->Update(R("households"), c.households[0],
                            {{"heating_status", std::string("stopped")}}, {}, "agent-7");
  ASSERT_TRUE(upd.ok());
  EXPECT_EQ(std::get<std::string>(upd->fields.at("heating_status")), "stopped");
  auto log = store_->Audit(std::nullopt, 1);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  const auto& e = log->front();
  EXPECT_EQ(e.actor, "agent-7");
  EXPECT_EQ(e.action, "update");
  EXPECT_EQ(e.resource, "households");
  EXPECT_EQ(e.record_id, c.households[0]);
  EXPECT_EQ(nlohmann::json::parse(e.before_json)["heating_status"], "heated");
  EXPECT_EQ(nlohmann::json::parse(e.after_json)["heating_status"], "stopped");
  // Creates of the whole city came before: 6 structural records + 1 household + 1 district.
  auto all = store_->Audit(std::nullopt, 1000);
  EXPECT_EQ(all->size(), 9u);
  EXPECT_EQ(all->back().action, "create");
  auto older = store_->Audit(log->front().id, 1000);
  EXPECT_EQ(older->size(), 8u);
  // A failed change leaves no audit entry.
  (void)store_->Create(R("companies"), {{"code", "c1"}, {"name", "x"}, {"policy", "zibo"}}, {},
                       "t");
  EXPECT_EQ(store_->Audit(std::nullopt, 1000)->size(), 9u);
}

// A record refers only to records of its own company; nothing is written otherwise.
TEST_P(RecordStoreContract, ReferencesStayWithinTheCompany) {
  City a = MakeCity("a", 1);
  City b = MakeCity("b", 0);
  Fields stray{{"company_id", a.company}, {"partition_id", b.partition}, {"code", "stray"},
               {"area_m2", int64_t{5000}}, {"floor", int64_t{1}}, {"orientation", "sun"},
               {"billing", "area"}, {"heating_status", "heated"}};
  auto created = store_->Create(R("households"), stray, {}, "test");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(created.error().field, "partition_id");
  ports::ListQuery q;
  q.equals = {{"code", "stray"}};
  EXPECT_TRUE(store_->List(R("households"), q)->items.empty());

  auto moved = store_->Update(R("households"), a.households[0], {{"partition_id", b.partition}},
                              {}, "test");
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().field, "partition_id");
  EXPECT_EQ(std::get<int64_t>(store_->Get(R("households"), a.households[0], {})
                                  ->fields.at("partition_id")),
            a.partition);
  // Moving the household's company without its partition is the same mistake.
  EXPECT_FALSE(store_->Update(R("households"), a.households[0], {{"company_id", b.company}}, {},
                              "test").ok());
  // Shared records (districts) may be referred to by any company.
  EXPECT_NE(Make("buildings", {{"company_id", b.company}, {"district_id", a.district},
                               {"substation_id", Make("substations", {{"company_id", b.company},
                                   {"network_section_id", Make("network_sections",
                                       {{"company_id", b.company},
                                        {"heat_source_id", Make("heat_sources",
                                            {{"company_id", b.company}, {"code", "hs2"},
                                             {"name", "p"}, {"kind", "chp"}})},
                                        {"code", "n2"}, {"name", "n"}})},
                                   {"code", "s2"}, {"name", "s"}})},
                               {"code", "b2"}, {"community", "c"}, {"floors", int64_t{3}}}),
            0);
}

// R-TEMP-2: usage rates follow the households' status and area; nothing is typed in.
TEST_P(RecordStoreContract, UsageRatesAreDerivedFromHouseholds) {
  City a = MakeCity("a", 4);  // 4 × 85.50 m², all heated
  City b = MakeCity("b", 1);
  int64_t u2 = Make("partitions", {{"company_id", a.company}, {"building_id", a.building},
                                   {"code", "u2"}});
  Make("households", {{"company_id", a.company}, {"partition_id", u2}, {"code", "big"},
                      {"area_m2", int64_t{12000}}, {"floor", int64_t{2}}, {"orientation", "shade"},
                      {"billing", "area"}, {"heating_status", "stopped"}});
  // One of u1's households stops heating: a change of status changes the rate.
  ASSERT_TRUE(store_->Update(R("households"), a.households[0], {{"heating_status", "stopped"}}, {},
                             "test").ok());

  auto parts = store_->UsageRates(ports::UsageGrouping::kPartition, {});
  ASSERT_TRUE(parts.ok()) << parts.error().detail;
  ASSERT_EQ(parts->size(), 3u);
  const auto& u1 = (*parts)[0];
  EXPECT_EQ(u1.company_id, a.company);
  EXPECT_EQ(u1.partition_id, a.partition);
  EXPECT_EQ(u1.building_id, a.building);
  EXPECT_EQ(u1.partition_code, "u1");
  EXPECT_EQ(u1.community, "Sunny");
  EXPECT_EQ(u1.heated_centi, 3 * 8550);
  EXPECT_EQ(u1.total_centi, 4 * 8550);
  EXPECT_EQ(u1.households, 4);
  EXPECT_EQ(u1.heated_households, 3);
  EXPECT_EQ((*parts)[1].partition_id, u2);
  EXPECT_EQ((*parts)[1].heated_centi, 0);
  EXPECT_EQ((*parts)[1].total_centi, 12000);
  EXPECT_EQ((*parts)[2].company_id, b.company);

  // By community: both of company a's partitions together; company b's "Sunny" apart.
  auto communities = store_->UsageRates(ports::UsageGrouping::kCommunity, {});
  ASSERT_TRUE(communities.ok());
  ASSERT_EQ(communities->size(), 2u);
  EXPECT_EQ((*communities)[0].heated_centi, 3 * 8550);
  EXPECT_EQ((*communities)[0].total_centi, 4 * 8550 + 12000);
  EXPECT_EQ((*communities)[0].households, 5);
  EXPECT_EQ((*communities)[0].partition_id, 0);
  EXPECT_EQ((*communities)[1].total_centi, 8550);

  // Scopes: a company sees its own; a household sees none.
  auto own = store_->UsageRates(ports::UsageGrouping::kCommunity, {b.company, std::nullopt});
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ((*own)[0].company_id, b.company);
  EXPECT_EQ(store_->UsageRates(ports::UsageGrouping::kPartition, {a.company, a.households[1]})
                .error().code,
            ErrorCode::kFailedPrecondition);
}

// Finding a caller: each term in the code, the address, the building's community or address,
// and in the phone only when asked; ASCII case ignored; LIKE's '%', '_' and '\' plain; scopes
// hold; paged by id.
TEST_P(RecordStoreContract, SearchHouseholdsMatchesEveryTermLiterally) {
  City a = MakeCity("a", 0);
  City b = MakeCity("b", 0);
  ASSERT_TRUE(
      store_->Update(R("buildings"), a.building, {{"address", "Hill Road 7"}}, {}, "t").ok());
  auto household = [&](const City& c, const std::string& code, const std::string& address,
                       const std::string& phone) {
    return Make("households", {{"company_id", c.company}, {"partition_id", c.partition},
                               {"code", code}, {"address", address}, {"area_m2", int64_t{8000}},
                               {"floor", int64_t{1}}, {"orientation", "sun"},
                               {"billing", "area"}, {"heating_status", "heated"},
                               {"phone", phone}});
  };
  const int64_t h1 = household(a, "A-101", "1单元101", "13812345678");
  const int64_t h2 = household(a, "A-102", "1单元102", "13912345678");
  const int64_t h3 = household(a, "A-201", "100%_off\\x", "13700000000");
  const int64_t h4 = household(b, "B-101", "1单元101", "13812345678");
  const ports::Scope all, company_a{a.company, std::nullopt}, home{std::nullopt, h1};
  struct Case {
    std::vector<std::string> terms;
    bool phone;
    ports::Scope scope;
    std::vector<int64_t> want;
  };
  const Case cases[] = {
      {{"a-10"}, false, all, {h1, h2}},  // the code, in either case
      {{"1单元101"}, false, all, {h1, h4}},
      {{"hill", "101"}, false, all, {h1}},  // the building's address and the household's
      {{"SUNNY"}, false, company_a, {h1, h2, h3}},  // the community, within the company
      {{"12345678"}, false, all, {}},               // phones only when asked
      {{"12345678"}, true, all, {h1, h2, h4}},
      {{"12345678"}, true, company_a, {h1, h2}},
      {{"1"}, true, home, {h1}},
      {{"%"}, false, all, {h3}},
      {{"_"}, false, all, {h3}},
      {{"\\"}, false, all, {h3}},
      {{"0%_o"}, false, all, {h3}},
      {{"1_1"}, false, all, {}},  // '_' is no wildcard: "101" does not match
      {{"1%2"}, false, all, {}},  // nor '%': "102" does not match
      {{"a-", "nowhere"}, false, all, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.terms));
    ports::HouseholdSearch q;
    q.terms = c.terms;
    q.phone = c.phone;
    q.scope = c.scope;
    auto page = store_->SearchHouseholds(q);
    ASSERT_TRUE(page.ok()) << page.error().message << " " << page.error().detail;
    std::vector<int64_t> got;
    for (const auto& rec : page->items) got.push_back(rec.id);
    EXPECT_EQ(got, c.want);
    EXPECT_FALSE(page->next_cursor);
  }
  // Pages of one, by id.
  ports::HouseholdSearch q;
  q.terms = {"a-"};
  q.limit = 1;
  std::vector<int64_t> seen;
  for (int i = 0; i < 4; ++i) {
    auto page = store_->SearchHouseholds(q);
    ASSERT_TRUE(page.ok());
    for (const auto& rec : page->items) seen.push_back(rec.id);
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  EXPECT_EQ(seen, (std::vector<int64_t>{h1, h2, h3}));
  auto found = store_->SearchHouseholds({{"A-101"}, false, std::nullopt, 10, all});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].Text("phone"), "13812345678") << "the store does not mask";

  EXPECT_EQ(store_->SearchHouseholds({}).error().code, ErrorCode::kInvalidArgument);
  auto empty = store_->SearchHouseholds({{"a", ""}, false, std::nullopt, 10, all});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "q");
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage
