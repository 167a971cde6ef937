// ctest-labels: e2e
// POST /api/v1/import/households end to end: a real `hearth serve`, users added with
// `hearth user add`, the CSV as the body.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::ServerProcess;
using support::TempDir;

using support::Bearer;
using support::Fetch;
using Reply = support::TestResponse;

const std::string kFile =
    "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
    "heating_status,phone,id_number,rooms\n"
    "B-01,U1,H-101,,85.55,1,sun,area,,heated,13812345678,,bedroom:主卧;living:客厅\n"
    "B-01,U1,H-102,,72.3,2,shade,area,,heated,,,bedroom:主卧;living:客厅\n";

class ImportApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "h.db";
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      for (const char* code : {"c1", "c2"}) MakeCompany(records, code);
    }
    for (auto [user, role, company] :
         {std::tuple{"root", "admin", ""}, std::tuple{"li", "agent", "c1"},
          std::tuple{"wang", "agent", "c2"}, std::tuple{"zhao", "technician", "c1"}}) {
      auto add = support::AddUser(db_, user, role, company);
      ASSERT_EQ(add.exit_code, 0) << add.err;
    }
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(support::ServeArgs(db_, port_));
    ASSERT_TRUE(support::WaitForHealthz(port_)) << "hearth serve did not start";
  }

  static void MakeCompany(adapters::storage::SqlRecordStore& records, const std::string& code) {
    auto make = [&](const char* resource, const ports::Fields& fields) {
      auto rec = records.Create(*model::FindResource(resource), fields, {}, "setup");
      EXPECT_TRUE(rec.ok()) << resource;
      return rec.ok() ? rec->id : 0;
    };
    int64_t d = make("districts", {{"code", "d-" + code}, {"name", "D"}, {"city", "威海市"},
                                   {"policy", "weihai"}});
    int64_t c = make("companies", {{"code", code}, {"name", "C"}, {"policy", "weihai"}});
    int64_t src = make("heat_sources",
                       {{"company_id", c}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec = make("network_sections", {{"company_id", c}, {"heat_source_id", src},
                                            {"code", "n"}, {"name", "n"}});
    int64_t sub = make("substations", {{"company_id", c}, {"network_section_id", sec},
                                       {"code", "s"}, {"name", "s"}});
    int64_t b = make("buildings", {{"company_id", c}, {"district_id", d}, {"substation_id", sub},
                                   {"code", "B-01"}, {"community", "X"}, {"floors", int64_t{6}}});
    make("partitions", {{"company_id", c}, {"building_id", b}, {"code", "U1"}});
  }

  std::string Login(const std::string& user) {
    auto r = Fetch(port_, "POST", "/api/v1/auth/login",
                  nlohmann::json{{"username", user}, {"password", "s3cret-pass-24"}}.dump());
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? r.Json()["token"].get<std::string>() : "";
  }
  Reply Import(const std::string& token, const std::string& query = "?company=c1",
               const std::string& body = kFile, const std::string& type = "text/csv") {
    return Fetch(port_, "POST", "/api/v1/import/households" + query, body, Bearer(token), type);
  }
  int64_t Households() {
    auto conn = adapters::storage::Connect(db_, false);
    return (*conn)->Query("SELECT COUNT(*) FROM households")->Int(0, 0);
  }

  TempDir dir_;
  std::string db_;
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ImportApiTest, ImportsAndReimports) {
  const std::string token = Login("li");  // an agent of c1
  auto first = Import(token);
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.body, R"({"created":2,"updated":0,"unchanged":0})");
  auto again = Import(token);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.body, R"({"created":0,"updated":0,"unchanged":2})");
  std::string changed = kFile;
  changed.replace(changed.find(",heated,,,"), 10, ",stopped,,,");
  auto update = Import(token, "?company=c1", changed);
  ASSERT_EQ(update.status, 200u) << update.body;
  EXPECT_EQ(update.body, R"({"created":0,"updated":1,"unchanged":1})");
  // The audit log names the user.
  auto conn = adapters::storage::Connect(db_, false);
  auto rows = (*conn)->Query(
      "SELECT actor, action FROM audit_log WHERE resource = 'households' ORDER BY id DESC LIMIT 1");
  EXPECT_EQ(rows->Text(0, 0), "li");
  EXPECT_EQ(rows->Text(0, 1), "update");
}

TEST_F(ImportApiTest, ABadFileIs400WithEveryProblem) {
  const std::string token = Login("root");
  const std::string bad = kFile + "B-02,U1,H-103,,70,1,sun,area,,heated,,,bedroom:主卧\n" +
                          "B-01,U1,H-104,,70,1,sun,area,,heated,,,bedroom:主卧;bedroom:主卧\n";
  auto r = Import(token, "?company=c1", bad);
  ASSERT_EQ(r.status, 400u) << r.body;
  auto e = r.Json()["error"];
  EXPECT_EQ(e["code"], "invalid_argument");
  EXPECT_EQ(e["field"], "line 4");
  EXPECT_EQ(e["message"],
            "the file has 2 problems; nothing was imported:\n"
            "line 4, column 1 (building): no building 'B-02' in company 'c1'\n"
            "line 5, column 13 (rooms): room 2: the name '主卧' is also room 1");
  EXPECT_EQ(Households(), 0);
}

TEST_F(ImportApiTest, WhoMayImportWhere) {
  struct Case {
    const char* name;
    std::string user;  // "" for no token
    std::string query;
    std::string type;
    unsigned status;
    std::string message;  // a part of the error message
  };
  const Case cases[] = {
      {"no token", "", "?company=c1", "text/csv", 401, "missing bearer token"},
      {"a technician writes no households", "zhao", "?company=c1", "text/csv", 403,
       "role technician may not change households"},
      {"another company's agent does not see c1", "wang", "?company=c1", "text/csv", 404,
       "no company with code 'c1'"},
      {"no company", "root", "", "text/csv", 400, "missing query parameter company"},
      {"unknown parameter", "root", "?company=c1&dry_run=1", "text/csv", 400, "dry_run"},
      {"a JSON body (issue 12: 415)", "root", "?company=c1", "application/json", 415,
       "the body's Content-Type application/json is not taken here; send text/csv"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Import(c.user.empty() ? "" : Login(c.user), c.query, kFile, c.type);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_NE(r.Json()["error"]["message"].get<std::string>().find(c.message), std::string::npos)
        << r.body;
  }
  EXPECT_EQ(Households(), 0);
  // c2's agent imports into c2.
  auto own = Import(Login("wang"), "?company=c2");
  EXPECT_EQ(own.status, 200u) << own.body;
  EXPECT_EQ(Households(), 2);
}

}  // namespace
}  // namespace hearth::e2e
