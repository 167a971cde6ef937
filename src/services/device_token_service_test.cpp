// HTTP tokens of devices and gateways (issue 12) on SQLite and PostgreSQL: issued for sensors by
// code, shown once and stored as a digest, found by the token, re-issued (the old one stops at
// once), revoked, each change audited without the digest; bad names, no sensors and unknown
// sensors refused, naming the field.
#include "services/device_token_service.hpp"

#include <gtest/gtest.h>

#include "adapters/crypto/tokens.hpp"
#include "adapters/storage/device_tokens_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::services {
namespace {

using support::Engine;
using support::EngineName;

class DeviceTokenServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    ids_ = support::MakeSensorCity(*records_, "c1", 3, "G-").sensor_ids;
    auto sensors = adapters::storage::OpenReadingStore(db_->url());
    ASSERT_TRUE(sensors.ok());
    sensors_ = std::move(*sensors);
    auto conn2 = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(conn2.ok());
    store_ = std::make_unique<adapters::storage::SqlDeviceTokenStore>(std::move(*conn2));
    service_ = std::make_unique<DeviceTokenService>(*store_, *sensors_, random_, clock_);
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::vector<int64_t> ids_;
  std::unique_ptr<ports::ReadingStore> sensors_;
  std::unique_ptr<adapters::storage::SqlDeviceTokenStore> store_;
  adapters::crypto::RandomTokenIssuer random_;
  ports::ManualClock clock_{Instant{std::chrono::seconds{1764547200}}};
  std::unique_ptr<DeviceTokenService> service_;
};

TEST_P(DeviceTokenServiceTest, IssueFindReissueRevokeAudited) {
  auto gw = service_->Issue("gateway-1", {"G-2", "G-0", "G-2"}, "cli:ops");
  ASSERT_TRUE(gw.ok()) << gw.error().message << gw.error().detail;
  EXPECT_EQ(gw->token.rfind("hdt_", 0), 0u);
  EXPECT_EQ(gw->token.size(), 4u + 43u);
  EXPECT_EQ(gw->sensor_ids, (std::vector<int64_t>{ids_[0], ids_[2]}));  // sorted, once each
  auto sensors = service_->SensorsOf(gw->token);
  ASSERT_TRUE(sensors.ok());
  EXPECT_EQ(*sensors, (std::vector<int64_t>{ids_[0], ids_[2]}));

  auto listed = service_->List();
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_NE((*listed)[0].token_hash, gw->token);  // only the digest is stored
  EXPECT_EQ((*listed)[0].token_hash, random_.Digest(gw->token));

  auto again = service_->Issue("gateway-1", {"G-1"}, "cli:ops");  // re-issued: replaced
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(service_->SensorsOf(gw->token).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(*service_->SensorsOf(again->token), (std::vector<int64_t>{ids_[1]}));

  ASSERT_TRUE(service_->Revoke("gateway-1", "cli:ops").ok());
  EXPECT_EQ(service_->SensorsOf(again->token).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_->Revoke("gateway-1", "cli:ops").error().code, ErrorCode::kNotFound);

  auto page = records_->Audit(std::nullopt, 100);
  ASSERT_TRUE(page.ok());
  std::vector<std::string> actions;
  for (const auto& e : *page) {
    if (e.resource != "device_tokens") continue;
    actions.push_back(e.action);
    EXPECT_EQ(e.actor, "cli:ops");
    EXPECT_EQ(e.before_json.find(random_.Digest(gw->token)), std::string::npos);
    EXPECT_EQ(e.after_json.find(random_.Digest(again->token)), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"revoke", "reissue", "issue"}));  // newest first
}

TEST_P(DeviceTokenServiceTest, BadIssuesNameTheField) {
  struct Case {
    std::string name;
    std::vector<std::string> codes;
    ErrorCode code;
    std::string field;
  };
  const Case cases[] = {{"", {"G-0"}, ErrorCode::kInvalidArgument, "name"},
                        {"a b", {"G-0"}, ErrorCode::kInvalidArgument, "name"},
                        {std::string(129, 'x'), {"G-0"}, ErrorCode::kInvalidArgument, "name"},
                        {"gw", {}, ErrorCode::kInvalidArgument, "sensor"},
                        {"gw", {"G-0", "NOPE"}, ErrorCode::kNotFound, "sensor"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name + "/" + std::to_string(c.codes.size()));
    auto r = service_->Issue(c.name, c.codes, "cli:ops");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, c.code);
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_TRUE(service_->List()->empty());
  // A user's token, or anything else, is not a device token.
  EXPECT_EQ(service_->SensorsOf(std::string(43, 'a')).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_->SensorsOf("hdt_" + std::string(43, 'a')).error().code,
            ErrorCode::kUnauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Engines, DeviceTokenServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services
