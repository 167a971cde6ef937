// Long runs as jobs, in process (AddApiRoutes over a real SQLite database, and over a real
// PostgreSQL one; issue 14): a billing run and a refund run started as jobs answer 202 at once
// and end with the synchronous routes' answers, or with their errors naming the field; who may
// start and read them; every refusal of a bad request names its member; and a households import
// as a job.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/resources.hpp"
#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

class JobApi : public support::InProcessApi {
 protected:
  /// Starts a job as `user`, waits for it to end, and gives it as `user` reads it.
  json RunToEnd(const std::string& user, const json& body) {
    auto started = Call(user, "POST", "/api/v1/jobs", body.dump());
    EXPECT_EQ(started.status, 202u) << started.body;
    if (started.status != 202u) return json::object();
    const json job = json::parse(started.body);
    EXPECT_EQ(job["state"], "running");
    const std::string path = "/api/v1/jobs/" + std::to_string(job["id"].get<int64_t>());
    bool located = false;
    for (const auto& [name, value] : started.headers) located |= name == "Location" && value == path;
    EXPECT_TRUE(located);
    rt_->db->jobs.Drain();
    auto ended = Call(user, "GET", path);
    EXPECT_EQ(ended.status, 200u) << ended.body;
    return json::parse(ended.body);
  }
};

TEST_P(JobApi, ABillingRunAsAJobEndsWithItsErrorOrItsRun) {
  const json body = {{"kind", "billing-run"}, {"season", 2026}};
  const json refused = RunToEnd("li", body);
  EXPECT_EQ(refused["state"], "failed");
  EXPECT_EQ(refused["company_id"], a_.company_id);
  EXPECT_EQ(refused["params"], (json{{"company_id", a_.company_id}, {"season", 2026}}));
  EXPECT_EQ(refused["error"]["code"], "failed_precondition");
  EXPECT_EQ(refused["error"]["field"], "tariff");
  EXPECT_TRUE(refused["result"].is_null());
  EXPECT_FALSE(refused["finished_at"].is_null());

  auto tariff = rt_->db->records.Create(
      *model::FindResource("tariffs"),
      {{"company_id", a_.company_id}, {"name", "居民area"}, {"billing", "area"},
       {"price", int64_t{2600}}, {"valid_from", "2020-01-01"}, {"approval", "威价〔2020〕1号"}},
      {}, "setup");
  ASSERT_TRUE(tariff.ok());
  const json billed = RunToEnd("li", body);
  EXPECT_EQ(billed["state"], "succeeded") << billed.dump();
  EXPECT_EQ(billed["percent"], 100);
  EXPECT_EQ(billed["done"], billed["total"]);
  EXPECT_GE(billed["total"].get<int64_t>(), 1);
  EXPECT_EQ(billed["started_by"], "li");
  EXPECT_EQ(billed["result"]["issued"], 1);
  EXPECT_EQ(billed["result"]["total"], "2224.30");  // as POST /api/v1/billing-runs answers
  EXPECT_EQ(billed["result"]["finished"], true);
  EXPECT_TRUE(billed["error"].is_null());

  // Read by the company's staff, the admin and the regulator; not by another company or a
  // household.
  const std::string path = "/api/v1/jobs/" + std::to_string(billed["id"].get<int64_t>());
  EXPECT_EQ(Call("zhao", "GET", path).status, 200u);
  EXPECT_EQ(Call("root", "GET", path).status, 200u);
  EXPECT_EQ(Call("gov", "GET", path).status, 200u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(Call("home", "GET", path).status, 404u);
  EXPECT_EQ(Call("", "GET", path).status, 401u);
  auto mine = json::parse(Call("li", "GET", "/api/v1/jobs?kind=billing-run").body);
  ASSERT_EQ(mine["items"].size(), 2u);
  EXPECT_EQ(mine["items"][0]["id"], billed["id"]);  // newest first
  EXPECT_TRUE(json::parse(Call("liu", "GET", "/api/v1/jobs").body)["items"].empty());
  EXPECT_TRUE(json::parse(Call("home", "GET", "/api/v1/jobs").body)["items"].empty());
  auto paged = json::parse(Call("root", "GET", "/api/v1/jobs?limit=1").body);
  ASSERT_EQ(paged["items"].size(), 1u);
  EXPECT_FALSE(paged["next_cursor"].is_null());
}

TEST_P(JobApi, ARefundRunAsAJobCoversTheCallersScope) {
  const json mine = RunToEnd("li", {{"kind", "refund-run"}, {"season", 2025}});
  EXPECT_EQ(mine["state"], "succeeded") << mine.dump();
  EXPECT_EQ(mine["company_id"], a_.company_id);
  EXPECT_EQ(mine["result"]["season"], 2025);
  EXPECT_EQ(mine["result"]["without_fee"], mine["result"]["households"]);  // no fee billed
  EXPECT_EQ(mine["result"]["households"], mine["total"]);
  const json all = RunToEnd("root", {{"kind", "refund-run"}, {"season", 2025}});
  EXPECT_EQ(all["state"], "succeeded") << all.dump();
  EXPECT_TRUE(all["company_id"].is_null());
  EXPECT_GT(all["result"]["households"].get<int64_t>(),
            mine["result"]["households"].get<int64_t>());
}

TEST_P(JobApi, WhoMayStartAJobAndWhatABadRequestIsTold) {
  const json refund = {{"kind", "refund-run"}, {"season", 2025}};
  EXPECT_EQ(Call("", "POST", "/api/v1/jobs", refund.dump()).status, 401u);
  for (const char* user : {"wang", "zhao", "gov", "home"}) {
    EXPECT_EQ(Call(user, "POST", "/api/v1/jobs", refund.dump()).status, 403u) << user;
  }
  struct Bad {
    json body;
    unsigned status;
    const char* field;
  };
  const Bad bad[] = {
      {json{{"season", 2025}}, 400, "kind"},
      {json{{"kind", "import"}, {"season", 2025}}, 400, "kind"},
      {json{{"kind", "refund-run"}}, 400, "season"},
      {json{{"kind", "refund-run"}, {"season", 1999}}, 400, "season"},
      {json{{"kind", "refund-run"}, {"season", 2025}, {"company_id", 1}}, 400, "company_id"},
      {json{{"kind", "billing-run"}, {"season", "2026"}}, 400, "season"},
      {json{{"kind", "billing-run"}, {"season", 2026}, {"due_on", "12/01"}}, 400, "due_on"},
      {json{{"kind", "billing-run"}, {"season", 2026}, {"company_id", b_.company_id}}, 404,
       "company_id"},
      {json{{"kind", "refund-run"}, {"season", 2025}, {"seasons", 2025}}, 400, "seasons"},
  };
  for (const Bad& b : bad) {
    auto r = Call("li", "POST", "/api/v1/jobs", b.body.dump());
    EXPECT_EQ(r.status, b.status) << b.body.dump() << " " << r.body;
    EXPECT_EQ(Field(r), b.field) << b.body.dump();
  }
  EXPECT_EQ(Field(Call("root", "POST", "/api/v1/jobs",
                       json{{"kind", "billing-run"}, {"season", 2026}}.dump())),
            "company_id");  // the admin names the company
  EXPECT_EQ(Call("li", "GET", "/api/v1/jobs/abc").status, 400u);
  EXPECT_EQ(Call("li", "GET", "/api/v1/jobs/999999").status, 404u);
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/jobs?kind=x")), "kind");
  EXPECT_TRUE(json::parse(Call("root", "GET", "/api/v1/jobs").body)["items"].empty());
}

// A households file imported as a job (POST /api/v1/import/households?async=true): the same
// all-or-nothing import, its progress the households written of the file's, its result the
// counts; a file with a problem ends the job failed with the problem's line, nothing written.
TEST_P(JobApi, AHouseholdsImportAsAJob) {
  const std::string header =
      "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
      "heating_status,phone,id_number,rooms\n";
  std::string file = header;
  for (int i = 0; i < 30; ++i) {
    file += "B-01,U1,J-" + std::to_string(100 + i) +
            ",,72.3,2,shade,area,,heated,,,bedroom:主卧;living:客厅\n";
  }
  auto started = Call("li", "POST", "/api/v1/import/households?company=a&async=true", file);
  ASSERT_EQ(started.status, 202u) << started.body;
  const json job = json::parse(started.body);
  EXPECT_EQ(job["kind"], "household-import");
  EXPECT_EQ(job["company_id"], a_.company_id);
  rt_->db->jobs.Drain();
  const std::string path = "/api/v1/jobs/" + std::to_string(job["id"].get<int64_t>());
  const json ended = json::parse(Call("li", "GET", path).body);
  EXPECT_EQ(ended["state"], "succeeded") << ended.dump();
  EXPECT_EQ(ended["done"], 30);
  EXPECT_EQ(ended["total"], 30);
  EXPECT_EQ(ended["result"], (json{{"created", 30}, {"updated", 0}, {"unchanged", 0}}));
  EXPECT_EQ(ended["params"]["company"], "a");
  // Without async the counts are the answer: the same file again changes nothing.
  auto again = Call("li", "POST", "/api/v1/import/households?company=a", file);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(json::parse(again.body), (json{{"created", 0}, {"updated", 0}, {"unchanged", 30}}));

  const std::string bad = header + "B-01,U1,J-200,,-5,2,shade,area,,heated,,,bedroom:主卧\n";
  auto refused = Call("li", "POST", "/api/v1/import/households?company=a&async=true", bad);
  ASSERT_EQ(refused.status, 202u) << refused.body;
  rt_->db->jobs.Drain();
  const json failed = json::parse(
      Call("li", "GET", "/api/v1/jobs/" + std::to_string(json::parse(refused.body)["id"].get<int64_t>()))
          .body);
  EXPECT_EQ(failed["state"], "failed");
  EXPECT_EQ(failed["error"]["code"], "invalid_argument");
  EXPECT_EQ(failed["error"]["field"], "line 2");
  EXPECT_NE(failed["error"]["message"].get<std::string>().find("nothing was imported"),
            std::string::npos);
  // Checked before it starts: another company, a bad flag, a role that writes no households.
  EXPECT_EQ(Call("li", "POST", "/api/v1/import/households?company=b&async=true", file).status,
            404u);
  EXPECT_EQ(Field(Call("li", "POST", "/api/v1/import/households?company=a&async=yes", file)),
            "async");
  EXPECT_EQ(Call("zhao", "POST", "/api/v1/import/households?company=a&async=true", file).status,
            403u);
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/jobs?kind=household-import").body)["items"]
                .size(),
            2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, JobApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
