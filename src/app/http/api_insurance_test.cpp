// Insurance claims end to end, in process (AddApiRoutes over a real SQLite database, and over a
// real PostgreSQL one; issue 16, R-INS-1): a technician records a loss, reports it to the
// insurer; the manager agrees the amount, which starts the payout deadline of 30 working days
// from the shipped profile and calendar, and pays; the household is told of each step and sees
// its own claims only; another claim is rejected with its exclusion and clause; who may do and
// see what; and the field named in every refusal.
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

class InsuranceApi : public support::InProcessApi {
 protected:
  json Loss(int64_t household) const {
    return {{"household", household},
            {"incident_at", FormatLocal(Now() - hours(3))},
            {"incident", "卧室暖气片爆裂，地板和衣柜被水泡"},
            {"injuries", false},
            {"photos", {"photos/claim-1.jpg", "photos/claim-2.jpg"}},
            {"losses",
             {{{"item", "实木地板 12 m²"}, {"estimate", "3600.00"}},
              {{"item", "衣柜"}, {"estimate", 1200.5}},
              {{"item", "地毯"}}}}};
  }
  static std::string PathOf(const adapters::http::Response& r) {
    return "/api/v1/insurance-claims/" + std::to_string(json::parse(r.body)["id"].get<int64_t>());
  }
  static std::string Step(json body) { return body.dump(); }
};

TEST_P(InsuranceApi, RecordedReportedAgreedAndPaid) {
  auto r = Call("zhao", "POST", "/api/v1/insurance-claims", Loss(a_.household_id).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  json c = json::parse(r.body);
  EXPECT_EQ(c["state"], "recorded");
  EXPECT_EQ(c["company_id"], a_.company_id);
  EXPECT_EQ(c["losses"][0]["estimate"], "3600.00");
  EXPECT_EQ(c["losses"][1]["estimate_fen"], 120050);
  EXPECT_TRUE(c["losses"][2]["estimate"].is_null());
  EXPECT_EQ(c["actions"], json{"notify-insurer"});
  EXPECT_EQ(c["deadlines"]["notify"]["status"], "ok");
  EXPECT_EQ(c["deadlines"]["notify"]["basis"], "platform default (R-INS-1, W 13.3)");
  EXPECT_FALSE(c["deadlines"].contains("payout"));
  const std::string path = PathOf(r);

  // The household is told, sees its claim and may do nothing to it; others see nothing.
  auto told = Call("home", "GET", "/api/v1/notifications");
  ASSERT_EQ(told.status, 200u) << told.body;
  EXPECT_NE(told.body.find("insurance-claim.recorded"), std::string::npos) << told.body;
  auto mine = Call("home", "GET", path);
  ASSERT_EQ(mine.status, 200u) << mine.body;
  EXPECT_EQ(json::parse(mine.body)["actions"], json::array());
  EXPECT_EQ(Call("other", "GET", path).status, 404u);
  EXPECT_EQ(Call("liu", "GET", path).status, 404u);
  EXPECT_EQ(json::parse(Call("other", "GET", "/api/v1/insurance-claims").body)["items"].size(), 0u);
  EXPECT_EQ(
      Call("home", "POST", path + "/events", Step({{"type", "notify-insurer"}, {"insurer", "x"}}))
          .status,
      403u);

  // W 13.3: the technician reports it to the insurer at once.
  auto notified = Call("zhao", "POST", path + "/events",
                       Step({{"type", "notify-insurer"},
                             {"insurer", "人保财险威海分公司"},
                             {"reference", "RB-0042"}}));
  ASSERT_EQ(notified.status, 200u) << notified.body;
  c = json::parse(notified.body);
  EXPECT_EQ(c["state"], "insurer-notified");
  EXPECT_EQ(c["insurer_reference"], "RB-0042");
  EXPECT_EQ(c["deadlines"]["notify"]["status"], "met");
  // Only the admin or a manager agrees an amount.
  auto tech_agrees =
      Call("zhao", "POST", path + "/events", Step({{"type", "agree"}, {"amount", "10"}}));
  EXPECT_EQ(tech_agrees.status, 403u) << tech_agrees.body;

  // W 13.5: agreement starts 30 working days, from the shipped profile and calendar.
  auto agreed = Call("li", "POST", path + "/events",
                     Step({{"type", "agree"}, {"amount", "4280.50"}, {"note", "理算报告"}}));
  ASSERT_EQ(agreed.status, 200u) << agreed.body;
  c = json::parse(agreed.body);
  EXPECT_EQ(c["state"], "agreed");
  EXPECT_EQ(c["amount"], "4280.50");
  EXPECT_EQ(c["amount_fen"], 428050);
  ASSERT_TRUE(c["deadlines"].contains("payout")) << c.dump();
  const json payout = c["deadlines"]["payout"];
  EXPECT_EQ(payout["basis"], "W 13.5");
  EXPECT_EQ(payout["status"], "ok");
  EXPECT_EQ(payout["from"], c["agreed_at"]);
  std::string from = c["agreed_at"];
  from.replace(from.find('+'), 1, "%2B");
  auto calc =
      Call("li", "GET", "/api/v1/calc/deadline?policy=weihai&rule=insurance-payout&from=" + from);
  ASSERT_EQ(calc.status, 200u) << calc.body;
  EXPECT_EQ(json::parse(calc.body)["deadline"], payout["due"]) << calc.body;
  EXPECT_EQ(c["actions"], json{"pay"});
  told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("4280.50"), std::string::npos) << told.body;  // the amount agreed

  auto paid =
      Call("li", "POST", path + "/events", Step({{"type", "pay"}, {"reference", "BANK-77"}}));
  ASSERT_EQ(paid.status, 200u) << paid.body;
  c = json::parse(paid.body);
  EXPECT_EQ(c["state"], "paid");
  EXPECT_EQ(c["deadlines"]["payout"]["status"], "met");
  EXPECT_EQ(c["payment_reference"], "BANK-77");
  ASSERT_EQ(c["history"].size(), 4u);
  EXPECT_EQ(c["history"][1]["insurer"], "人保财险威海分公司");
  EXPECT_EQ(c["history"][2]["amount"], "4280.50");
  EXPECT_EQ(c["history"][2]["actor"], "li");
  EXPECT_EQ(c["history"][3]["reference"], "BANK-77");
  EXPECT_EQ(Call("li", "POST", path + "/events", Step({{"type", "pay"}})).status, 409u);

  // The regulator reads every company's claims; the list carries the deadlines.
  auto all = Call("gov", "GET", "/api/v1/insurance-claims?state=paid");
  ASSERT_EQ(all.status, 200u) << all.body;
  ASSERT_EQ(json::parse(all.body)["items"].size(), 1u);
  EXPECT_EQ(json::parse(all.body)["items"][0]["deadlines"]["payout"]["status"], "met");
  EXPECT_EQ(Call("gov", "POST", path + "/events", Step({{"type", "pay"}})).status, 403u);

  // Audited under its own resource.
  auto audit = Call("root", "GET", "/api/v1/audit?limit=20");
  ASSERT_EQ(audit.status, 200u) << audit.body;
  const json entries = json::parse(audit.body)["items"];
  size_t claims = 0;
  for (const auto& e : entries) claims += e["resource"] == "insurance_claims" ? 1u : 0u;
  EXPECT_EQ(claims, 4u) << audit.body;
}

TEST_P(InsuranceApi, RejectedWithItsExclusion) {
  auto r = Call("li", "POST", "/api/v1/insurance-claims", Loss(a_.household_id).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string path = PathOf(r);
  auto bare = Call("li", "POST", path + "/events", Step({{"type", "reject"}, {"note", "x"}}));
  EXPECT_EQ(bare.status, 400u);
  EXPECT_EQ(Field(bare), "exclusion");
  auto rejected = Call(
      "li", "POST", path + "/events",
      Step({{"type", "reject"}, {"exclusion", "self-altered"}, {"note", "住户自行改动暖气管道"}}));
  ASSERT_EQ(rejected.status, 200u) << rejected.body;
  json c = json::parse(rejected.body);
  EXPECT_EQ(c["state"], "rejected");
  EXPECT_EQ(c["exclusion_clause"], "W 13.6 b");
  // Settled without the insurer: the notification no longer applies.
  EXPECT_FALSE(c["deadlines"].contains("notify")) << c.dump();
  auto told = Call("home", "GET", "/api/v1/notifications");
  EXPECT_NE(told.body.find("insurance-claim.rejected"), std::string::npos) << told.body;
  EXPECT_NE(told.body.find("W 13.6 b"), std::string::npos) << told.body;
  EXPECT_EQ(Call("li", "POST", path + "/events", Step({{"type", "agree"}, {"amount", "1"}})).status,
            409u);
}

TEST_P(InsuranceApi, EachRefusalNamesItsField) {
  struct Case {
    const char* name;
    const char* user;
    json body;
    unsigned status;
    const char* field;
  };
  auto with = [&](const char* key, json value) {
    json b = Loss(a_.household_id);
    if (value.is_null()) {
      b.erase(key);
    } else {
      b[key] = std::move(value);
    }
    return b;
  };
  const std::vector<Case> cases = {
      {"no household", "zhao", with("household", nullptr), 400, "household"},
      {"another company's household", "zhao", Loss(b_.household_id), 404, "household"},
      {"no incident", "zhao", with("incident", ""), 400, "incident"},
      {"a loss tomorrow", "zhao", with("incident_at", FormatLocal(Now() + hours(24))), 400,
       "incident_at"},
      {"no time", "zhao", with("incident_at", "yesterday"), 400, "incident_at"},
      {"injuries as text", "zhao", with("injuries", "yes"), 400, "injuries"},
      {"a photo that is no reference", "zhao", with("photos", {"a.jpg", 7}), 400, "photos[1]"},
      {"no photo (W 13.3)", "zhao", with("photos", json::array()), 400, "photos"},
      {"a loss without its item", "zhao", with("losses", {{{"estimate", "1"}}}), 400,
       "losses[0].item"},
      {"an estimate in thousandths", "zhao",
       with("losses", {{{"item", "a"}}, {{"item", "b"}, {"estimate", "1.005"}}}), 400,
       "losses[1].estimate"},
      {"a negative estimate", "zhao", with("losses", {{{"item", "a"}, {"estimate", "-1"}}}), 400,
       "losses[0].estimate"},
      {"an unknown key in a loss", "zhao", with("losses", {{{"item", "a"}, {"qty", 2}}}), 400,
       "losses[0].qty"},
      {"an unknown member", "zhao", with("severity", "high"), 400, "severity"},
      {"the household records none", "home", Loss(a_.household_id), 403, ""},
      {"the regulator records none", "gov", Loss(a_.household_id), 403, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = Call(c.user, "POST", "/api/v1/insurance-claims", c.body.dump());
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(Field(r), c.field) << r.body;
  }
  EXPECT_EQ(json::parse(Call("li", "GET", "/api/v1/insurance-claims").body)["items"].size(), 0u);

  auto r = Call("li", "POST", "/api/v1/insurance-claims", Loss(a_.household_id).dump());
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string path = PathOf(r);
  const std::vector<Case> steps = {
      {"an unknown step", "li", {{"type", "record"}}, 400, "type"},
      {"an amount in words", "li", {{"type", "agree"}, {"amount", "四千"}}, 400, "amount"},
      {"an amount of nothing", "li", {{"type", "agree"}, {"amount", "0"}}, 400, "amount"},
      {"agree without an amount", "li", {{"type", "agree"}}, 400, "amount"},
      {"an unknown exclusion",
       "li",
       {{"type", "reject"}, {"exclusion", "weather"}},
       400,
       "exclusion"},
      {"reject without a note",
       "li",
       {{"type", "reject"}, {"exclusion", "indirect-loss"}},
       400,
       "note"},
      {"notify without the insurer", "li", {{"type", "notify-insurer"}}, 400, "insurer"},
      {"pay before agreement", "li", {{"type", "pay"}}, 409, ""},
      {"another company's claim", "liu", {{"type", "pay"}}, 404, "id"},
  };
  for (const auto& c : steps) {
    SCOPED_TRACE(c.name);
    auto s = Call(c.user, "POST", path + "/events", c.body.dump());
    EXPECT_EQ(s.status, c.status) << s.body;
    EXPECT_EQ(Field(s), c.field) << s.body;
  }
  EXPECT_EQ(Field(Call("li", "GET", "/api/v1/insurance-claims?state=open")), "state");
  EXPECT_EQ(json::parse(Call("li", "GET", path).body)["history"].size(), 1u);  // nothing moved
}

INSTANTIATE_TEST_SUITE_P(Engines, InsuranceApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
