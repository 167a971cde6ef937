// ctest-labels: e2e
// POST /api/v1/readings and GET /api/v1/sensors/{code}/readings end to end: a real `hearth serve`,
// users added with `hearth user add`, JSON and CSV batches.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/storage/migrations.hpp"
#include "core/civil_time.hpp"
#include "support/test_client.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::e2e {
namespace {

using nlohmann::json;
using support::ServerProcess;
using support::TempDir;

using support::Bearer;
using support::Fetch;
using Reply = support::TestResponse;

// The time of the readings below: well in the past, so never "in the future".
const std::string kTs = "2025-12-01T08:00:00+08:00";

class ReadingsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "h.db";
    {
      auto conn = adapters::storage::Connect(db_);
      ASSERT_TRUE(conn.ok());
      ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
      adapters::storage::SqlRecordStore records(std::move(*conn));
      c1_ = support::MakeSensorCity(records, "c1", 3, "A-");
      c2_ = support::MakeSensorCity(records, "c2", 1, "B-");
    }
    const std::string h1 = std::to_string(c1_.household_id);
    for (auto [user, role, company, household] :
         {std::tuple{"root", "admin", "", ""}, std::tuple{"li", "manager", "c1", ""},
          std::tuple{"zhao", "technician", "c1", ""}, std::tuple{"gov", "regulator", "", ""},
          std::tuple{"home", "household", "", h1.c_str()}}) {
      auto add = support::AddUser(db_, user, role, company, household);
      ASSERT_EQ(add.exit_code, 0) << add.err;
    }
    port_ = support::FreePort();
    server_ = std::make_unique<ServerProcess>(support::ServeArgs(db_, port_));
    ASSERT_TRUE(support::WaitForHealthz(port_)) << "hearth serve did not start";
  }

  std::string Login(const std::string& user) {
    auto r = Fetch(port_, "POST", "/api/v1/auth/login",
                   json{{"username", user}, {"password", "s3cret-pass-24"}}.dump());
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? r.Json()["token"].get<std::string>() : "";
  }
  Reply Post(const std::string& token, const std::string& body,
             const std::string& type = "application/json") {
    return Fetch(port_, "POST", "/api/v1/readings", body, Bearer(token), type);
  }
  // A sensor is named by its code in the path, as devices name it.
  Reply Readings(const std::string& token, const std::string& sensor,
                 const std::string& query =
                     "?from=2025-12-01T00:00:00%2B08:00&to=2025-12-02T00:00:00%2B08:00") {
    return Fetch(port_, "GET", "/api/v1/sensors/" + sensor + "/readings" + query, "",
                 Bearer(token));
  }
  int64_t Stored() {
    auto conn = adapters::storage::Connect(db_, false);
    return (*conn)->Query("SELECT COUNT(*) FROM readings")->Int(0, 0);
  }

  TempDir dir_;
  std::string db_;
  support::SensorCity c1_, c2_;
  uint16_t port_ = 0;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ReadingsApiTest, JsonBatchAcceptedDuplicateAndRejected) {
  const std::string token = Login("root");
  const std::string batch = R"([
    {"sensor":"A-0","ts":"2025-12-01T08:00:00+08:00","value":18.2},
    {"sensor":"A-0","ts":"2025-12-01T08:05:00+08:00","value":18.25},
    {"sensor":"A-0","ts":"2025-12-01T00:00:00Z","value":30},
    {"sensor":"A-9","ts":"2025-12-01T08:00:00+08:00","value":18.2},
    {"sensor":"A-1","ts":"2025-12-01 08:00","value":18.2},
    {"sensor":"A-1","ts":"2025-12-01T08:00:00+08:00","value":95},
    {"sensor":"A-1","ts":"2999-01-01T00:00:00+08:00","value":18},
    {"sensor":"B-0","ts":"2025-12-01T08:00:00+08:00","value":-3.5}
  ])";
  auto r = Post(token, batch);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.body,
            R"({"accepted":3,"duplicate":0,"conflicting":1,"quarantined":1,"rejected":[)"
            R"({"index":3,"sensor":"A-9","reason":"unknown sensor"},)"
            R"j({"index":4,"sensor":"A-1","reason":"malformed time (expected RFC 3339, e.g. )j"
            R"j(2025-12-01T08:00:00+08:00)"},)j"
            R"({"index":5,"sensor":"A-1","reason":"value out of range [-50.00, 80.00]"},)"
            R"({"index":6,"sensor":"A-1","reason":"time in the future","quarantined":true}]})");
  // Re-sent: nothing new, and the first value of a key stays; the other value is conflicting
  // again (issue 12), never a silent duplicate.
  auto again = Post(token, batch);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.Json()["accepted"], 0);
  EXPECT_EQ(again.Json()["duplicate"], 3);
  EXPECT_EQ(again.Json()["conflicting"], 1);
  EXPECT_EQ(Stored(), 3);

  auto got = Readings(token, "A-0");
  ASSERT_EQ(got.status, 200u) << got.body;
  EXPECT_EQ(got.body, R"({"items":[{"ts":"2025-12-01T08:00:00+08:00","value":18.2},)"
                      R"({"ts":"2025-12-01T08:05:00+08:00","value":18.25}],"next_cursor":null})");
  auto other = Readings(token, "B-0");
  ASSERT_EQ(other.status, 200u) << other.body;
  EXPECT_EQ(other.body,
            R"({"items":[{"ts":"2025-12-01T08:00:00+08:00","value":-3.5}],"next_cursor":null})");
}

TEST_F(ReadingsApiTest, CsvBatchFromCompanyStaff) {
  const std::string token = Login("zhao");  // a technician of c1
  auto r = Post(token,
                "sensor,ts,value\n"
                "A-2,2025-12-01T08:00:00+08:00,17.95\n"
                "A-2,2025-12-01T09:00:00+08:00,warm\n"
                "B-0,2025-12-01T08:00:00+08:00,18\n",  // c2's sensor: unknown to c1's staff
                "text/csv");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.body, R"({"accepted":1,"duplicate":0,"conflicting":0,"quarantined":0,"rejected":[)"
                    R"({"index":1,"sensor":"A-2","reason":"value is not a number"},)"
                    R"({"index":2,"sensor":"B-0","reason":"unknown sensor"}]})");
  auto got = Readings(token, "A-2");
  ASSERT_EQ(got.status, 200u) << got.body;
  EXPECT_EQ(got.body,
            R"({"items":[{"ts":"2025-12-01T08:00:00+08:00","value":17.95}],"next_cursor":null})");
}

// Issue 18, item 5: a batch of which nothing was taken answers 422 with the same body as a 200,
// so that a device is told; a reading timed more than 300 s ahead of the server's clock is
// rejected and kept in quarantine (GET /api/v1/sensors/{code}/quarantine).
TEST_F(ReadingsApiTest, ABatchOfWhichNothingIsTakenIs422) {
  const std::string token = Login("li");
  const std::string ahead = FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) +
      std::chrono::hours(2));
  auto reading = [](const std::string& sensor, const std::string& ts, const std::string& value) {
    return R"({"sensor":")" + sensor + R"(","ts":")" + ts + R"(","value":)" + value + "}";
  };
  struct Case {
    const char* name;
    std::string body;
    unsigned status;
    std::string answer;  // the whole body
  };
  const Case cases[] = {
      {"a fast clock only", "[" + reading("A-0", ahead, "18.5") + "]", 422,
       R"({"accepted":0,"duplicate":0,"conflicting":0,"quarantined":1,"rejected":[)"
       R"({"index":0,"sensor":"A-0","reason":"time in the future","quarantined":true}]})"},
      {"unknown sensors only", "[" + reading("B-0", kTs, "18.5") + "]", 422,
       R"({"accepted":0,"duplicate":0,"conflicting":0,"quarantined":0,"rejected":[)"
       R"({"index":0,"sensor":"B-0","reason":"unknown sensor"}]})"},
      {"one good reading among them",
       "[" + reading("A-0", ahead, "18.5") + "," + reading("A-0", kTs, "18.5") + "]", 200,
       R"({"accepted":1,"duplicate":0,"conflicting":0,"quarantined":1,"rejected":[)"
       R"({"index":0,"sensor":"A-0","reason":"time in the future","quarantined":true}]})"},
      {"a duplicate is taken", "[" + reading("A-0", kTs, "18.5") + "]", 200,
       R"({"accepted":0,"duplicate":1,"conflicting":0,"quarantined":0,"rejected":[]})"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Post(token, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.body, c.answer);
  }
  EXPECT_EQ(Stored(), 1);

  auto quarantine = [&](const std::string& user) {
    return Fetch(port_, "GET", "/api/v1/sensors/A-0/quarantine", "", Bearer(Login(user)));
  };
  auto kept = quarantine("li");
  ASSERT_EQ(kept.status, 200u) << kept.body;
  json items = kept.Json()["items"];
  ASSERT_EQ(items.size(), 1u) << kept.body;  // sent twice, kept once
  EXPECT_EQ(items[0]["ts"], ahead);
  EXPECT_EQ(items[0]["value"], 18.5);
  EXPECT_EQ(items[0]["reason"], "time in the future");
  EXPECT_EQ(items[0]["source"], "http");
  EXPECT_GT(items[0]["ahead_seconds"].get<int64_t>(), 7000);
  EXPECT_TRUE(kept.Json()["next_cursor"].is_null());
  EXPECT_EQ(Fetch(port_, "GET", "/api/v1/sensors/B-0/quarantine", "", Bearer(token)).status,
            404u);  // another company's sensor
}

TEST_F(ReadingsApiTest, MalformedBodiesAre400AndWriteNothing) {
  const std::string token = Login("li");
  struct Case {
    const char* name;
    std::string body;
    std::string type;
    std::string message;  // the start of the error message
  };
  const std::string good = R"({"sensor":"A-0","ts":")" + kTs + R"(","value":18.2})";
  const Case cases[] = {
      {"broken JSON after a good element", "[" + good + ",{\"sensor\":]", "application/json",
       "line 1, column"},
      {"unknown field", "[" + good + R"(,{"sensor":"A-0","ts":"x","value":1,"unit":"C"}])",
       "application/json", "element 1: unknown field \"unit\""},
      {"not an array", good, "application/json", "the body must be a JSON array"},
      {"bad CSV", "sensor,ts,value\nA-0," + kTs + ",18.2\nA-0\n", "text/csv",
       "line 3, column 2: expected 3 fields, found 1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Post(token, c.body, c.type);
    ASSERT_EQ(r.status, 400u) << r.body;
    EXPECT_EQ(r.Json()["error"]["code"], "invalid_argument");
    EXPECT_EQ(r.Json()["error"]["message"].get<std::string>().rfind(c.message, 0), 0u) << r.body;
  }
  // Issue 12: another media type is 415, naming the ones taken.
  auto xml = Post(token, "A-0 18.2", "application/xml");
  ASSERT_EQ(xml.status, 415u) << xml.body;
  EXPECT_EQ(xml.Json()["error"]["code"], "unsupported_media_type");
  EXPECT_EQ(xml.Json()["error"]["message"],
            "the body's Content-Type application/xml is not taken here; send application/json or "
            "text/csv");
  EXPECT_EQ(Stored(), 0);
}

TEST_F(ReadingsApiTest, WhoMaySendAndRead) {
  const std::string body = R"([{"sensor":"A-0","ts":")" + kTs + R"(","value":18.2}])";
  EXPECT_EQ(Post("", body).status, 401u);
  for (const char* user : {"gov", "home"}) {
    SCOPED_TRACE(user);
    auto r = Post(Login(user), body);
    EXPECT_EQ(r.status, 403u) << r.body;
    EXPECT_NE(r.body.find("may not send readings"), std::string::npos) << r.body;
  }
  EXPECT_EQ(Stored(), 0);
  ASSERT_EQ(Post(Login("li"), body).status, 200u);

  struct Case {
    const char* user;
    std::string sensor;
    unsigned status;
  };
  const Case cases[] = {
      {"", "A-0", 401},
      {"root", "A-0", 200},
      {"gov", "A-0", 200},
      {"li", "A-0", 200},
      {"home", "A-0", 200},  // its own household's sensor
      {"li", "B-0", 404},
      {"home", "B-0", 404},
      {"root", "X-9", 404},
      // The path takes the code, not the record's id.
      {"root", std::to_string(c1_.sensor_ids[0]), 404},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.user) + " reads sensor " + c.sensor);
    auto r = Readings(*c.user ? Login(c.user) : "", c.sensor);
    EXPECT_EQ(r.status, c.status) << r.body;
    if (c.status == 200) {
      EXPECT_EQ(r.Json()["items"].size(), 1u) << r.body;
    }
  }
}

TEST_F(ReadingsApiTest, ReadingWindows) {
  const std::string token = Login("root");
  std::string batch = "sensor,ts,value\n";
  for (int h = 0; h < 24; ++h) {
    batch += "A-0,2025-12-01T" + std::string(h < 10 ? "0" : "") + std::to_string(h) +
             ":00:00+08:00,18." + std::to_string(h % 10) + "\n";
  }
  ASSERT_EQ(Post(token, batch, "text/csv").Json()["accepted"], 24);
  struct Case {
    const char* name;
    std::string query;
    unsigned status;
    size_t items;
  };
  const Case cases[] = {
      {"a day", "?from=2025-12-01T00:00:00%2B08:00&to=2025-12-02T00:00:00%2B08:00", 200, 24},
      {"to is exclusive", "?from=2025-12-01T00:00:00Z&to=2025-12-01T02:00:00Z", 200, 2},
      {"from alone: 24 hours", "?from=2025-12-01T12:00:00%2B08:00", 200, 12},
      {"the default: the last 24 hours", "", 200, 0},
      {"bad time", "?from=yesterday", 400, 0},
      {"reversed", "?from=2025-12-02T00:00:00Z&to=2025-12-01T00:00:00Z", 400, 0},
      {"too wide", "?from=2025-10-01T00:00:00Z&to=2025-12-01T00:00:00Z", 400, 0},
      {"unknown parameter", "?size=5", 400, 0},
      {"a page", "?from=2025-12-01T00:00:00%2B08:00&limit=5", 200, 5},
      {"limit too large", "?limit=10081", 400, 0},
      {"limit zero", "?limit=0", 400, 0},
      {"a cursor that is not one", "?cursor=abc", 400, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Readings(token, "A-0", c.query);
    ASSERT_EQ(r.status, c.status) << r.body;
    if (c.status == 200) {
      EXPECT_EQ(r.Json()["items"].size(), c.items) << r.body;
    }
  }
}

// A day of hourly readings, five a page: the cursor walks the window without a gap or a repeat,
// and the last page says there is no more.
TEST_F(ReadingsApiTest, ReadingsArePagedWithACursor) {
  const std::string token = Login("root");
  std::string batch = "sensor,ts,value\n";
  for (int h = 0; h < 24; ++h) {
    batch += "A-0,2025-12-01T" + std::string(h < 10 ? "0" : "") + std::to_string(h) +
             ":00:00+08:00,18.0\n";
  }
  ASSERT_EQ(Post(token, batch, "text/csv").Json()["accepted"], 24);
  const std::string window = "?from=2025-12-01T00:00:00%2B08:00&to=2025-12-02T00:00:00%2B08:00";
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto r =
        Readings(token, "A-0", window + "&limit=5" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto body = r.Json();
    for (const auto& item : body["items"]) seen.push_back(item["ts"].get<std::string>());
    cursor = body["next_cursor"].is_null() ? "" : body["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 5);  // 5 + 5 + 5 + 5 + 4
  ASSERT_EQ(seen.size(), 24u);
  EXPECT_EQ(seen.front(), "2025-12-01T00:00:00+08:00");
  EXPECT_EQ(seen.back(), "2025-12-01T23:00:00+08:00");
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

}  // namespace
}  // namespace hearth::e2e
