// Importing households: all or nothing, idempotent, updates with their audit trail; on SQLite and
// on a real PostgreSQL cluster.
#include "services/import_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "adapters/csv/household_import_csv.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::services {
namespace {

using ports::Fields;

using support::Engine;
using support::EngineName;

const std::string kHeader =
    "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
    "heating_status,phone,id_number,rooms\n";

// `text` with its first `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Three households of building B-01 (6 floors, units U1 and U2).
const std::string kThree =
    kHeader +
    "B-01,U1,H-101,1单元101,85.55,1,sun,area,,heated,13812345678,370602199001011234,"
    "bedroom:主卧;bedroom:次卧;living:客厅\n"
    "B-01,U1,H-102,1单元102,72.3,1,shade,area,20.0,heated,,,bedroom:主卧;living:客厅\n"
    "B-01,U2,H-201,2单元201,101,2,sun,meter,,stopped,13900000000,,"
    "bedroom:主卧;bedroom:次卧;bedroom:书房;living:客厅\n";

class ImportServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  ports::ManualClock clock_{*ParseRfc3339("2025-12-10T15:00:00+08:00")};

  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    const std::string url = db_->url();
    auto conn = adapters::storage::Connect(url);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    store_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    c1_ = MakeCompany("c1");
    c2_ = MakeCompany("c2");
    audit_base_ = AuditCount();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  static const model::Resource& R(const std::string& name) { return *model::FindResource(name); }

  int64_t Make(const std::string& resource, const Fields& fields) {
    auto rec = store_->Create(R(resource), fields, {}, "setup");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  // A company with buildings B-01 (6 floors; U1, U2) and B-02 (18 floors; U1).
  int64_t MakeCompany(const std::string& code) {
    int64_t district =
        Make("districts",
             {{"code", "d-" + code}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    int64_t company = Make("companies", {{"code", code}, {"name", "C"}, {"policy", "weihai"}});
    int64_t src =
        Make("heat_sources",
             {{"company_id", company}, {"code", "hs"}, {"name", "plant"}, {"kind", "chp"}});
    int64_t sec =
        Make("network_sections",
             {{"company_id", company}, {"heat_source_id", src}, {"code", "n1"}, {"name", "north"}});
    int64_t sub =
        Make("substations",
             {{"company_id", company}, {"network_section_id", sec}, {"code", "s1"}, {"name", "s"}});
    for (auto [b, floors, units] : {std::tuple{"B-01", 6, 2}, std::tuple{"B-02", 18, 1}}) {
      int64_t building = Make("buildings", {{"company_id", company},
                                            {"district_id", district},
                                            {"substation_id", sub},
                                            {"code", std::string(b)},
                                            {"community", "Sunny"},
                                            {"floors", int64_t{floors}}});
      for (int u = 1; u <= units; ++u) {
        partitions_[{company, b, u}] = Make("partitions", {{"company_id", company},
                                                           {"building_id", building},
                                                           {"code", "U" + std::to_string(u)}});
      }
    }
    return company;
  }

  Result<ImportCounts> Import(const std::string& csv, const std::string& company = "c1",
                              const ports::Scope& scope = {}) {
    return ImportService(*store_, clock_, adapters::csv::ReadHouseholdImport)
        .ImportHouseholds(company, csv, scope, "agent-7");
  }

  std::vector<ports::Record> All(const std::string& resource, Fields equals = {}) {
    ports::ListQuery q;
    q.limit = 1000;
    q.equals = std::move(equals);
    auto page = store_->List(R(resource), q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<ports::Record>{};
  }
  ports::Record Household(const std::string& code, int64_t company = 0) {
    auto found = All("households", {{"code", code}, {"company_id", company ? company : c1_}});
    EXPECT_EQ(found.size(), 1u) << code;
    return found.empty() ? ports::Record{} : found[0];
  }
  std::map<std::string, std::string> Rooms(int64_t household) {
    std::map<std::string, std::string> out;
    for (const auto& m : All("rooms", {{"household_id", household}})) {
      out[std::get<std::string>(m.fields.at("name"))] = std::get<std::string>(m.fields.at("kind"));
    }
    return out;
  }
  size_t AuditCount() {
    auto log = store_->Audit(std::nullopt, 1000);
    EXPECT_TRUE(log.ok());
    return log.ok() ? log->size() : 0;
  }
  std::vector<ports::AuditEntry> NewAudit(size_t since) {
    auto log = store_->Audit(std::nullopt, 1000);
    std::vector<ports::AuditEntry> out(log->begin(),
                                       log->begin() + static_cast<long>(log->size() - since));
    std::reverse(out.begin(), out.end());  // oldest first
    return out;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> store_;
  std::map<std::tuple<int64_t, std::string, int>, int64_t> partitions_;
  int64_t c1_ = 0, c2_ = 0;
  size_t audit_base_ = 0;
};

TEST_P(ImportServiceTest, CreatesHouseholdsAndRooms) {
  auto counts = Import(kThree);
  ASSERT_TRUE(counts.ok()) << counts.error().message << counts.error().detail;
  EXPECT_EQ(counts->created, 3);
  EXPECT_EQ(counts->updated, 0);
  EXPECT_EQ(counts->unchanged, 0);
  auto h = Household("H-101");
  EXPECT_EQ(std::get<int64_t>(h.fields.at("company_id")), c1_);
  EXPECT_EQ(std::get<int64_t>(h.fields.at("partition_id")), (partitions_[{c1_, "B-01", 1}]));
  EXPECT_EQ(std::get<int64_t>(h.fields.at("area_m2")), 8555);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(h.fields.at("agreed_temp")));
  EXPECT_EQ(std::get<std::string>(h.fields.at("phone")), "13812345678");
  EXPECT_EQ(Rooms(h.id), (std::map<std::string, std::string>{
                             {"主卧", "bedroom"}, {"次卧", "bedroom"}, {"客厅", "living"}}));
  auto h201 = Household("H-201");
  EXPECT_EQ(std::get<int64_t>(h201.fields.at("partition_id")), (partitions_[{c1_, "B-01", 2}]));
  EXPECT_EQ(std::get<std::string>(h201.fields.at("heating_status")), "stopped");
  EXPECT_EQ(Rooms(h201.id).size(), 4u);
  // One audit entry per record written: 3 households and 9 rooms, by the importer.
  auto log = NewAudit(audit_base_);
  ASSERT_EQ(log.size(), 12u);
  for (const auto& e : log) {
    EXPECT_EQ(e.action, "create");
    EXPECT_EQ(e.actor, "agent-7");
  }
}

TEST_P(ImportServiceTest, ReimportingTheSameFileChangesNothing) {
  ASSERT_TRUE(Import(kThree).ok());
  const size_t audit = AuditCount();
  auto before = All("households");
  auto rooms_before = All("rooms");
  auto again = Import(kThree);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(AuditCount(), audit) << "unchanged rows leave no audit entry";
  auto after = All("households");
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].fields, before[i].fields);
  }
  EXPECT_EQ(All("rooms").size(), rooms_before.size());
}

TEST_P(ImportServiceTest, AChangedRowUpdatesWithBeforeAndAfter) {
  ASSERT_TRUE(Import(kThree).ok());
  const size_t audit = AuditCount();
  const int64_t id = Household("H-101").id;
  const int64_t second_bedroom = [&] {
    for (const auto& m : All("rooms", {{"household_id", id}})) {
      if (std::get<std::string>(m.fields.at("name")) == "次卧") return m.id;
    }
    return int64_t{0};
  }();
  // H-101: new area and partition; 次卧 removed, 客厅 becomes "other", 书房 added.
  const std::string changed =
      Replaced(Replaced(kThree, "B-01,U1,H-101,1单元101,85.55", "B-01,U2,H-101,1单元101,88"),
               "bedroom:主卧;bedroom:次卧;living:客厅", "bedroom:主卧;other:客厅;bedroom:书房");
  auto counts = Import(changed);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->created, 0);
  EXPECT_EQ(counts->updated, 1);
  EXPECT_EQ(counts->unchanged, 2);
  auto h = Household("H-101");
  EXPECT_EQ(h.id, id);
  EXPECT_EQ(std::get<int64_t>(h.fields.at("area_m2")), 8800);
  EXPECT_EQ(std::get<int64_t>(h.fields.at("partition_id")), (partitions_[{c1_, "B-01", 2}]));
  EXPECT_EQ(Rooms(id), (std::map<std::string, std::string>{
                           {"主卧", "bedroom"}, {"客厅", "other"}, {"书房", "bedroom"}}));

  auto log = NewAudit(audit);
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].action, "update");
  EXPECT_EQ(log[0].resource, "households");
  EXPECT_EQ(log[0].record_id, id);
  EXPECT_EQ(log[0].actor, "agent-7");
  auto before = nlohmann::json::parse(log[0].before_json);
  auto after = nlohmann::json::parse(log[0].after_json);
  EXPECT_EQ(before["area_m2"], 8555);
  EXPECT_EQ(after["area_m2"], 8800);
  EXPECT_EQ(after["phone"], "13812345678") << "fields not in the change stay";
  EXPECT_EQ(log[1].action, "delete");
  EXPECT_EQ(log[1].record_id, second_bedroom);
  EXPECT_EQ(log[2].action, "update");
  EXPECT_EQ(nlohmann::json::parse(log[2].after_json)["kind"], "other");
  EXPECT_EQ(log[3].action, "create");
  EXPECT_EQ(nlohmann::json::parse(log[3].after_json)["name"], "书房");

  // And that file again is now unchanged.
  auto again = Import(changed);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 3);
}

// R-ACCT-1: a file that changes a household's terms keeps the terms before (their last day the
// day of the import); a household whose terms stay keeps none.
TEST_P(ImportServiceTest, AChangeOfTermsKeepsTheContractBefore) {
  ASSERT_TRUE(Import(kThree).ok());
  auto counts = Import(Replaced(kThree, "72.3,1,shade,area,20.0", "72.3,1,shade,meter,21.0"));
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->updated, 1);
  auto kept = All("contract_versions");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].Int("household_id"), std::optional<int64_t>{Household("H-102").id});
  EXPECT_EQ(kept[0].Text("valid_until"), "2025-12-10");
  EXPECT_EQ(kept[0].Int("agreed_temp"), std::optional<int64_t>{200});
  EXPECT_EQ(kept[0].Text("billing"), "area");
  EXPECT_EQ(Household("H-102").Int("agreed_temp"), std::optional<int64_t>{210});
}

TEST_P(ImportServiceTest, ABadLastRowWritesNothing) {
  const std::string bad = kThree +
                          "B-01,U1,H-103,1单元103,70,1,sun,area,,heated,,,bedroom:主卧\n"
                          "B-01,U1,H-104,1单元104,70,1,sun,area,,warm,,,bedroom:主卧\n";
  auto counts = Import(bad);
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(counts.error().field, "line 6");
  EXPECT_EQ(counts.error().message,
            "the file has 1 problem; nothing was imported:\n"
            "line 6, column 10 (heating_status): 'warm' is not one of heated, stopped");
  EXPECT_TRUE(All("households").empty());
  EXPECT_TRUE(All("rooms").empty());
  EXPECT_EQ(AuditCount(), audit_base_);
}

TEST_P(ImportServiceTest, ProblemsOfTheFileAndOfTheDatabaseAreListedTogether) {
  ASSERT_TRUE(Import(kThree).ok());
  const size_t audit = AuditCount();
  const std::string text =
      kThree +
      "B-09,U1,H-301,,70,1,sun,area,,heated,,,bedroom:主卧\n"    // line 5: no building
      "B-02,U7,H-302,,70,1,sun,area,,heated,,,bedroom:主卧\n"    // line 6: no partition
      "B-01,U1,H-303,,70,7,sun,area,,heated,,,bedroom:主卧\n"    // line 7: above 6 floors
      "B-09,U1,H-304,,7.001,1,up,area,,heated,,,bedroom:主卧\n"  // line 8: three problems
      "B-02,U1,H-305,,70,18,sun,area,,heated,,,bedroom:主卧\n";  // line 9: fine
  auto counts = Import(text);
  ASSERT_FALSE(counts.ok());
  const std::string& m = counts.error().message;
  EXPECT_EQ(m,
            "the file has 6 problems; nothing was imported:\n"
            "line 5, column 1 (building): no building 'B-09' in company 'c1'\n"
            "line 6, column 2 (partition): no partition 'U7' in building 'B-02'\n"
            "line 7, column 6 (floor): floor 7 is above the 6 floors of building 'B-01'\n"
            "line 8, column 1 (building): no building 'B-09' in company 'c1'\n"
            "line 8, column 5 (area_m2): 7.001 has more than 2 decimal places\n"
            "line 8, column 7 (orientation): 'up' is not one of shade, sun")
      << m;
  EXPECT_EQ(All("households").size(), 3u);
  EXPECT_EQ(AuditCount(), audit);
}

// Issue 11: a control character in a text field, or in a room's name, is a problem of its line.
TEST_P(ImportServiceTest, ControlCharactersAreProblems) {
  const std::string text = kHeader +
                           "B-01,U1,H-105,1单元\x01"
                           "105,70,1,sun,area,,heated,,,bedroom:主卧\n"
                           "B-01,U1,H-106,1单元106,70,1,sun,area,,heated,,,bedroom:主\x07卧\n"
                           "B-01,U1,H-107,\t1单元107,70,1,sun,area,,heated,,,bedroom:主卧\n";
  auto counts = Import(text);
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().message,
            "the file has 2 problems; nothing was imported:\n"
            "line 2, column 4 (address): contains the control character U+0001 (only tab, line "
            "feed and carriage return are allowed in text)\n"
            "line 3, column 13 (rooms): contains the control character U+0007 (only tab, line "
            "feed and carriage return are allowed in text)")
      << counts.error().message;
  EXPECT_TRUE(All("households").empty());
  EXPECT_EQ(AuditCount(), audit_base_);
}

TEST_P(ImportServiceTest, ARoomWithASensorIsNotRemoved) {
  ASSERT_TRUE(Import(kThree).ok());
  const int64_t id = Household("H-101").id;
  int64_t room = 0;
  for (const auto& m : All("rooms", {{"household_id", id}})) {
    if (std::get<std::string>(m.fields.at("name")) == "次卧") room = m.id;
  }
  Make("sensors", {{"code", "T-1"}, {"room_id", room}});
  const size_t audit = AuditCount();
  const std::string without = Replaced(kThree, "bedroom:主卧;bedroom:次卧;living:客厅",
                                       "bedroom:主卧;living:客厅;bedroom:书房");
  auto counts = Import(without);
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().message,
            "the file has 1 problem; nothing was imported:\n"
            "line 2, column 13 (rooms): the room '次卧' is no longer listed, but the sensor "
            "'T-1' is bound to it; move or remove the sensor first");
  EXPECT_EQ(Rooms(id).size(), 3u);
  EXPECT_EQ(AuditCount(), audit);
}

TEST_P(ImportServiceTest, FloorTierOnlyWhenItsColumnIsThere) {
  const std::string with_tier =
      "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
      "heating_status,phone,id_number,rooms,floor_tier\n"
      "B-02,U1,H-1801,,90,18,sun,area,,heated,,,bedroom:主卧;living:客厅,middle\n";
  ASSERT_TRUE(Import(with_tier).ok());
  EXPECT_EQ(std::get<std::string>(Household("H-1801").fields.at("floor_tier")), "middle");
  // Without the column the tier stays; the row is otherwise the same: unchanged.
  auto without =
      Import(kHeader + "B-02,U1,H-1801,,90,18,sun,area,,heated,,,bedroom:主卧;living:客厅\n");
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->unchanged, 1);
  EXPECT_EQ(std::get<std::string>(Household("H-1801").fields.at("floor_tier")), "middle");
  // An empty cell clears it.
  auto c = Import(Replaced(with_tier, ",middle\n", ",\n"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->updated, 1);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(Household("H-1801").fields.at("floor_tier")));
}

TEST_P(ImportServiceTest, TheCompanyIsFoundWithinTheCallersScope) {
  auto unknown = Import(kThree, "c9");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "company");
  // A company-scoped caller cannot import into another company: it does not see it.
  auto foreign = Import(kThree, "c2", {c1_, std::nullopt});
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
  auto own = Import(kThree, "c2", {c2_, std::nullopt});
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(own->created, 3);
  // The same codes in another company are other households.
  ASSERT_TRUE(Import(kThree, "c1").ok());
  EXPECT_EQ(All("households").size(), 6u);
  EXPECT_EQ(std::get<int64_t>(Household("H-101", c2_).fields.at("partition_id")),
            (partitions_[{c2_, "B-01", 1}]));
}

TEST_P(ImportServiceTest, AFileThatIsNoTableIsOneErrorAndWritesNothing) {
  auto counts = Import("code,area\nH-1,80\n");
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(counts.error().message.find("line 1, column 2 (area): unknown column"),
            std::string::npos)
      << counts.error().message;
  EXPECT_EQ(AuditCount(), audit_base_);
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services
