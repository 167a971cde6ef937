#include "sim/simulation.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/policy/policy_loader.hpp"
#include "adapters/storage/migrations.hpp"
#include "support/test_policies.hpp"
#include "support/test_sensors.hpp"

namespace hearth::sim {
namespace {

// Keeps what it is sent (the sink is where the simulation ends; the real sinks, MQTT, HTTP and
// in process, are exercised by the app tests).
class Recorder final : public SimulationSink {
 public:
  Status SendReadings(const std::vector<ports::IncomingReading>& readings) override {
    ++batches;
    all.insert(all.end(), readings.begin(), readings.end());
    return OkStatus();
  }
  Status SendOutdoorMeans(const std::vector<ports::OutdoorMean>& m) override {
    means.insert(means.end(), m.begin(), m.end());
    return OkStatus();
  }
  int batches = 0;
  std::vector<ports::IncomingReading> all;
  std::vector<ports::OutdoorMean> means;
};

class SimulationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/hearth-sim-XXXXXX";
    dir_ = mkdtemp(tmpl);
    auto conn = adapters::storage::Connect(dir_ + "/h.db");
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    auto policies = support::LoadPolicies();
    ASSERT_TRUE(policies.ok());
    policies_ = std::make_unique<services::PolicyRegistry>(std::move(*policies));
  }
  void TearDown() override {
    records_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string dir_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<services::PolicyRegistry> policies_;
};

TEST_F(SimulationTest, NothingToSimulateWithoutSensors) {
  auto sim = Simulation::Load(*records_, *policies_, 2025, {});
  ASSERT_FALSE(sim.ok());
  EXPECT_EQ(sim.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(SimulationTest, FeedsEverySensorAndTheOutdoorMeans) {
  auto city = support::MakeSensorCity(*records_, "c1", 3, "S-");
  SimOptions o;
  o.silent_sensor_permille = 0;
  auto sim = Simulation::Load(*records_, *policies_, 2025, o);
  ASSERT_TRUE(sim.ok()) << sim.error().message;
  EXPECT_EQ(sim->sensors(), 3);
  EXPECT_EQ(FormatDate(sim->first_day()), "2025-11-15");  // weihai's official season
  EXPECT_EQ(FormatDate(sim->last_day()), "2026-03-15");

  Recorder sink;
  Instant from = *ParseRfc3339("2025-12-01T00:00:00+08:00");
  auto counts = sim->Run(sink, from, from + std::chrono::days{2}, std::chrono::hours{6});
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->readings, 3 * 144 * 2);
  EXPECT_EQ(sink.batches, 8);  // one per 6-hour window
  ASSERT_EQ(sink.all.size(), 3u * 144 * 2);
  // Grouped by sensor within a window, in time order, as the sensor would send them.
  EXPECT_EQ(sink.all[0].sensor, "S-0");
  EXPECT_EQ(sink.all[0].ts, "2025-12-01T00:00:00+08:00");
  EXPECT_EQ(sink.all[1].ts, "2025-12-01T00:10:00+08:00");
  EXPECT_EQ(sink.all[36].sensor, "S-1");
  for (const auto& r : sink.all) {
    auto v = std::stod(r.value);
    EXPECT_GT(v, 5.0);
    EXPECT_LT(v, 30.0);
    EXPECT_EQ(r.value.find('.'), r.value.size() - 2) << r.value;  // tenths, like the sensor
  }
  ASSERT_EQ(counts->outdoor_means, 2);
  EXPECT_EQ(FormatDate(sink.means[0].day), "2025-12-01");
  EXPECT_EQ(sink.means[1].district_id, sink.means[0].district_id);
  (void)city;
}

}  // namespace
}  // namespace hearth::sim
