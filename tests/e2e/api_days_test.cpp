// ctest-labels: e2e pg
// Judging days end to end on a real `hearth serve`, on SQLite and on PostgreSQL: readings in
// through POST /api/v1/readings, days out of GET /api/v1/households/{id}/days (R-TEMP-1..5,
// R-REFUND-1, -5), outdoor means, manual measurements, a late reading re-opening its day, scopes,
// and alerts.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::RunHearth;
using support::ServerProcess;
using support::TempDir;

using support::Bearer;
using support::Fetch;
using Reply = support::TestResponse;

// `hours` readings of `sensor`, one at hh:10 of each of the first hours of local day `date`.
json Hours(const std::string& sensor, const std::string& date, double value, int hours = 24) {
  json batch = json::array();
  for (int h = 0; h < hours; ++h) {
    char ts[40];
    std::snprintf(ts, sizeof ts, "%sT%02d:10:00+08:00", date.c_str(), h);
    batch.push_back({{"sensor", sensor}, {"ts", ts}, {"value", value}});
  }
  return batch;
}

// A manual measurement (R-TEMP-4) by glass thermometer, three readings 3 min apart from `first`.
// A signed or refused one carries the household's signature recorded on the device (R-TEMP-4).
json Measurement(int64_t household, Instant first, double value, const std::string& signature) {
  json readings = json::array();
  for (int i = 0; i < 3; ++i) {
    readings.push_back(
        {{"at", FormatLocal(first + std::chrono::minutes(3 * i))}, {"value", value}});
  }
  json m{{"household_id", household}, {"room", "主卧"},         {"instrument", "glass-thermometer"},
         {"resolution", 0.1},         {"system_running", true}, {"environment", "overcast"},
         {"closed_minutes", 40},      {"readings", readings},   {"radiators_uncovered", true},
         {"shielded", true},          {"at_room_centre", true}, {"height_cm", 150},
         {"inspector_still", true},   {"signature", signature}, {"third_party", false}};
  if (signature != "pending") {
    m["signature_record"] = {
        {"by", "户主"}, {"at", FormatLocal(first + std::chrono::minutes(10))}, {"via", "device"}};
  }
  return m;
}

class DaysApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = GetParam() == "postgres" ? support::PostgresCluster::Shared().CreateDatabase()
                                   : dir_ / "h.db";
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      c1_ = support::MakeSensorCity(records, "c1", 2, "A-");
      c2_ = support::MakeSensorCity(records, "c2", 1, "B-");
      auto h = records.Get(*model::FindResource("households"), c1_.household_id, {});
      auto p = records.Get(*model::FindResource("partitions"),
                           std::get<int64_t>(h->fields["partition_id"]), {});
      auto b = records.Get(*model::FindResource("buildings"),
                           std::get<int64_t>(p->fields["building_id"]), {});
      district_ = std::get<int64_t>(b->fields["district_id"]);
      // A season record around today, so that "today" is judged whatever the date of the run;
      // it also holds the profile's default dates (11-15 … 03-15) of its start year, which the
      // 2025-12 days below use.
      const Date today = LocalDate(Now());
      const int start_year = MonthOf(today) >= 7 ? YearOf(today) : YearOf(today) - 1;
      const Date start = std::min(today - std::chrono::days{5}, *MakeDate(start_year, 11, 15));
      const Date end = std::max(today + std::chrono::days{5}, *MakeDate(start_year + 1, 3, 15));
      auto s = records.Create(*model::FindResource("seasons"),
                              {{"district_id", district_},
                               {"season", int64_t{start_year}},
                               {"official_start", FormatDate(start)},
                               {"official_end", FormatDate(end)}},
                              {}, "setup");
      ASSERT_TRUE(s.ok()) << s.error().message;
    }
    const std::string h1 = std::to_string(c1_.household_id);
    for (auto [user, role, company, household] :
         {std::tuple{"root", "admin", "", ""}, std::tuple{"li", "manager", "c1", ""},
          std::tuple{"zhao", "technician", "c1", ""}, std::tuple{"wang", "manager", "c2", ""},
          std::tuple{"gov", "regulator", "", ""},
          std::tuple{"home", "household", "", h1.c_str()}}) {
      auto add = support::AddUser(db_, user, role, company, household);
      ASSERT_EQ(add.exit_code, 0) << add.err;
    }
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(support::ServeArgs(db_, port_));
    ASSERT_TRUE(support::WaitForHealthz(port_)) << "hearth serve did not start";
    for (const char* user : {"root", "li", "zhao", "wang", "gov", "home"}) {
      auto r = Fetch(port_, "POST", "/api/v1/auth/login",
                     json{{"username", user}, {"password", support::kTestPassword}}.dump());
      ASSERT_EQ(r.status, 200u) << r.body;
      tokens_[user] = r.Json()["token"].get<std::string>();
    }
  }

  static Instant Now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }

  Reply Call(const std::string& user, const std::string& method, const std::string& target,
             const std::string& body = "", const std::string& type = "application/json") {
    return Fetch(port_, method, target, body, Bearer(user.empty() ? "" : tokens_.at(user)), type);
  }
  void PostReadings(const json& batch) {
    auto r = Call("root", "POST", "/api/v1/readings", batch.dump());
    ASSERT_EQ(r.status, 200u) << r.body;
    ASSERT_EQ(r.Json()["accepted"], batch.size()) << r.body;
  }
  Reply Days(const std::string& user, int64_t household, const std::string& from,
             const std::string& to) {
    return Call(
        user, "GET",
        "/api/v1/households/" + std::to_string(household) + "/days?from=" + from + "&to=" + to);
  }
  // The days of c1's household, as its own user sees them.
  json Items(const std::string& from, const std::string& to) {
    auto r = Days("home", c1_.household_id, from, to);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? r.Json()["items"] : json::array();
  }

  TempDir dir_;
  std::string db_;
  support::SensorCity c1_, c2_;
  int64_t district_ = 0;
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, std::string> tokens_;
};

TEST_P(DaysApiTest, ReadingsInDaysJudgedExemptAndLate) {
  PostReadings(Hours("A-0", "2025-12-01", 17.5));
  PostReadings(Hours("A-0", "2025-12-02", 18.5));
  PostReadings(Hours("A-0", "2025-12-03", 15.0));
  PostReadings(Hours("A-0", "2025-12-04", 19.0, 19));  // 19 valid hours: the day does not count
  json items = Items("2025-12-01", "2025-12-04");
  ASSERT_EQ(items.size(), 4u);
  struct Case {
    const char* date;
    json value;
    const char* status;
    int share;
    const char* source;
  };
  const Case cases[] = {
      {"2025-12-01", 17.5, "unqualified", 20, "remote"},
      {"2025-12-02", 18.5, "qualified", 0, "remote"},
      {"2025-12-03", 15.0, "unqualified", 50, "remote"},
      {"2025-12-04", nullptr, "not-judged", 0, "none"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    const Case& c = cases[i];
    SCOPED_TRACE(c.date);
    const json& d = items[i];
    EXPECT_EQ(d["date"], c.date);
    EXPECT_EQ(d["value"], c.value);
    EXPECT_EQ(d["guarantee"], 18.0);
    EXPECT_EQ(d["status"], c.status);
    EXPECT_EQ(d["share_percent"], c.share);
    EXPECT_EQ(d["evidence"]["source"], c.source);
    EXPECT_FALSE(d["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(items[0]["reason"], "unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)");
  EXPECT_EQ(items[0]["evidence"]["room"], "主卧");
  EXPECT_EQ(items[0]["evidence"]["rooms"][0]["valid_hours"], 24);
  EXPECT_EQ(items[3]["evidence"]["rooms"][0]["valid_hours"], 19);

  // A cold day: the regulator posts the outdoor mean, -6.3 °C below the design -5.4 °C.
  auto w = Call("gov", "POST", "/api/v1/weather/daily",
                "district_id,date,mean\n" + std::to_string(district_) + ",2025-12-03,-6.3\n",
                "text/csv");
  ASSERT_EQ(w.status, 200u) << w.body;
  EXPECT_EQ(w.Json()["stored"], 1);
  auto read = Call("li", "GET",
                   "/api/v1/weather/daily?district_id=" + std::to_string(district_) +
                       "&from=2025-12-01&to=2025-12-31");
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.Json()["items"][0]["mean"], -6.3);
  items = Items("2025-12-03", "2025-12-03");
  EXPECT_EQ(items[0]["status"], "exempt");
  EXPECT_EQ(items[0]["share_percent"], 0);
  EXPECT_EQ(items[0]["outdoor_mean"], -6.3);
  EXPECT_EQ(
      Call("home", "POST", "/api/v1/weather/daily",
           json::array({{{"district_id", district_}, {"date", "2025-12-03"}, {"mean", 1}}}).dump())
          .status,
      403u);
  auto bad = Call(
      "li", "POST", "/api/v1/weather/daily",
      json::array({{{"district_id", district_ + 100}, {"date", "2025-12-03"}, {"mean", -6.35}}})
          .dump());
  EXPECT_EQ(bad.status, 400u) << bad.body;

  // Late readings for 2025-12-02 from a second sensor in the room: hourly means (18.5 + 10.0) /
  // 2, so the day re-opens and becomes 14.3 °C, 50 %.
  PostReadings(Hours("A-1", "2025-12-02", 10.0));
  items = Items("2025-12-02", "2025-12-02");
  EXPECT_EQ(items[0]["value"], 14.3);
  EXPECT_EQ(items[0]["status"], "unqualified");
  EXPECT_EQ(items[0]["share_percent"], 50);
}

TEST_P(DaysApiTest, ManualMeasurementsOpenAPeriodAndRejectionsNameTheRule) {
  for (const char* d : {"2025-12-04", "2025-12-05", "2025-12-06", "2025-12-07"}) {
    PostReadings(Hours("A-0", d, 19.0));
  }
  const Instant at = *ParseRfc3339("2025-12-05T10:00:00+08:00");
  auto m = Call("zhao", "POST", "/api/v1/measurements",
                Measurement(c1_.household_id, at, 16.0, "signed").dump());
  ASSERT_EQ(m.status, 201u) << m.body;
  EXPECT_EQ(m.Json()["value"], 16.0);
  EXPECT_EQ(m.Json()["evidence"], true);
  json items = Items("2025-12-04", "2025-12-06");
  EXPECT_EQ(items[0]["evidence"]["source"], "remote");
  EXPECT_EQ(items[1]["evidence"]["source"], "manual");
  EXPECT_EQ(items[1]["share_percent"], 20);
  EXPECT_EQ(items[2]["evidence"]["source"], "manual-period");
  EXPECT_EQ(items[2]["evidence"]["measured_on"], "2025-12-05");
  EXPECT_EQ(items[2]["evidence"]["measurement_id"], m.Json()["id"]);
  EXPECT_EQ(items[2]["value"], 16.0);
  EXPECT_EQ(items[2]["share_percent"], 20);

  // A qualified, pending measurement on 12-07 is no evidence until the household signs it.
  auto q = Call("zhao", "POST", "/api/v1/measurements",
                Measurement(c1_.household_id, at + std::chrono::days{2}, 18.6, "pending").dump());
  ASSERT_EQ(q.status, 201u) << q.body;
  EXPECT_EQ(q.Json()["evidence"], false);
  EXPECT_EQ(Items("2025-12-07", "2025-12-07")[0]["evidence"]["source"], "manual-period");
  const std::string id = std::to_string(q.Json()["id"].get<int64_t>());
  auto signed_ =
      Call("home", "PATCH", "/api/v1/measurements/" + id, json{{"signature", "signed"}}.dump());
  ASSERT_EQ(signed_.status, 200u) << signed_.body;
  json closed = Items("2025-12-07", "2025-12-07")[0];
  EXPECT_EQ(closed["evidence"]["source"], "manual");
  EXPECT_EQ(closed["status"], "qualified");
  EXPECT_EQ(
      Call("home", "PATCH", "/api/v1/measurements/" + id, json{{"overridden", true}}.dump()).status,
      403u);

  // R-TEMP-4: a gap of 4 min is rejected with the rule named; nothing is stored.
  json gap = Measurement(c1_.household_id, at, 16.0, "signed");
  gap["readings"][2]["at"] = FormatLocal(at + std::chrono::minutes(7));
  auto rejected = Call("zhao", "POST", "/api/v1/measurements", gap.dump());
  ASSERT_EQ(rejected.status, 400u) << rejected.body;
  EXPECT_EQ(rejected.Json()["error"]["code"], "invalid_argument");
  EXPECT_EQ(rejected.Json()["error"]["violations"][0]["check"], "gap");
  EXPECT_EQ(rejected.Json()["error"]["violations"][0]["rule"], "R-TEMP-4");
  auto list =
      Call("li", "GET", "/api/v1/measurements?household_id=" + std::to_string(c1_.household_id));
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.Json()["items"].size(), 2u);
  EXPECT_EQ(Call("home", "GET", "/api/v1/measurements").Json()["items"].size(), 2u);

  // Scope: another company's manager, and a household, may not record for c1's household.
  EXPECT_EQ(Call("wang", "POST", "/api/v1/measurements",
                 Measurement(c1_.household_id, at, 16.0, "signed").dump())
                .status,
            404u);
  EXPECT_EQ(Call("home", "POST", "/api/v1/measurements",
                 Measurement(c1_.household_id, at, 16.0, "signed").dump())
                .status,
            403u);
  EXPECT_EQ(
      Call("wang", "GET", "/api/v1/measurements?household_id=" + std::to_string(c1_.household_id))
          .status,
      404u);
}

TEST_P(DaysApiTest, WeatherImportFromTheCommandLine) {
  const std::string file = dir_ / "means.csv";
  std::ofstream(file) << "district_id,date,mean\n"
                      << district_ << ",2025-12-03,-7.0\n"
                      << district_ << ",2025-12-04,-5.4\n";
  auto run = RunHearth({"weather", "import", "--db", db_, file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("imported 2 outdoor daily means"), std::string::npos) << run.out;
  PostReadings(Hours("A-0", "2025-12-03", 15.0));
  PostReadings(Hours("A-0", "2025-12-04", 15.0));
  json items = Items("2025-12-03", "2025-12-04");
  EXPECT_EQ(items[0]["status"], "exempt");       // -7.0 < -5.4
  EXPECT_EQ(items[1]["status"], "unqualified");  // at the design mean: judged
  // A bad file: one line on stderr naming the line and column, exit 2, nothing stored.
  std::ofstream(file) << "district_id,date,mean\n" << district_ << ",2025-12-05,warm\n";
  auto bad = RunHearth({"weather", "import", "--db", db_, file});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("line 2, column 3 (mean)"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
}

TEST_P(DaysApiTest, ScopesOfDays) {
  const std::string c1 = std::to_string(c1_.household_id), c2 = std::to_string(c2_.household_id);
  struct Case {
    const char* user;
    std::string household;
    unsigned status;
  };
  const Case cases[] = {
      {"home", c1, 200}, {"home", c2, 404}, {"li", c1, 200},     {"li", c2, 404},
      {"wang", c1, 404}, {"wang", c2, 200}, {"gov", c1, 200},    {"root", c2, 200},
      {"zhao", c1, 200}, {"", c1, 401},     {"root", "x1", 404}, {"root", "99999", 404},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.user) + " " + c.household);
    auto r = Call(c.user, "GET",
                  "/api/v1/households/" + c.household + "/days?from=2025-12-01&to=2025-12-02");
    EXPECT_EQ(r.status, c.status) << r.body;
    if (r.status == 200) {
      EXPECT_EQ(r.Json()["items"].size(), 2u);
    }
  }
  EXPECT_EQ(Days("root", c1_.household_id, "2025-12-02", "2025-12-01").status, 400u);
  EXPECT_EQ(Days("root", c1_.household_id, "2024-01-01", "2025-12-01").status, 400u);
  EXPECT_EQ(Days("root", c1_.household_id, "2025-13-01", "2025-12-01").status, 400u);
}

TEST_P(DaysApiTest, Alerts) {
  const Instant now = Now();
  // its last reading (5 min ago) is 46.0 °C, outside [-10, 45]; A-1 was last heard 30 h
  // ago; c2's B-0 never sent a reading.
  PostReadings(json::array(
      {{{"sensor", "A-1"}, {"ts", FormatLocal(now - std::chrono::hours(30))}, {"value", 18}},
       {{"sensor", "A-0"}, {"ts", FormatLocal(now - std::chrono::minutes(5))}, {"value", 46.0}}}));
  // An unqualified signed measurement just now: today is unqualified (12.0 °C: 50 %).
  auto m =
      Call("zhao", "POST", "/api/v1/measurements",
           Measurement(c1_.household_id, now - std::chrono::minutes(20), 12.0, "signed").dump());
  ASSERT_EQ(m.status, 201u) << m.body;
  auto r = Call("li", "GET", "/api/v1/alerts");
  ASSERT_EQ(r.status, 200u) << r.body;
  // The companies' energy alerts (R-ENERGY-1: no dispatch report yesterday, in season) are
  // api_energy_test's; these are the households' and sensors'.
  auto energy = [](const json& a) { return a["kind"].get<std::string>().rfind("energy-", 0) == 0; };
  std::vector<std::string> got;
  const json body = r.Json();
  json first;  // the first of the households' and sensors'
  for (const auto& a : body["items"]) {
    if (energy(a)) continue;
    if (first.is_null()) first = a;
    got.push_back(a["kind"].get<std::string>() + " " +
                  (a["sensor"].is_null() ? a["household"].get<std::string>()
                                         : a["sensor"].get<std::string>()));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"unqualified H-101", "out-of-range A-0", "silent A-1"}))
      << r.body;
  EXPECT_EQ(first["details"]["share_percent"], 50);
  // Within 20 minutes after midnight (+08:00) the measurement was yesterday's: today carries it
  // as a period (R-REFUND-5), with the same share.
  const bool same_day = LocalDate(now - std::chrono::minutes(20)) == LocalDate(now);
  EXPECT_EQ(first["details"]["evidence"], same_day ? "manual" : "manual-period");

  // silent_hours applies; the regulator sees every company; households may not ask.
  auto all = Call("gov", "GET", "/api/v1/alerts?silent_hours=48");
  ASSERT_EQ(all.status, 200u) << all.body;
  int silent = 0;
  const json every = all.Json();
  for (const auto& a : every["items"]) silent += a["kind"] == "silent";
  EXPECT_EQ(silent, 1);  // B-0 only: A-1 was heard within 48 h
  auto c2 = Call("wang", "GET", "/api/v1/alerts");
  ASSERT_EQ(c2.status, 200u);
  std::vector<json> c2_items;
  const json c2_body = c2.Json();
  for (const auto& a : c2_body["items"]) {
    if (!energy(a)) c2_items.push_back(a);
  }
  ASSERT_EQ(c2_items.size(), 1u);
  EXPECT_EQ(c2_items[0]["sensor"], "B-0");
  EXPECT_EQ(Call("home", "GET", "/api/v1/alerts").status, 403u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/alerts?silent_hours=0").status, 400u);
}

INSTANTIATE_TEST_SUITE_P(Engines, DaysApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::e2e
