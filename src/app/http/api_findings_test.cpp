// Household-caused findings end to end, in process (AddApiRoutes over a real SQLite database,
// and over a real PostgreSQL one; issue 15, R-REFUND-4): a technician records one with its
// evidence, the household is told and disputes it, the regulator decides; the days it covers
// say so; who may do and see what; and the field named in every refusal.
//
// The runtime runs on the system clock, so times are set relative to now.
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "support/test_in_process_api.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;
using std::chrono::hours;

Instant Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

class FindingsApi : public support::InProcessApi {
 protected:
  json Found(int64_t household) const {
    const Instant at = Now() - hours(1);
    const Date day = LocalDate(at);
    return {{"household", household},
            {"kind", "added-radiators"},
            {"description", "厨房私自增加散热器两组"},
            {"photos", {"photos/1.jpg"}},
            {"found_by", "赵师傅"},
            {"found_at", FormatLocal(at)},
            {"valid_from", FormatDate(day)},
            {"valid_to", FormatDate(day + std::chrono::days{30})}};
  }
  static std::string PathOf(const adapters::http::Response& r) {
    return "/api/v1/findings/" + std::to_string(json::parse(r.body)["id"].get<int64_t>());
  }
  static std::string Act(const char* action, const char* note = "") {
    return json{{"action", action}, {"note", note}}.dump();
  }
};

TEST_P(FindingsApi, RecordedDisputedAndDecided) {
  auto r = Call("zhao", "POST", "/api/v1/findings", Found(a_.household_id).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json f = json::parse(r.body);
  EXPECT_EQ(f["state"], "open");
  EXPECT_EQ(f["effective"], true);
  EXPECT_EQ(f["company_id"], a_.company_id);
  EXPECT_EQ(f["actions"], json::array());  // a technician records, and that is all
  EXPECT_EQ(f["history"][0]["role"], "technician");
  const std::string path = PathOf(r);

  // The household is told, and sees what it may do.
  auto told = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(told.status, 200u) << told.body;
  EXPECT_NE(told.body.find("finding.recorded"), std::string::npos) << told.body;
  auto mine = Call("home", "GET", path);
  ASSERT_EQ(mine.status, 200u) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["actions"], (json{"acknowledge", "dispute"}));
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(json::parse(Call("other", "GET", "/api/v1/findings").body)["items"].size(), 0u);

  // The company cannot decide for the household, nor the household without a reason.
  EXPECT_EQ(Call("li", "POST", path + "/actions", Act("acknowledge")).status, 403u);
  auto bare = Call("home", "POST", path + "/actions", Act("dispute"));
  EXPECT_EQ(bare.status, 400u);
  EXPECT_EQ(Field(bare), "note");
  auto disputed = Call("home", "POST", path + "/actions", Act("dispute", "散热器是开发商安装的"));
  ASSERT_EQ(disputed.status, 200u) << disputed.body;
  EXPECT_EQ(json::parse(disputed.body)["effective"], false);
  EXPECT_EQ(Call("home", "POST", path + "/actions", Act("acknowledge")).status, 409u);
  EXPECT_EQ(Call("li", "POST", path + "/actions", Act("uphold", "x")).status, 403u);

  // The regulator sees every company's disputes and decides.
  auto open = Call("gov", "GET", "/api/v1/findings?state=disputed");
  ASSERT_EQ(open.status, 200u) << open.body;
  ASSERT_EQ(json::parse(open.body)["items"].size(), 1u);
  auto upheld = Call("gov", "POST", path + "/actions", Act("uphold", "照片可见新增散热器"));
  ASSERT_EQ(upheld.status, 200u) << upheld.body;
  f = json::parse(upheld.body);
  EXPECT_EQ(f["state"], "upheld");
  EXPECT_EQ(f["effective"], true);
  ASSERT_EQ(f["history"].size(), 3u);
  EXPECT_EQ(f["history"][1]["note"], "散热器是开发商安装的");
  EXPECT_EQ(f["history"][2]["actor"], "gov");

  // The household's days name the finding from its first day.
  const std::string day = json::parse(r.body)["valid_from"];
  auto days = Call("home", "GET", "/api/v1/households/" + std::to_string(a_.household_id) +
                                      "/days?from=" + day + "&to=" + day);
  ASSERT_EQ(days.status, 200u) << days.body;
  json first = json::parse(days.body)["items"][0];
  EXPECT_EQ(first["finding_id"], f["id"]);
  EXPECT_EQ(first["outage_hours"], 0.0);

  // The manager withdraws it: it no longer counts.
  auto withdrawn = Call("li", "POST", path + "/actions", Act("withdraw", "复查时已拆除"));
  ASSERT_EQ(withdrawn.status, 200u) << withdrawn.body;
  EXPECT_EQ(json::parse(withdrawn.body)["effective"], false);
  days = Call("li", "GET", "/api/v1/households/" + std::to_string(a_.household_id) +
                               "/days?from=" + day + "&to=" + day);
  EXPECT_TRUE(json::parse(days.body)["items"][0]["finding_id"].is_null());
}

TEST_P(FindingsApi, EachRefusalNamesItsField) {
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  const Instant now = Now();
  auto with = [&](const char* key, json value) {
    json b = Found(a_.household_id);
    if (value.is_null()) {
      b.erase(key);
    } else {
      b[key] = std::move(value);
    }
    return b;
  };
  const std::vector<Case> cases = {
      {"no household", "zhao", with("household", nullptr), 400, "household"},
      {"another company's household", "zhao", Found(b_.household_id), 404, "household"},
      {"an unknown kind", "zhao", with("kind", "radiator"), 400, "kind"},
      {"no description", "zhao", with("description", ""), 400, "description"},
      {"a photo that is no reference", "zhao", with("photos", {"a.jpg", 7}), 400, "photos[1]"},
      {"found tomorrow", "zhao", with("found_at", FormatLocal(now + hours(24))), 400,
       "found_at"},
      {"a period before it was found", "zhao",
       with("valid_from", FormatDate(LocalDate(now) - std::chrono::days{10})), 400,
       "valid_from"},
      {"a date that is no date", "zhao", with("valid_to", "2026-02-30"), 400, "valid_to"},
      {"an unknown member", "zhao", with("severity", "high"), 400, "severity"},
      {"the household records none", "home", Found(a_.household_id), 403, ""},
      {"the regulator records none", "gov", Found(a_.household_id), 403, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/findings", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/findings").body)["items"].size(), 0u);
  auto bad_action = Call("home", "POST", "/api/v1/findings/1/actions", Act("record"));
  EXPECT_EQ(bad_action.status, 400u);
  EXPECT_EQ(Field(bad_action), "action");
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/findings?state=closed")), "state");
}

INSTANTIATE_TEST_SUITE_P(Engines, FindingsApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
