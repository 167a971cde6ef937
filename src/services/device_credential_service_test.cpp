// Broker accounts (issue 12) on SQLite and PostgreSQL: issued for a sensor's code with a random
// password stored only as mosquitto's hash, re-issued (replaced), revoked, each change audited
// without the hash; bad names and unknown sensors refused, naming the field.
#include "services/device_credential_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/crypto/mosquitto_hash.hpp"
#include "adapters/crypto/tokens.hpp"
#include "adapters/storage/device_credentials_sql.hpp"
#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"
#include "support/test_sensors.hpp"

namespace hearth::services {
namespace {

using support::Engine;
using support::EngineName;

class DeviceCredentialServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    auto conn = adapters::storage::Connect(db_->url());
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    support::MakeSensorCity(*records_, "c1", 2, "D-");
    auto sensors = adapters::storage::OpenReadingStore(db_->url());
    ASSERT_TRUE(sensors.ok());
    sensors_ = std::move(*sensors);
    auto conn2 = adapters::storage::Connect(db_->url(), false);
    ASSERT_TRUE(conn2.ok());
    store_ = std::make_unique<adapters::storage::SqlDeviceCredentialStore>(std::move(*conn2));
    service_ =
        std::make_unique<DeviceCredentialService>(*store_, *sensors_, hasher_, random_, clock_);
  }

  // The audit entries of the accounts.
  std::vector<ports::AuditEntry> Audit() {
    auto page = records_->Audit(std::nullopt, 1000);
    EXPECT_TRUE(page.ok());
    std::vector<ports::AuditEntry> out;
    if (!page.ok()) return out;
    for (const auto& e : *page) {
      if (e.resource == "device_credentials") out.push_back(e);
    }
    return out;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<ports::ReadingStore> sensors_;
  std::unique_ptr<adapters::storage::SqlDeviceCredentialStore> store_;
  adapters::crypto::MosquittoHasher hasher_;
  adapters::crypto::RandomTokenIssuer random_;
  ports::ManualClock clock_{Instant{std::chrono::seconds{1764547200}}};
  std::unique_ptr<DeviceCredentialService> service_;
};

TEST_P(DeviceCredentialServiceTest, IssueReissueRevokeAudited) {
  auto first = service_->IssueForSensor("D-0", "cli:ops");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_EQ(first->username, "D-0");
  EXPECT_EQ(first->password.size(), 43u);  // 32 random bytes
  auto again = service_->IssueForSensor("D-0", "cli:ops");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->password, first->password);
  ASSERT_TRUE(service_->IssueService("hearth", "cli:ops").ok());

  auto all = service_->List();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);  // re-issuing replaced the first
  const ports::DeviceCredential& device = (*all)[0];
  EXPECT_EQ(device.username, "D-0");
  EXPECT_EQ(device.kind, "device");
  EXPECT_TRUE(device.sensor_id.has_value());
  EXPECT_EQ(device.issued_by, "cli:ops");
  EXPECT_TRUE(adapters::crypto::VerifyMosquittoHash(device.password_hash, again->password));
  EXPECT_FALSE(adapters::crypto::VerifyMosquittoHash(device.password_hash, first->password));
  EXPECT_EQ((*all)[1].kind, "service");
  EXPECT_FALSE((*all)[1].sensor_id.has_value());

  ASSERT_TRUE(service_->Revoke("D-0", "cli:ops").ok());
  auto gone = service_->Revoke("D-0", "cli:ops");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(gone.error().field, "username");

  std::vector<std::string> actions;
  for (const auto& e : Audit()) {
    actions.push_back(e.action);
    EXPECT_EQ(e.actor, "cli:ops");
    EXPECT_EQ(e.after_json.find("$7$"), std::string::npos) << e.after_json;  // never the hash
    EXPECT_EQ(e.before_json.find("$7$"), std::string::npos) << e.before_json;
    EXPECT_EQ(e.after_json.find("password"), std::string::npos) << e.after_json;
  }
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"issue", "issue", "reissue", "revoke"}));
}

TEST_P(DeviceCredentialServiceTest, RefusesUnknownSensorsAndNamesTheBrokerCannotTake) {
  struct Case {
    std::string code;
    ErrorCode code_expected;
  };
  for (const Case& c : std::vector<Case>{{"NOPE", ErrorCode::kNotFound},
                                         {"", ErrorCode::kInvalidArgument},
                                         {"a:b", ErrorCode::kInvalidArgument},
                                         {"a/b", ErrorCode::kInvalidArgument},
                                         {"a+", ErrorCode::kInvalidArgument},
                                         {"a#", ErrorCode::kInvalidArgument},
                                         {"a b", ErrorCode::kInvalidArgument},
                                         {"a\nb", ErrorCode::kInvalidArgument}}) {
    SCOPED_TRACE(c.code);
    auto r = service_->IssueForSensor(c.code, "cli:ops");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, c.code_expected);
    EXPECT_EQ(r.error().field, "sensor");
  }
  ASSERT_TRUE(service_->IssueForSensor("D-1", "cli:ops").ok());
  auto clash = service_->IssueService("D-1", "cli:ops");  // a device's name
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Audit().size() == 1u);  // nothing else was written
}

INSTANTIATE_TEST_SUITE_P(Engines, DeviceCredentialServiceTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::services
