// The city the services' judging tests share (judging_service_test.cpp, alert_service_test.cpp,
// refund_ledger_service_test.cpp):
// one district and company (weihai profile), household h_ alone in its partition and community,
// real stores on SQLite or PostgreSQL (the test's parameter), and the services over them.
// Test-only.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "services/judging_service.hpp"
#include "services/measurement_service.hpp"
#include "services/rollup_service.hpp"
#include "support/test_database.hpp"
#include "support/test_policies.hpp"

namespace hearth::services {

inline Date D(const char* text) { return *ParseDate(text); }
inline Instant At(const char* text) { return *ParseRfc3339(text); }
inline int64_t Unix(Date d, int hour, int minute = 10) {
  return StartOfLocalDay(d).time_since_epoch().count() + hour * 3600 + minute * 60;
}

using support::Engine;
using support::EngineName;

class JudgingTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    const std::string url = db_->url();
    auto conn = adapters::storage::Connect(url);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    records_ = std::make_unique<adapters::storage::SqlRecordStore>(std::move(*conn));
    auto readings = adapters::storage::OpenReadingStore(url);
    ASSERT_TRUE(readings.ok());
    readings_ = std::move(*readings);
    auto mine = adapters::storage::Connect(url, false);
    ASSERT_TRUE(mine.ok());
    store_ = std::make_unique<adapters::storage::SqlMonitoringStore>(std::move(*mine));
    auto policies = support::LoadPolicies();
    ASSERT_TRUE(policies.ok());
    policies_ = std::make_unique<PolicyRegistry>(std::move(*policies));
    rollups_ = std::make_unique<RollupService>(*store_, *records_, *policies_);
    judging_ = std::make_unique<JudgingService>(*store_, *records_, *policies_, rollups_.get());
    measurements_ = std::make_unique<MeasurementService>(*store_, *records_, *policies_, clock_);
    MakeCity();
  }
  void TearDown() override { db_.reset(); }

  int64_t Make(const char* resource, ports::Fields fields) {
    auto rec = records_->Create(*model::FindResource(resource), fields, {}, "test");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().message << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  // Household h_ (heated, 100 m², alone in its partition and community: rates 100 %, guarantee
  // 18.0 °C) with a bedroom (sensor bed_), a living room (sensor living_) and a kitchen (sensor
  // kitchen_, never guaranteed).
  void MakeCity() {
    district_ =
        Make("districts", {{"code", "d"}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    company_ = Make("companies", {{"code", "c"}, {"name", "C"}, {"policy", "weihai"}});
    int64_t src = Make("heat_sources",
                       {{"company_id", company_}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec =
        Make("network_sections",
             {{"company_id", company_}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
    int64_t sub =
        Make("substations",
             {{"company_id", company_}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
    int64_t b = Make("buildings", {{"company_id", company_},
                                   {"district_id", district_},
                                   {"substation_id", sub},
                                   {"code", "B"},
                                   {"community", "X"},
                                   {"floors", int64_t{6}}});
    partition_ = Make("partitions", {{"company_id", company_}, {"building_id", b}, {"code", "U"}});
    h_ = Make("households", {{"company_id", company_},
                             {"partition_id", partition_},
                             {"code", "H-1"},
                             {"area_m2", int64_t{10000}},
                             {"floor", int64_t{2}},
                             {"orientation", "sun"},
                             {"billing", "area"},
                             {"heating_status", "heated"}});
    int64_t bed = Make("rooms", {{"household_id", h_}, {"name", "bed"}, {"kind", "bedroom"}});
    int64_t living = Make("rooms", {{"household_id", h_}, {"name", "living"}, {"kind", "living"}});
    int64_t kitchen = Make("rooms", {{"household_id", h_}, {"name", "kitchen"}, {"kind", "other"}});
    bed_ = Make("sensors", {{"code", "S-bed"}, {"room_id", bed}});
    living_ = Make("sensors", {{"code", "S-living"}, {"room_id", living}});
    kitchen_ = Make("sensors", {{"code", "S-kitchen"}, {"room_id", kitchen}});
  }

  // One reading per hour at hh:10 for the first `hours` hours of `day`.
  void Hours(int64_t sensor, Date day, int32_t centi, int hours = 24) {
    std::vector<ports::Reading> batch;
    for (int h = 0; h < hours; ++h) batch.push_back({sensor, Unix(day, h), centi});
    auto c = readings_->Insert(batch);
    ASSERT_TRUE(c.ok()) << c.error().detail;
  }

  JudgedDay Judge(Date day) {
    auto j = judging_->Judge(h_, day, day);
    EXPECT_TRUE(j.ok()) << j.error().message << j.error().detail;
    return j.ok() ? j->days.front() : JudgedDay{};
  }

  ports::MeasurementInput Manual(const char* first, int32_t milli, const char* signature,
                                 bool third_party = false) {
    ports::MeasurementInput in;
    in.household_id = h_;
    in.room = "bed";
    in.payload_json = "{}";
    rules::ManualMeasurement& m = in.measurement;
    m.instrument = rules::Instrument::kGlassThermometer;
    m.resolution = 100;
    m.system_running = true;
    m.environment = "overcast, windows closed";
    m.closed_minutes = 40;
    const Instant t0 = At(first);
    for (int i = 0; i < 3; ++i) m.readings.push_back({t0 + std::chrono::minutes(3 * i), milli});
    m.radiators_uncovered = m.shielded = m.at_room_centre = m.inspector_still = true;
    m.height_cm = 150;
    m.signature = std::string(signature) == "signed"    ? rules::Signature::kSigned
                  : std::string(signature) == "refused" ? rules::Signature::kRefused
                                                        : rules::Signature::kPending;
    m.third_party = third_party;
    if (m.signature != rules::Signature::kPending) {  // signed on the device at the visit
      in.signature_record = ports::SignatureRecord{"户主", t0 + std::chrono::minutes(10), "device"};
    }
    return in;
  }

  int64_t AddManual(const ports::MeasurementInput& in) {
    auto out = measurements_->Add(in, {}, "tech");
    EXPECT_TRUE(out.ok()) << out.error().message;
    EXPECT_TRUE(out.ok() && out->stored)
        << (out.ok() && !out->violations.empty() ? out->violations[0].Text() : "");
    return out.ok() && out->stored ? out->stored->id : 0;
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::unique_ptr<adapters::storage::SqlRecordStore> records_;
  std::unique_ptr<ports::ReadingStore> readings_;
  std::unique_ptr<adapters::storage::SqlMonitoringStore> store_;
  std::unique_ptr<PolicyRegistry> policies_;
  std::unique_ptr<RollupService> rollups_;
  std::unique_ptr<JudgingService> judging_;
  std::unique_ptr<MeasurementService> measurements_;
  ports::ManualClock clock_{At("2026-04-01T09:00:00+08:00")};
  int64_t district_ = 0, company_ = 0, partition_ = 0, h_ = 0, bed_ = 0, living_ = 0, kitchen_ = 0;
};

}  // namespace hearth::services
