// Ingest: the judgement of each reading (a table of cases against an in-memory store), the one
// durable batch per call, the caller's company scope, and the whole path on a real SQLite store.
#include "services/ingest_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_reading_store.hpp"

namespace hearth::services {
namespace {

Instant Now() { return *ParseRfc3339("2025-12-01T12:00:00+08:00"); }

using FakeStore = support::MemoryReadingStore;

TEST(IngestService, JudgesEachReading) {
  struct Case {
    const char* name;
    IncomingReading in;
    const char* reason;  // nullptr: accepted
    int32_t centi;       // the stored value when accepted
  };
  const char* kTs = "2025-12-01T08:00:00+08:00";
  const Case cases[] = {
      {"plain", {"T-1", kTs, "18.2"}, nullptr, 1820},
      {"integer", {"T-1", kTs, "18"}, nullptr, 1800},
      {"negative", {"T-1", kTs, "-5.5"}, nullptr, -550},
      {"plus sign", {"T-1", kTs, "+20.25"}, nullptr, 2025},
      {"half rounds away from zero", {"T-1", kTs, "18.125"}, nullptr, 1813},
      {"negative half too", {"T-1", kTs, "-18.125"}, nullptr, -1813},
      {"below half", {"T-1", kTs, "18.1249999"}, nullptr, 1812},
      {"tiny", {"T-1", kTs, "0.004"}, nullptr, 0},
      {"exponent", {"T-1", kTs, "1.82e1"}, nullptr, 1820},
      {"negative exponent", {"T-1", kTs, "1820E-2"}, nullptr, 1820},
      {"exponent plus", {"T-1", kTs, "0.182e+2"}, nullptr, 1820},
      {"top of range", {"T-1", kTs, "80.00"}, nullptr, 8000},
      {"bottom of range", {"T-1", kTs, "-50"}, nullptr, -5000},
      {"Z offset", {"T-1", "2025-12-01T00:00:00Z", "18"}, nullptr, 1800},
      {"skew allowed", {"T-1", "2025-12-01T12:05:00+08:00", "18"}, nullptr, 1800},
      {"unknown sensor", {"T-9", kTs, "18.2"}, "unknown sensor", 0},
      {"empty sensor", {"", kTs, "18.2"}, "unknown sensor", 0},
      {"no offset", {"T-1", "2025-12-01T08:00:00", "18.2"}, "malformed time", 0},
      {"bad month", {"T-1", "2025-13-01T08:00:00Z", "18.2"}, "malformed time", 0},
      {"date only", {"T-1", "2025-12-01", "18.2"}, "malformed time", 0},
      {"empty time", {"T-1", "", "18.2"}, "malformed time", 0},
      {"comma decimal", {"T-1", kTs, "18,2"}, "value is not a number", 0},
      {"text", {"T-1", kTs, "warm"}, "value is not a number", 0},
      {"empty value", {"T-1", kTs, ""}, "value is not a number", 0},
      {"bare exponent", {"T-1", kTs, "18e"}, "value is not a number", 0},
      {"too hot", {"T-1", kTs, "80.01"}, "value out of range [-50.00, 80.00]", 0},
      {"too cold", {"T-1", kTs, "-50.005"}, "value out of range [-50.00, 80.00]", 0},
      {"absurd exponent", {"T-1", kTs, "1e999"}, "value out of range [-50.00, 80.00]", 0},
      {"absurdly small", {"T-1", kTs, "1e-999"}, nullptr, 0},
      {"future", {"T-1", "2025-12-01T12:05:01+08:00", "18"}, "time in the future", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FakeStore store;
    ports::ManualClock clock(Now());
    auto report = IngestService(store, clock).Ingest({c.in});
    ASSERT_TRUE(report.ok()) << report.error().message;
    if (c.reason == nullptr) {
      EXPECT_EQ(report->accepted, 1);
      EXPECT_TRUE(report->rejected.empty());
      ASSERT_EQ(store.rows.size(), 1u);
      EXPECT_EQ(store.rows.begin()->second, c.centi);
      EXPECT_EQ(store.rows.begin()->first.first, 11);
    } else {
      EXPECT_EQ(report->accepted, 0);
      ASSERT_EQ(report->rejected.size(), 1u);
      EXPECT_EQ(report->rejected[0].index, 0);
      EXPECT_EQ(report->rejected[0].sensor, c.in.sensor);
      EXPECT_EQ(report->rejected[0].reason.rfind(c.reason, 0), 0u) << report->rejected[0].reason;
      // Nothing valid: no transaction at all, unless kept in quarantine (below).
      EXPECT_EQ(store.inserts, report->rejected[0].quarantined ? 1 : 0);
      EXPECT_TRUE(report->AllRejected());
    }
  }
}

// Issue 18, item 5: a reading timed too far ahead is rejected, and kept in quarantine when it is
// otherwise a good reading of a sensor the caller may send for; the rest stay plain rejections.
TEST(IngestService, QuarantinesFutureReadingsOfKnownSensors) {
  struct Case {
    const char* name;
    IncomingReading in;
    IngestScope scope;
    const char* reason;  // the rejection's
    bool quarantined;
  };
  const char* kAhead = "2025-12-01T13:00:00+08:00";  // an hour ahead of the clock
  const Case cases[] = {
      {"a fast clock", {"T-1", kAhead, "18.5"}, {}, "time in the future", true},
      {"just past the skew", {"T-1", "2025-12-01T12:05:01+08:00", "18"}, {}, "time in the future",
       true},
      {"far future", {"T-1", "2999-01-01T00:00:00+08:00", "18"}, {}, "time in the future", true},
      {"unknown sensor", {"T-9", kAhead, "18.5"}, {}, "unknown sensor", false},
      {"another company's sensor", {"T-1", kAhead, "18.5"}, IngestScope{2, std::nullopt},
       "unknown sensor", false},
      {"out of range", {"T-1", kAhead, "95"}, {}, "value out of range", false},
      {"not a number", {"T-1", kAhead, "warm"}, {}, "value is not a number", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FakeStore store;
    ports::ManualClock clock(Now());
    IngestService ingest(store, clock);
    auto report = ingest.Ingest({c.in}, c.scope, "mqtt");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->rejected.size(), 1u);
    EXPECT_EQ(report->rejected[0].reason.rfind(c.reason, 0), 0u) << report->rejected[0].reason;
    EXPECT_EQ(report->rejected[0].quarantined, c.quarantined);
    EXPECT_EQ(report->quarantined, c.quarantined ? 1 : 0);
    EXPECT_TRUE(report->AllRejected());  // nothing taken: HTTP answers 422
    EXPECT_TRUE(store.rows.empty());
    ASSERT_EQ(store.quarantined.size(), c.quarantined ? 1u : 0u);
    EXPECT_EQ(ingest.Totals().quarantined, c.quarantined ? 1 : 0);
    EXPECT_EQ(ingest.Totals().rejected, 1);
    if (c.quarantined) {
      const ports::QuarantineEntry& q = store.quarantined[0];
      EXPECT_EQ(q.sensor_id, 11);
      EXPECT_EQ(q.ts, ParseRfc3339(c.in.ts)->time_since_epoch().count());
      EXPECT_EQ(q.reason, "time in the future");
      EXPECT_EQ(q.source, "mqtt");
      EXPECT_EQ(q.received_at, Now().time_since_epoch().count());
    }
  }
}

// Quarantined readings share the batch's one transaction (acknowledged means stored), and count
// as rejected: a batch with one good reading is taken (200), one without is not (422).
TEST(IngestService, QuarantineGoesWithTheBatch) {
  FakeStore store;
  ports::ManualClock clock(Now());
  IngestService ingest(store, clock);
  const std::vector<IncomingReading> batch = {
      {"T-1", "2025-12-01T08:00:00+08:00", "18.2"},
      {"T-1", "2025-12-01T14:00:00+08:00", "18.3"},
      {"T-9", "2025-12-01T14:00:00+08:00", "18.3"},
  };
  auto report = ingest.Ingest(batch);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->accepted, 1);
  EXPECT_EQ(report->quarantined, 1);
  ASSERT_EQ(report->rejected.size(), 2u);
  EXPECT_TRUE(report->rejected[0].quarantined);
  EXPECT_FALSE(report->rejected[1].quarantined);
  EXPECT_FALSE(report->AllRejected());
  EXPECT_EQ(store.inserts, 1);
  EXPECT_EQ(store.quarantined.size(), 1u);
  auto again = ingest.Ingest(batch);  // redelivered: a duplicate, the quarantine unchanged
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->duplicate, 1);
  EXPECT_EQ(again->quarantined, 1);
  EXPECT_FALSE(again->AllRejected());
  EXPECT_EQ(store.quarantined.size(), 1u);

  store.unavailable = true;  // nothing kept when the batch fails: the caller does not acknowledge
  EXPECT_FALSE(ingest.Ingest({batch[1]}).ok());
  EXPECT_EQ(ingest.Totals().quarantined, 2);
}

TEST(IngestService, OneBatchWithIndicesAndDuplicates) {
  FakeStore store;
  ports::ManualClock clock(Now());
  IngestService ingest(store, clock);
  const std::vector<IncomingReading> batch = {
      {"T-1", "2025-12-01T08:00:00+08:00", "18.2"},
      {"T-9", "2025-12-01T08:00:00+08:00", "18.2"},
      {"T-1", "2025-12-01T08:05:00+08:00", "18.3"},
      {"T-1", "2025-12-01T00:00:00Z", "19"},  // the first's instant, another value: conflicting
      {"T-1", "2025-12-01T00:05:00Z", "18.30"},  // the same instant and value: a duplicate
      {"T-2", "2025-12-01T08:00:00+08:00", "90"},
      {"T-2", "2025-12-01T08:00:00+08:00", "20"},
  };
  auto report = ingest.Ingest(batch);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->accepted, 3);
  EXPECT_EQ(report->duplicate, 1);
  EXPECT_EQ(report->conflicting, 1);
  ASSERT_EQ(report->rejected.size(), 2u);
  EXPECT_EQ(report->rejected[0].index, 1);
  EXPECT_EQ(report->rejected[0].reason, "unknown sensor");
  EXPECT_EQ(report->rejected[1].index, 5);
  EXPECT_EQ(report->rejected[1].sensor, "T-2");
  EXPECT_EQ(store.inserts, 1);
  EXPECT_EQ(store.lookups, 3);  // each code once per batch
  const int64_t t8 = ParseRfc3339("2025-12-01T08:00:00+08:00")->time_since_epoch().count();
  EXPECT_EQ(store.rows.at({11, t8}), 1820);  // the first of the two, not the conflicting 19
  ASSERT_EQ(store.conflicts.size(), 1u);  // kept for review
  EXPECT_EQ(store.conflicts[0].centi, 1900);
  EXPECT_EQ(store.conflicts[0].stored_centi, 1820);
  EXPECT_EQ(store.conflicts[0].source, "unknown");

  auto again = ingest.Ingest(batch, {}, "mqtt");  // a re-sent batch stores nothing new
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0);
  EXPECT_EQ(again->duplicate, 4);
  EXPECT_EQ(again->conflicting, 1);
  EXPECT_EQ(store.rows.size(), 3u);
}

TEST(IngestService, ScopeHidesOtherCompaniesSensors) {
  FakeStore store;
  ports::ManualClock clock(Now());
  IngestService ingest(store, clock);
  const std::vector<IncomingReading> batch = {{"T-1", "2025-12-01T08:00:00+08:00", "18"},
                                              {"T-2", "2025-12-01T08:00:00+08:00", "18"}};
  auto report = ingest.Ingest(batch, IngestScope{2, std::nullopt});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->accepted, 1);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].index, 0);
  EXPECT_EQ(report->rejected[0].reason, "unknown sensor");  // not "forbidden": codes stay private
  const int64_t t8 = ParseRfc3339("2025-12-01T08:00:00+08:00")->time_since_epoch().count();
  EXPECT_EQ(store.rows.count({12, t8}), 1u);

  // A device token's scope (issue 12): its own sensors only, the others as unknown.
  auto device = ingest.Ingest(batch, IngestScope{std::nullopt, std::vector<int64_t>{11}});
  ASSERT_TRUE(device.ok());
  EXPECT_EQ(device->accepted, 1);
  ASSERT_EQ(device->rejected.size(), 1u);
  EXPECT_EQ(device->rejected[0].index, 1);
  EXPECT_EQ(device->rejected[0].reason, "unknown sensor");
}

TEST(IngestService, StoreFailureIsTheCallersError) {
  FakeStore store;
  store.unavailable = true;
  ports::ManualClock clock(Now());
  auto report = IngestService(store, clock).Ingest({{"T-1", "2025-12-01T08:00:00+08:00", "18"}});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kUnavailable);  // 503: not acknowledged, resend
}

TEST(IngestService, StoresDurablyInSqlite) {
  char tmpl[] = "/tmp/hearth-ingest-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string db = dir + "/h.db";
  {
    auto conn = adapters::storage::Connect(db);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    auto make = [&](const char* resource, ports::Fields f) {
      auto r = records.Create(*model::FindResource(resource), f, {}, "test");
      EXPECT_TRUE(r.ok()) << resource << ": " << r.error().detail;
      return r.ok() ? r->id : 0;
    };
    int64_t d = make("districts", {{"code", "d"}, {"name", "D"}, {"city", "Weihai"},
                                   {"policy", "weihai"}});
    int64_t co = make("companies", {{"code", "c"}, {"name", "C"}, {"policy", "weihai"}});
    int64_t hs = make("heat_sources", {{"company_id", co}, {"code", "hs"}, {"name", "p"},
                                       {"kind", "chp"}});
    int64_t ns = make("network_sections", {{"company_id", co}, {"heat_source_id", hs},
                                           {"code", "n"}, {"name", "n"}});
    int64_t ss = make("substations", {{"company_id", co}, {"network_section_id", ns},
                                      {"code", "s"}, {"name", "s"}});
    int64_t b = make("buildings", {{"company_id", co}, {"district_id", d}, {"substation_id", ss},
                                   {"code", "b"}, {"community", "c"}, {"floors", int64_t{6}}});
    int64_t p = make("partitions", {{"company_id", co}, {"building_id", b}, {"code", "u"}});
    int64_t h = make("households", {{"company_id", co}, {"partition_id", p}, {"code", "h"},
                                    {"area_m2", int64_t{9000}}, {"floor", int64_t{2}},
                                    {"orientation", "sun"}, {"billing", "area"},
                                    {"heating_status", "heated"}});
    int64_t room = make("rooms", {{"household_id", h}, {"name", "b"}, {"kind", "bedroom"}});
    make("sensors", {{"code", "T-1"}, {"room_id", room}});
  }
  ports::ManualClock clock(Now());
  std::vector<IncomingReading> batch;
  for (int m = 0; m < 60; ++m) {
    std::string mm = (m < 10 ? "0" : "") + std::to_string(m);
    batch.push_back({"T-1", "2025-12-01T08:" + mm + ":00+08:00", "18." + std::to_string(m % 10)});
  }
  batch.push_back({"T-2", "2025-12-01T08:00:00+08:00", "18"});
  {
    auto store = adapters::storage::OpenReadingStore(db);
    ASSERT_TRUE(store.ok()) << store.error().detail;
    IngestService ingest(**store, clock);
    auto report = ingest.Ingest(batch);
    ASSERT_TRUE(report.ok()) << report.error().detail;
    EXPECT_EQ(report->accepted, 60);
    EXPECT_EQ(report->rejected.size(), 1u);
    auto again = ingest.Ingest(batch);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->accepted, 0);
    EXPECT_EQ(again->duplicate, 60);
  }
  auto reopened = adapters::storage::OpenReadingStore(db);
  ASSERT_TRUE(reopened.ok());
  auto sensor = (*reopened)->FindSensor("T-1");
  ASSERT_TRUE(sensor.ok());
  const int64_t t8 = ParseRfc3339("2025-12-01T08:00:00+08:00")->time_since_epoch().count();
  auto rows = (*reopened)->Range(sensor->id, t8, t8 + 3600, 1000);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 60u);
  EXPECT_EQ((*rows)[13].ts, t8 + 13 * 60);
  EXPECT_EQ((*rows)[13].centi, 1830);
  reopened->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hearth::services
