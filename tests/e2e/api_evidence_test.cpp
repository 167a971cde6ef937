// ctest-labels: e2e pg
// Evidence that holds up (issue 11), end to end on a real `hearth serve`, on SQLite and on
// PostgreSQL:
//   - a meter-billed and an area-billed household side by side: the same cold measurement
//     refunds one and not the other (R-REFUND-1, Z 2.4);
//   - a mid-season ledger run counts complete days only, says so, and cannot be approved;
//   - each company role trying to write weather, sign for a household, undercut the 18 °C
//     guarantee, or time a measurement in the future (building outside the licence:
//     api_record_checks_test.cpp);
//   - the regulator reading the audit log, masked as the record API masks it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/storage/record_store_sql.hpp"
#include "core/civil_time.hpp"
#include "support/test_api.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::TempDir;
using Reply = support::TestResponse;

// Today, yesterday and so on, local time, as the server sees them.
Date Today() { return LocalDate(std::chrono::time_point_cast<std::chrono::seconds>(
    std::chrono::system_clock::now())); }
std::string Day(int offset) { return FormatDate(Today() + std::chrono::days{offset}); }

class EvidenceApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = support::MigratedDatabase(GetParam(), dir_);
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      ASSERT_NO_THROW(MakeCity(records));
    }
    api_ = std::make_unique<support::ApiServer>(
        db_, std::vector<support::ApiUser>{{"root", "admin", "", ""},
                                           {"gov", "regulator", "", ""},
                                           {"li", "manager", "weihai-heat", ""},
                                           {"wang", "agent", "weihai-heat", ""},
                                           {"zhao", "technician", "weihai-heat", ""},
                                           {"home", "household", "", std::to_string(area_)}});
    ASSERT_TRUE(api_->started());
  }

  // One company in one district, two households side by side in one partition (one billed by
  // area, one by heat meter), each with a bedroom and a fee of 2,420.00 yuan for the 2025 season
  // (121 days: 20 yuan a day) and of 1,600.00 yuan for this test's current season, which the
  // district decided: from five days ago to ten days ahead (16 days: 100 yuan a day).
  void MakeCity(adapters::storage::SqlRecordStore& records) {
    auto make = [&](const char* resource, const ports::Fields& fields) {
      auto rec = records.Create(*model::FindResource(resource), fields, {}, "setup");
      if (!rec.ok()) throw std::runtime_error(std::string(resource) + ": " + rec.error().message);
      return rec->id;
    };
    district_ = make("districts",
                     {{"code", "hc"}, {"name", "环翠区"}, {"city", "威海市"}, {"policy", "weihai"}});
    company_ = make("companies", {{"code", "weihai-heat"}, {"name", "威海热电"}, {"policy", "weihai"}});
    make("licensed_districts", {{"company_id", company_}, {"district_id", district_}});
    const Date start = Today() - std::chrono::days{5};
    current_season_ = YearOf(start);
    make("seasons", {{"district_id", district_},
                     {"season", int64_t{current_season_}},
                     {"official_start", FormatDate(start)},
                     {"official_end", Day(10)}});
    int64_t src =
        make("heat_sources", {{"company_id", company_}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec = make("network_sections", {{"company_id", company_},
                                            {"heat_source_id", src},
                                            {"code", "n"},
                                            {"name", "n"}});
    int64_t sub = make("substations", {{"company_id", company_},
                                       {"network_section_id", sec},
                                       {"code", "s"},
                                       {"name", "s"}});
    int64_t b = make("buildings", {{"company_id", company_},
                                   {"district_id", district_},
                                   {"substation_id", sub},
                                   {"code", "B-01"},
                                   {"community", "阳光小区"},
                                   {"floors", int64_t{6}}});
    int64_t p = make("partitions", {{"company_id", company_}, {"building_id", b}, {"code", "U1"}});
    for (const char* billing : {"area", "meter"}) {
      int64_t h = make("households", {{"company_id", company_},
                                      {"partition_id", p},
                                      {"code", std::string("H-") + billing},
                                      {"area_m2", int64_t{8800}},
                                      {"floor", int64_t{2}},
                                      {"orientation", "sun"},
                                      {"billing", billing},
                                      {"heating_status", "heated"},
                                      {"phone", "13812345678"},
                                      {"id_number", "370602198001011234"}});
      (std::string(billing) == "area" ? area_ : meter_) = h;
      make("rooms", {{"household_id", h}, {"name", "主卧"}, {"kind", "bedroom"}});
      make("fees", {{"household_id", h},
                    {"season", int64_t{2025}},
                    {"amount", int64_t{242000}},
                    {"due_on", "2025-11-30"}});
      make("fees", {{"household_id", h},
                    {"season", int64_t{current_season_}},
                    {"amount", int64_t{160000}},
                    {"due_on", FormatDate(start)}});
    }
  }

  // A manual measurement of `celsius` in the bedroom, three readings from `first` (RFC 3339),
  // signed on the device when `signed_by` is given.
  static std::string Measurement(int64_t household, const std::string& first, double celsius,
                                 const char* signed_by = nullptr) {
    auto t0 = *ParseRfc3339(first);
    json readings = json::array();
    for (int i = 0; i < 3; ++i) {
      readings.push_back({{"at", FormatLocal(t0 + std::chrono::minutes(3 * i))}, {"value", celsius}});
    }
    json m{{"household_id", household}, {"room", "主卧"},
           {"instrument", "glass-thermometer"}, {"resolution", 0.1},
           {"system_running", true},        {"environment", "阴天，门窗关闭"},
           {"closed_minutes", 40},          {"readings", readings},
           {"radiators_uncovered", true},   {"shielded", true},
           {"at_room_centre", true},        {"height_cm", 150},
           {"inspector_still", true}};
    if (signed_by != nullptr) {
      m["signature"] = "signed";
      m["signature_record"] = {
          {"by", signed_by}, {"at", FormatLocal(t0 + std::chrono::minutes(10))}, {"via", "device"}};
    }
    return m.dump();
  }

  Reply Call(const std::string& user, const std::string& method, const std::string& target,
             const std::string& body = "") {
    return api_->Call(user, method, target, body);
  }
  json Entry(int64_t household, int season) {
    auto r = Call("root", "GET",
                  "/api/v1/refunds?season=" + std::to_string(season) +
                      "&household_id=" + std::to_string(household));
    EXPECT_EQ(r.status, 200u) << r.body;
    auto items = r.Json()["items"];
    EXPECT_EQ(items.size(), 1u) << r.body;
    return items.empty() ? json::object() : items[0];
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<support::ApiServer> api_;
  int64_t district_ = 0, company_ = 0, area_ = 0, meter_ = 0;
  int current_season_ = 0;
};

// R-REFUND-1 (Z 2.4): a signed 15.0 °C on 5 December 2025 opens a 50 % period to 15 March for
// both; the area-billed household is refunded 101 days × 50 % × 20 yuan, the meter-billed none.
TEST_P(EvidenceApiTest, AMeterBilledAndAnAreaBilledHouseholdSideBySide) {
  for (int64_t h : {area_, meter_}) {
    auto r = Call("zhao", "POST", "/api/v1/measurements",
                  Measurement(h, "2025-12-05T10:00:00+08:00", 15.0, "户主"));
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_EQ(r.Json()["signed"]["via"], "device");
    EXPECT_TRUE(r.Json()["evidence"].get<bool>());
  }
  ASSERT_EQ(Call("li", "POST", "/api/v1/refunds/runs", R"({"season":2025})").status, 200u);
  json area = Entry(area_, 2025), meter = Entry(meter_, 2025);
  EXPECT_EQ(area["refund_fen"], 101 * 1000);
  EXPECT_EQ(area["days"].size(), 101u);
  EXPECT_EQ(area["covered_to"], "2026-03-15");
  EXPECT_EQ(meter["refund_fen"], 0);
  EXPECT_TRUE(meter["days"].empty());
  auto days = Call("wang", "GET", "/api/v1/households/" + std::to_string(meter_) +
                                      "/days?from=2025-12-06&to=2025-12-06");
  ASSERT_EQ(days.status, 200u) << days.body;
  EXPECT_NE(days.body.find("billed by heat meter: no temperature share (Z 2.4)"),
            std::string::npos)
      << days.body;
}

// R-REFUND-5 with issue 11's decisions: a period opened three days ago runs to the season's
// end, but a run counts the complete days only, and its draft cannot be approved yet.
TEST_P(EvidenceApiTest, AMidSeasonLedgerRunCountsCompleteDaysOnly) {
  auto m = Call("wang", "POST", "/api/v1/measurements",
                Measurement(area_, Day(-3) + "T10:00:00+08:00", 15.0, "户主"));
  ASSERT_EQ(m.status, 201u) << m.body;
  auto run = Call("li", "POST", "/api/v1/refunds/runs",
                  json{{"season", current_season_}}.dump());
  ASSERT_EQ(run.status, 200u) << run.body;
  EXPECT_EQ(run.Json()["covered_to"], Day(-1));
  json e = Entry(area_, current_season_);
  EXPECT_EQ(e["covered_to"], Day(-1));
  EXPECT_EQ(e["season_end"], Day(10));
  EXPECT_EQ(e["days"].size(), 3u);
  EXPECT_EQ(e["refund_fen"], 3 * 5000);  // 3 days × 50 % × 100 yuan
  EXPECT_FALSE(e["overdue"].get<bool>());
  auto approve = Call("li", "PATCH", "/api/v1/refunds/" + std::to_string(e["id"].get<int64_t>()),
                      R"({"status":"approved"})");
  EXPECT_EQ(approve.status, 409u) << approve.body;
  EXPECT_NE(approve.body.find("approved after that day"), std::string::npos) << approve.body;
  EXPECT_EQ(Call("root", "GET", "/api/v1/refunds?overdue=true").Json()["items"].size(), 0u);
}

// The judged party never writes its own evidence unchecked: what each company role may do.
TEST_P(EvidenceApiTest, CompanyRolesCannotWriteTheEvidenceThatJudgesThem) {
  const std::string cold = json::array({{{"district_id", district_}, {"date", "2025-12-10"},
                                         {"mean", -25.0}}}).dump();
  // Weather: the manager's means are a submission; agents and technicians may not send any.
  auto submitted = Call("li", "POST", "/api/v1/weather/daily", cold);
  ASSERT_EQ(submitted.status, 202u) << submitted.body;
  EXPECT_EQ(Call("wang", "POST", "/api/v1/weather/daily", cold).status, 403u);
  EXPECT_EQ(Call("zhao", "POST", "/api/v1/weather/daily", cold).status, 403u);
  const std::string means = "/api/v1/weather/daily?district_id=" + std::to_string(district_) +
                            "&from=2025-12-01&to=2025-12-31";
  EXPECT_TRUE(Call("li", "GET", means).Json()["items"].empty());
  const int64_t id = submitted.Json()["ids"][0].get<int64_t>();
  const std::string confirm = "/api/v1/weather/submissions/" + std::to_string(id) + "/confirm";
  EXPECT_EQ(Call("li", "POST", confirm).status, 403u);
  auto confirmed = Call("gov", "POST", confirm);
  ASSERT_EQ(confirmed.status, 200u) << confirmed.body;
  EXPECT_EQ(confirmed.Json()["status"], "confirmed");
  ASSERT_EQ(Call("li", "GET", means).Json()["items"].size(), 1u);
  EXPECT_EQ(Call("gov", "POST", confirm).status, 409u);  // decided once

  // Signatures: staff record a pending measurement; only the household signs or refuses it.
  auto pending = Call("zhao", "POST", "/api/v1/measurements",
                      Measurement(area_, "2025-12-12T10:00:00+08:00", 16.0));
  ASSERT_EQ(pending.status, 201u) << pending.body;
  const std::string m = "/api/v1/measurements/" + std::to_string(pending.Json()["id"].get<int64_t>());
  json unsigned_body = json::parse(Measurement(area_, "2025-12-13T10:00:00+08:00", 16.0));
  unsigned_body["signature"] = "signed";
  auto no_record = Call("wang", "POST", "/api/v1/measurements", unsigned_body.dump());
  EXPECT_EQ(no_record.status, 400u);
  EXPECT_EQ(no_record.Json()["error"]["field"], "signature_record");
  for (const char* staff : {"li", "wang", "zhao", "root"}) {
    SCOPED_TRACE(staff);
    EXPECT_EQ(Call(staff, "PATCH", m, R"({"signature":"signed"})").status, 403u);
  }
  auto refused = Call("home", "PATCH", m, R"({"signature":"refused"})");
  ASSERT_EQ(refused.status, 200u) << refused.body;
  EXPECT_EQ(refused.Json()["signed"]["by"], "home");
  EXPECT_EQ(refused.Json()["signed"]["via"], "household-login");
  EXPECT_EQ(Call("wang", "PATCH", m, R"({"signature":"signed"})").status, 403u);
  EXPECT_EQ(Call("home", "PATCH", m, R"({"signature":"signed"})").status, 409u);  // final
  EXPECT_FALSE(Call("wang", "GET", "/api/v1/measurements?household_id=" + std::to_string(area_))
                   .Json()["items"][0]["evidence"]
                   .get<bool>());

  // Times: seven weeks ahead, and year 0001, are refused.
  const auto ahead = std::chrono::time_point_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now()) + std::chrono::weeks(7);
  auto future = Call("zhao", "POST", "/api/v1/measurements",
                     Measurement(area_, FormatLocal(ahead), 16.0));
  EXPECT_EQ(future.status, 400u) << future.body;
  EXPECT_EQ(future.Json()["error"]["field"], "readings[0].at");
  auto ancient = Call("zhao", "POST", "/api/v1/measurements",
                      Measurement(area_, "0001-12-12T10:00:00+08:00", 16.0));
  EXPECT_EQ(ancient.status, 400u) << ancient.body;

  // The guarantee: an agreed 15.0 °C is stored, but where 18 °C is guaranteed it stays 18 °C.
  const std::string household = "/api/v1/households/" + std::to_string(area_);
  for (const char* writer : {"li", "wang"}) {
    EXPECT_EQ(Call(writer, "PATCH", household, R"({"agreed_temp":15.0})").status, 200u);
  }
  EXPECT_EQ(Call("zhao", "PATCH", household, R"({"agreed_temp":15.0})").status, 403u);
  auto day = Call("wang", "GET", household + "/days?from=2025-12-12&to=2025-12-12");
  ASSERT_EQ(day.status, 200u) << day.body;
  EXPECT_EQ(day.Json()["items"][0]["guarantee"], 18.0) << day.body;
}

// W 12.1: the regulator reads who changed what, with phone and ID numbers masked as the record
// API masks them for it; the admin reads them in full.
TEST_P(EvidenceApiTest, TheRegulatorReadsTheAuditLogMasked) {
  ASSERT_EQ(Call("wang", "PATCH", "/api/v1/households/" + std::to_string(meter_),
                 R"({"phone":"13900001111"})")
                .status,
            200u);
  ASSERT_EQ(Call("li", "POST", "/api/v1/weather/daily",
                 json::array({{{"district_id", district_}, {"date", "2025-12-10"}, {"mean", -2.0}}})
                     .dump())
                .status,
            202u);
  auto gov = Call("gov", "GET", "/api/v1/audit?limit=5");
  ASSERT_EQ(gov.status, 200u) << gov.body;
  EXPECT_EQ(gov.body.find("13900001111"), std::string::npos) << gov.body;
  EXPECT_EQ(gov.body.find("370602198001011234"), std::string::npos) << gov.body;
  EXPECT_NE(gov.body.find("139****1111"), std::string::npos) << gov.body;
  const json items = gov.Json()["items"];
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(items[0]["resource"], "weather");
  EXPECT_EQ(items[0]["action"], "submit");
  EXPECT_EQ(items[0]["actor"], "li");
  EXPECT_EQ(items[1]["resource"], "households");
  EXPECT_EQ(items[1]["actor"], "wang");
  auto root = Call("root", "GET", "/api/v1/audit?limit=5");
  EXPECT_NE(root.body.find("13900001111"), std::string::npos);
  EXPECT_EQ(Call("li", "GET", "/api/v1/audit").status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Engines, EvidenceApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& engine) { return engine.param; });

}  // namespace
}  // namespace hearth::e2e
