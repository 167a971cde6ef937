// The hotline platforms' partner endpoint (issue 13), in process over a real SQLite database and a
// real PostgreSQL one: a signed order is received as its key's company's; a bad signature, an old
// or future timestamp, a replay, an unknown, revoked or other platform's key are each refused
// with 401 naming what is wrong; a re-send signed anew is the same order (200).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/crypto/hmac.hpp"
#include "app/http/api.hpp"
#include "support/openapi_check.hpp"
#include "support/test_postgres.hpp"
#include "support/test_process.hpp"
#include "support/test_sensors.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::json;

constexpr const char* kSecret = "platform-secret-0123456789";

class HotlineApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string db = GetParam() == "postgres"
                               ? support::PostgresCluster::Shared().CreateDatabase()
                               : dir_ / "h.db";
    auto rt = runtime::Runtime::Open({db, std::string(HEARTH_SOURCE_DIR) + "/policies",
                                      runtime::DbMode::kRequired, {1, 1024, 1}});
    ASSERT_TRUE(rt.ok()) << rt.error().message;
    rt_ = std::move(*rt);
    AddApiRoutes(router_, *rt_);
    support::CheckAnswers(router_);  // every answer as documented
    a_ = support::MakeSensorCity(rt_->db->records, "a", 0, "A-");
    b_ = support::MakeSensorCity(rt_->db->records, "b", 0, "B-");
    for (auto [id, platform, company] :
         {std::tuple{"k-city", rules::Channel::kCityHotline, a_.company_id},
          std::tuple{"k-revoked", rules::Channel::kCityHotline, a_.company_id}}) {
      ports::PartnerKey key;
      key.key_id = id;
      key.platform = platform;
      key.company_id = company;
      key.secret = kSecret;
      key.created_by = "test";
      ASSERT_TRUE(rt_->db->partner_keys.Add(key).ok());
    }
    ASSERT_TRUE(rt_->db->partner_keys.Revoke("k-revoked", "test").ok());
  }

  static int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  static std::string Body(const std::string& external, const std::string& household = "H-101") {
    return json{{"external_id", external},
                {"received_at", "2025-12-01T09:00:00+08:00"},
                {"household", household},
                {"category", "heating-quality"},
                {"content", "暖气不热"},
                {"caller_phone", "13812345678"}}
        .dump();
  }

  adapters::http::Response Post(const std::string& platform, const std::string& body,
                                const std::string& key, int64_t ts,
                                const std::string& secret = kSecret) {
    adapters::http::Request req;
    req.method = "POST";
    req.path = "/api/v1/hotline/" + platform + "/orders";
    req.body = body;
    const std::string t = std::to_string(ts);
    req.headers["x-hearth-key"] = key;
    req.headers["x-hearth-timestamp"] = t;
    req.headers["x-hearth-signature"] = adapters::crypto::HmacSha256Hex(secret, t + "\n" + body);
    return router_.Handle(req);
  }

  static std::string Message(const adapters::http::Response& r) {
    return json::parse(r.body)["error"]["message"].get<std::string>();
  }

  support::TempDir dir_;
  std::unique_ptr<runtime::Runtime> rt_;
  adapters::http::Router router_;
  support::SensorCity a_, b_;
};

TEST_P(HotlineApi, ASignedOrderIsReceivedForTheKeysCompany) {
  auto r = Post("city-hotline", Body("12345-1"), "k-city", Now());
  ASSERT_EQ(r.status, 201u) << r.body;
  json order = json::parse(r.body);
  EXPECT_EQ(order["channel"], "city-hotline");
  EXPECT_EQ(order["external_id"], "12345-1");
  EXPECT_EQ(order["company_id"], a_.company_id);
  EXPECT_EQ(order["household_id"], a_.household_id);  // H-101 of the key's company
  EXPECT_EQ(order["created_by"], "hotline:city-hotline:k-city");
  EXPECT_EQ(order["deadlines"]["reply"]["basis"], "W 10.1.4");
  // The platform re-sends it, signed anew: the same order.
  auto again = Post("city-hotline", Body("12345-1"), "k-city", Now() + 1);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(json::parse(again.body)["id"], order["id"]);
}

TEST_P(HotlineApi, RefusalsNameWhatIsWrong) {
  const int64_t now = Now();
  struct Case {
    const char* what;
    std::string platform, key, secret;
    int64_t ts;
    const char* message;  // a part of the 401's message
  };
  const Case cases[] = {
      {"bad signature", "city-hotline", "k-city", "another-secret", now, "does not match"},
      {"old timestamp", "city-hotline", "k-city", kSecret, now - 301, "more than 300 s"},
      {"future timestamp", "city-hotline", "k-city", kSecret, now + 301, "more than 300 s"},
      {"unknown key", "city-hotline", "k-nobody", kSecret, now, "no partner key k-nobody"},
      {"revoked key", "city-hotline", "k-revoked", kSecret, now, "was revoked"},
      {"another platform's key", "provincial-hotline", "k-city", kSecret, now,
       "is not provincial-hotline's"},
  };
  for (const Case& c : cases) {
    auto r = Post(c.platform, Body(std::string("x-") + c.what), c.key, c.ts, c.secret);
    EXPECT_EQ(r.status, 401u) << c.what << ": " << r.body;
    EXPECT_NE(Message(r).find(c.message), std::string::npos) << c.what << ": " << r.body;
  }
  // Without the headers.
  adapters::http::Request bare;
  bare.method = "POST";
  bare.path = "/api/v1/hotline/city-hotline/orders";
  bare.body = Body("x-bare");
  auto r = router_.Handle(bare);
  EXPECT_EQ(r.status, 401u);
  EXPECT_NE(Message(r).find("X-Hearth-Signature"), std::string::npos) << r.body;
  // Not a hotline platform.
  EXPECT_EQ(Post("phone", Body("x-phone"), "k-city", now).status, 404u);
  // Nothing of it was stored.
  ports::WorkOrderQuery all;
  EXPECT_TRUE(rt_->db->work_order_store.List(all)->empty());
}

TEST_P(HotlineApi, AReplayIsRefused) {
  const int64_t ts = Now();
  ASSERT_EQ(Post("city-hotline", Body("12345-7"), "k-city", ts).status, 201u);
  auto replay = Post("city-hotline", Body("12345-7"), "k-city", ts);
  EXPECT_EQ(replay.status, 401u) << replay.body;
  EXPECT_NE(Message(replay).find("replay"), std::string::npos) << replay.body;
}

TEST_P(HotlineApi, TheBodyIsCheckedLikeAnyOrder) {
  // Another company's household is not the key's to name: company a has its own H-101.
  auto other = Post("city-hotline", Body("12345-8", std::to_string(b_.household_id)), "k-city",
                    Now());
  EXPECT_EQ(other.status, 400u) << other.body;
  EXPECT_EQ(json::parse(other.body)["error"]["field"], "household");
  json body = json::parse(Body("12345-9"));
  body["channel"] = "provincial-hotline";
  auto mismatch = Post("city-hotline", body.dump(), "k-city", Now());
  EXPECT_EQ(mismatch.status, 400u) << mismatch.body;
  EXPECT_EQ(json::parse(mismatch.body)["error"]["field"], "channel");
}

INSTANTIATE_TEST_SUITE_P(Engines, HotlineApi, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& engine) {
                           return engine.param;
                         });

}  // namespace
}  // namespace hearth::app::http
