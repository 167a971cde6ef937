// Checked writes of records and finding a caller (issue 11), on SQLite and on a real PostgreSQL
// cluster: every refusal names its field and leaves nothing written or audited.
#include "services/record_service.hpp"

#include <gtest/gtest.h>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::services {
namespace {

using namespace std::string_literals;  // NOLINT(google-build-using-namespace): "\0"s
using ports::Fields;
using support::Engine;
using support::EngineName;

class RecordServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    store_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    service_ = std::make_unique<RecordService>(*store_, clock_);
    weihai_ = MakeCompany("weihai-heat");
    zibo_ = MakeCompany("zibo-heat");
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    db_.reset();
  }

  static const model::Resource& R(const std::string& name) { return *model::FindResource(name); }

  ports::ManualClock clock_{*ParseRfc3339("2025-12-10T15:00:00+08:00")};

  int64_t Make(const std::string& resource, const Fields& fields) {
    auto rec = store_->Create(R(resource), fields, {}, "setup");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  struct Company {
    int64_t id, district, substation, partition;
    std::vector<int64_t> households;
  };
  // A company licensed for a district of its own, with a building and two households.
  Company MakeCompany(const std::string& code) {
    Company c{};
    c.district = Make(
        "districts",
        {{"code", "d-" + code}, {"name", "D " + code}, {"city", "Weihai"}, {"policy", "weihai"}});
    c.id = Make("companies", {{"code", code}, {"name", code}, {"policy", "weihai"}});
    Make("licensed_districts", {{"company_id", c.id}, {"district_id", c.district}});
    int64_t src = Make("heat_sources",
                       {{"company_id", c.id}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec =
        Make("network_sections",
             {{"company_id", c.id}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
    c.substation =
        Make("substations",
             {{"company_id", c.id}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
    int64_t building = Make("buildings", {{"company_id", c.id},
                                          {"district_id", c.district},
                                          {"substation_id", c.substation},
                                          {"code", "b"},
                                          {"community", "阳光小区 " + code},
                                          {"address", "海滨路 7号"},
                                          {"floors", int64_t{6}}});
    c.partition =
        Make("partitions", {{"company_id", c.id}, {"building_id", building}, {"code", "u"}});
    for (const char* n : {"101", "102"}) {
      c.households.push_back(Make("households", {{"company_id", c.id},
                                                 {"partition_id", c.partition},
                                                 {"code", code + "-" + n},
                                                 {"address", std::string("1单元") + n},
                                                 {"area_m2", int64_t{8000}},
                                                 {"floor", int64_t{1}},
                                                 {"orientation", "sun"},
                                                 {"billing", "area"},
                                                 {"heating_status", "heated"},
                                                 {"phone", "1381234" + std::string(n) + "9"}}));
    }
    return c;
  }

  Fields Season() {
    return {{"district_id", weihai_.district},
            {"season", int64_t{2025}},
            {"commissioning_start", "2025-11-08"},
            {"official_start", "2025-11-15"},
            {"official_end", "2026-03-15"}};
  }
  /// R-SEASON-1: `company`'s announcement of the commissioning in `district`.
  static Fields Announcement(const Company& company, int64_t district) {
    return {{"company_id", company.id},         {"district_id", district},
            {"season", int64_t{2025}},           {"kind", "commissioning"},
            {"published_on", "2025-11-01"},      {"channel", "newspaper"},
            {"reference", "威海日报 2025-11-01 第3版"}};
  }
  Fields Fee(int64_t household, int64_t fen) {
    return {{"household_id", household},
            {"season", int64_t{2025}},
            {"amount", fen},
            {"due_on", "2025-11-30"}};
  }
  Fields Payment(int64_t household, std::optional<int64_t> fee, int64_t fen) {
    Fields f{{"household_id", household},
             {"amount", fen},
             {"paid_at", "2025-11-20T10:00:00+08:00"},
             {"method", "wechat"}};
    if (fee) f["fee_id"] = *fee;
    return f;
  }
  Fields Building(const Company& c, int64_t district, const std::string& code) {
    return {{"company_id", c.id}, {"district_id", district}, {"substation_id", c.substation},
            {"code", code},       {"community", "c"},        {"floors", int64_t{6}}};
  }

  size_t Audited() { return store_->Audit(std::nullopt, 1000)->size(); }

  // The error's field, after checking its code; "" when `r` is ok.
  template <typename T>
  std::string Refused(const Result<T>& r, ErrorCode code = ErrorCode::kInvalidArgument) {
    if (r.ok()) return "";
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_FALSE(r.error().message.empty());
    return r.error().field;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> store_;
  std::unique_ptr<RecordService> service_;
  Company weihai_{}, zibo_{};
};

// Each bad record of issue 11 is refused naming its field, and nothing is written or audited.
TEST_P(RecordServiceTest, BadRecordsAreRefusedNamingTheField) {
  const int64_t own = weihai_.households[0], neighbour = weihai_.households[1];
  const int64_t fee = Make("fees", Fee(own, 264000));
  const int64_t neighbours_fee = Make("fees", Fee(neighbour, 264000));
  auto season_with = [this](const std::string& field, const std::string& value) {
    Fields s = Season();
    s[field] = value;
    return s;
  };
  Fields nul_district{
      {"code", "d-nul"}, {"name", "环翠\0区"s}, {"city", "Weihai"}, {"policy", "weihai"}};
  struct Case {
    const char* name;
    std::string resource;
    Fields fields;
    std::string field;
    ErrorCode code = ErrorCode::kInvalidArgument;
  };
  const Case cases[] = {
      {"season ending before it starts", "seasons", season_with("official_end", "2025-11-01"),
       "official_end"},
      {"commissioning after the start", "seasons", season_with("commissioning_start", "2025-11-20"),
       "commissioning_start"},
      {"early start after the start", "seasons", season_with("early_start", "2025-11-16"),
       "early_start"},
      {"extension ending before the end", "seasons", season_with("extension_end", "2026-03-01"),
       "extension_end"},
      {"paid yesterday", "payments",
       [&] {
         Fields p = Payment(own, fee, 1000);
         p["paid_at"] = "yesterday";
         return p;
       }(),
       "paid_at"},
      {"sent at second 60",
       "reminders",
       {{"household_id", own},
        {"sent_at", "2025-12-31T23:59:60+08:00"},
        {"channel", "sms"},
        {"proof", "sms log"}},
       "sent_at"},
      {"paying another household's fee", "payments", Payment(own, neighbours_fee, 1000), "fee_id"},
      {"paying more than the fee", "payments", Payment(own, fee, 264001), "amount"},
      {"building outside the company's licence", "buildings",
       Building(weihai_, zibo_.district, "b-zibo"), "district_id", ErrorCode::kPermissionDenied},
      {"an announcement outside the company's licence", "season_announcements",
       Announcement(weihai_, zibo_.district), "district_id", ErrorCode::kPermissionDenied},
      {"text with a NUL", "districts", nul_district, "name"},
  };
  const size_t audited = Audited();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Refused(service_->Create(R(c.resource), c.fields, {}, "agent"), c.code), c.field);
    EXPECT_EQ(
        Refused(service_->Create(R(c.resource), c.fields, {weihai_.id, std::nullopt}, "agent"),
                c.code),
        c.field)
        << "the same within the company's scope";
  }
  EXPECT_EQ(Audited(), audited) << "a refused write is not audited";
  for (const char* resource : {"seasons", "payments", "reminders", "season_announcements"}) {
    EXPECT_TRUE(store_->List(R(resource), {})->items.empty()) << resource;
  }
  EXPECT_EQ(store_->List(R("buildings"), {})->items.size(), 2u);
}

TEST_P(RecordServiceTest, GoodRecordsAreWritten) {
  Fields season = Season();
  season["early_start"] = "2025-11-10";
  season["extension_end"] = "2026-03-31";
  season["decision_ref"] = "威政字〔2025〕12号";
  auto s = service_->Create(R("seasons"), season, {}, "regulator");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->Text("extension_end"), "2026-03-31");
  EXPECT_TRUE(service_->Create(R("season_announcements"),
                               Announcement(weihai_, weihai_.district), {}, "manager")
                  .ok());

  const int64_t own = weihai_.households[0];
  const int64_t fee = Make("fees", Fee(own, 264000));
  // Payments up to the fee, in parts; money beyond it without a fee.
  EXPECT_TRUE(service_->Create(R("payments"), Payment(own, fee, 200000), {}, "agent").ok());
  EXPECT_TRUE(service_->Create(R("payments"), Payment(own, fee, 64000), {}, "agent").ok());
  EXPECT_EQ(Refused(service_->Create(R("payments"), Payment(own, fee, 1), {}, "agent")), "amount");
  EXPECT_TRUE(service_->Create(R("payments"), Payment(own, std::nullopt, 50000), {}, "a").ok());

  auto b = service_->Create(R("buildings"), Building(zibo_, zibo_.district, "b2"),
                            {zibo_.id, std::nullopt}, "manager");
  ASSERT_TRUE(b.ok()) << b.error().message;
  // Once licensed for weihai's district too, zibo may build there.
  Make("licensed_districts", {{"company_id", zibo_.id}, {"district_id", weihai_.district}});
  EXPECT_TRUE(
      service_->Create(R("buildings"), Building(zibo_, weihai_.district, "b3"), {}, "m").ok());
}

// PATCH checks the stored record with the changes applied.
TEST_P(RecordServiceTest, UpdatesAreCheckedOnTheMergedRecord) {
  auto season = service_->Create(R("seasons"), Season(), {}, "regulator");
  ASSERT_TRUE(season.ok());
  const size_t audited = Audited();
  struct Case {
    const char* name;
    Fields changes;
    const char* field;
  };
  const Case cases[] = {
      {"end before the stored start", {{"official_end", "2025-11-01"}}, "official_end"},
      {"start after the stored end", {{"official_start", "2026-04-01"}}, "official_start"},
      {"commissioning after the stored start",
       {{"commissioning_start", "2025-11-16"}},
       "commissioning_start"},
      {"extension before the stored end", {{"extension_end", "2026-02-01"}}, "extension_end"},
      {"an extension without the district's decision",
       {{"extension_end", "2026-03-25"}},
       "decision_ref"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Refused(service_->Update(R("seasons"), season->id, c.changes, {}, "r")), c.field);
  }
  EXPECT_EQ(store_->Get(R("seasons"), season->id, {})->Text("official_end"), "2026-03-15");
  EXPECT_EQ(Audited(), audited);
  // Moving both ends together is fine.
  auto moved = service_->Update(R("seasons"), season->id,
                                {{"official_start", "2025-11-10"},
                                 {"official_end", "2026-03-20"},
                                 {"extension_end", "2026-03-25"},
                                 {"decision_ref", "威政字〔2026〕3号"}},
                                {}, "r");
  ASSERT_TRUE(moved.ok()) << moved.error().message;

  // Payments and fees.
  const int64_t own = weihai_.households[0], neighbour = weihai_.households[1];
  const int64_t fee = Make("fees", Fee(own, 100000));
  const int64_t other_fee = Make("fees", Fee(neighbour, 100000));
  auto paid = service_->Create(R("payments"), Payment(own, fee, 60000), {}, "agent");
  ASSERT_TRUE(paid.ok());
  auto second = service_->Create(R("payments"), Payment(own, std::nullopt, 60000), {}, "agent");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Refused(service_->Update(R("payments"), second->id, {{"fee_id", fee}}, {}, "a")),
            "amount");
  EXPECT_EQ(Refused(service_->Update(R("payments"), second->id, {{"fee_id", other_fee}}, {}, "a")),
            "fee_id");
  EXPECT_EQ(
      Refused(service_->Update(R("payments"), paid->id, {{"amount", int64_t{100001}}}, {}, "a")),
      "amount");
  EXPECT_TRUE(
      service_->Update(R("payments"), paid->id, {{"amount", int64_t{100000}}}, {}, "a").ok());
  EXPECT_EQ(Refused(service_->Update(R("fees"), fee, {{"amount", int64_t{99999}}}, {}, "a")),
            "amount");
  EXPECT_TRUE(service_->Update(R("fees"), fee, {{"amount", int64_t{100000}}}, {}, "a").ok());
  EXPECT_EQ(Refused(service_->Update(R("payments"), paid->id, {{"paid_at", "0001-01-01T00:00:00Z"}},
                                     {}, "a")),
            "paid_at");
  EXPECT_EQ(Refused(service_->Update(R("households"), own, {{"address", "1单元\0"s}}, {}, "a")),
            "address");

  // Buildings: a change of district is checked against the licence; other changes are not.
  auto b = service_->Create(R("buildings"), Building(weihai_, weihai_.district, "b2"), {}, "m");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(Refused(service_->Update(R("buildings"), b->id, {{"district_id", zibo_.district}},
                                     {weihai_.id, std::nullopt}, "m"),
                    ErrorCode::kPermissionDenied),
            "district_id");
  EXPECT_EQ(store_->Get(R("buildings"), b->id, {})->Int("district_id"), weihai_.district);
  EXPECT_TRUE(service_->Update(R("buildings"), b->id, {{"floors", int64_t{7}}}, {}, "m").ok());
  // Not found stays not found.
  EXPECT_EQ(Refused(service_->Update(R("seasons"), 999999, {}, {}, "r"), ErrorCode::kNotFound),
            "id");
}

Principal As(rules::Role role, std::optional<int64_t> company = std::nullopt,
             std::optional<int64_t> household = std::nullopt) {
  return {1, "u", role, company, household};
}

std::vector<std::string> Codes(const Result<ports::Page>& page) {
  std::vector<std::string> out;
  EXPECT_TRUE(page.ok()) << page.error().message;
  if (!page.ok()) return out;
  for (const auto& rec : page->items) out.push_back(rec.Text("code"));
  return out;
}

// R-ACCT-1 (issue 16: "contract versions are kept"): a change of a household's terms keeps the
// terms before, whose last day is the day of the change; a change of anything else, or to the
// same terms, keeps nothing.
TEST_P(RecordServiceTest, AChangeOfTermsKeepsTheTermsBefore) {
  const int64_t h = weihai_.households[0];
  auto versions = [&] {
    ports::ListQuery q;
    q.equals["household_id"] = h;
    return store_->List(R("contract_versions"), q)->items;
  };
  ASSERT_TRUE(service_->Update(R("households"), h, {{"address", "1单元 101室"}}, {}, "agent").ok());
  ASSERT_TRUE(service_->Update(R("households"), h, {{"billing", "area"}}, {}, "agent").ok());
  EXPECT_TRUE(versions().empty()) << "no term changed";

  ASSERT_TRUE(service_->Update(R("households"), h, {{"agreed_temp", int64_t{200}}}, {}, "agent")
                  .ok());
  clock_.Set(*ParseRfc3339("2026-01-05T00:30:00+08:00"));
  ASSERT_TRUE(service_
                  ->Update(R("households"), h,
                           {{"billing", "meter"}, {"contract", R"({"quality":"20°C"})"}}, {},
                           "manager")
                  .ok());
  auto kept = versions();
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].Text("valid_until"), "2025-12-10");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(kept[0].fields.at("agreed_temp")));
  EXPECT_EQ(kept[0].Text("billing"), "area");
  EXPECT_EQ(kept[1].Text("valid_until"), "2026-01-05");  // the local day, not UTC's 01-04
  EXPECT_EQ(kept[1].Int("agreed_temp"), std::optional<int64_t>{200});
  EXPECT_EQ(kept[1].Text("billing"), "area");
  auto now = store_->Get(R("households"), h, {});
  EXPECT_EQ(now->Text("billing"), "meter");

  // A change refused by the store (another household's code) keeps nothing.
  const size_t before = versions().size();
  auto taken = service_->Update(R("households"), h,
                                {{"agreed_temp", int64_t{210}}, {"code", "weihai-heat-102"}}, {},
                                "agent");
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(versions().size(), before);
}

TEST_P(RecordServiceTest, FindingACaller) {
  using rules::Role;
  const auto admin = As(Role::kAdmin), regulator = As(Role::kRegulator);
  const auto agent = As(Role::kAgent, weihai_.id), technician = As(Role::kTechnician, zibo_.id);
  auto find = [this](const Principal& p, const std::string& q) {
    return service_->SearchHouseholds(p, {q, std::nullopt, 50});
  };
  // By part of the phone (for roles that see phones), of the address, or of the code.
  EXPECT_EQ(Codes(find(admin, "1381234101")),
            (std::vector<std::string>{"weihai-heat-101", "zibo-heat-101"}));
  EXPECT_EQ(Codes(find(agent, "1381234101")), (std::vector<std::string>{"weihai-heat-101"}));
  EXPECT_EQ(Codes(find(technician, "234102")), (std::vector<std::string>{"zibo-heat-102"}));
  EXPECT_EQ(Codes(find(agent, "海滨路 102")), (std::vector<std::string>{"weihai-heat-102"}));
  EXPECT_EQ(Codes(find(agent,
                       "阳光小区\xE3\x80\x80"
                       "1单元101")),
            (std::vector<std::string>{"weihai-heat-101"}));
  EXPECT_EQ(Codes(find(admin, "ZIBO-HEAT")),
            (std::vector<std::string>{"zibo-heat-101", "zibo-heat-102"}));
  // The regulator: codes and addresses, never the phone, and phones masked in what it reads.
  EXPECT_TRUE(Codes(find(regulator, "1381234101")).empty());
  auto by_address = find(regulator, "1单元101");
  EXPECT_EQ(Codes(by_address), (std::vector<std::string>{"weihai-heat-101", "zibo-heat-101"}));
  EXPECT_EQ(by_address->items[0].Text("phone"), "138****1019");
  EXPECT_EQ(find(agent, "1单元101")->items[0].Text("phone"), "13812341019");
  // Refusals.
  EXPECT_EQ(Refused(find(As(Role::kHousehold, std::nullopt, weihai_.households[0]), "101"),
                    ErrorCode::kPermissionDenied),
            "");
  for (const std::string& q : std::vector<std::string>{
           "", "1", " 1 ", "单", "a\0b"s, std::string(101, 'a'), "a b c d e f g h i"}) {
    SCOPED_TRACE(q);
    EXPECT_EQ(Refused(find(agent, q)), "q");
  }
  EXPECT_EQ(Codes(find(agent, "单元")).size(), 2u) << "two Chinese characters are enough";
  // Pages.
  auto first = service_->SearchHouseholds(admin, {"heat", std::nullopt, 3});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 3u);
  ASSERT_TRUE(first->next_cursor);
  auto rest = service_->SearchHouseholds(admin, {"heat", first->next_cursor, 3});
  EXPECT_EQ(Codes(rest), (std::vector<std::string>{"zibo-heat-102"}));
  EXPECT_FALSE(rest->next_cursor);
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services
