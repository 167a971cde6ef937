// The monitoring store contract (ports/monitoring_store.hpp) on SQLite and on a real PostgreSQL
// cluster: dirty marks taken and cleared only when no reading re-opened them, a household's
// readings with their rooms, household-days and outdoor means replaced and read by range,
// manual measurements, and each sensor's newest reading.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/monitoring_store_sql.hpp"
#include "adapters/storage/reading_store_sql.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_database.hpp"

namespace hearth::adapters::storage {
namespace {

using support::Engine;
using support::EngineName;

constexpr int64_t kT0 = 1764547200;  // 2025-12-01T08:00:00+08:00

Date D(const char* text) { return *ParseDate(text); }

class MonitoringStoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<support::TestDatabase>(GetParam());
    url_ = db_->url();
    auto conn = Connect(url_);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn).ok());
    records_ = std::make_unique<SqlRecordStore>(std::move(*conn));
    MakeCity();
    auto readings = OpenReadingStore(url_);
    ASSERT_TRUE(readings.ok());
    readings_ = std::move(*readings);
    auto mine = Connect(url_, false);
    ASSERT_TRUE(mine.ok());
    store_ = std::make_unique<SqlMonitoringStore>(std::move(*mine));
  }
  void TearDown() override {
    store_.reset();
    readings_.reset();
    records_.reset();
    db_.reset();
  }

  int64_t Make(const char* resource, ports::Fields fields) {
    auto rec = records_->Create(*model::FindResource(resource), fields, {}, "test");
    EXPECT_TRUE(rec.ok()) << resource << ": " << rec.error().detail;
    return rec.ok() ? rec->id : 0;
  }

  // Two companies; household h1 (company c1) has a bedroom with sensors 1 and 2 and a kitchen
  // with sensor 3; household h2 (company c2) has one living room with sensor 4.
  void MakeCity() {
    district_ =
        Make("districts", {{"code", "d"}, {"name", "D"}, {"city", "Weihai"}, {"policy", "weihai"}});
    for (int c = 0; c < 2; ++c) {
      std::string n = std::to_string(c + 1);
      int64_t company = Make("companies", {{"code", "c" + n}, {"name", "C"}, {"policy", "weihai"}});
      companies_.push_back(company);
      int64_t src =
          Make("heat_sources",
               {{"company_id", company}, {"code", "hs"}, {"name", "plant"}, {"kind", "chp"}});
      int64_t sec = Make(
          "network_sections",
          {{"company_id", company}, {"heat_source_id", src}, {"code", "n1"}, {"name", "north"}});
      int64_t sub = Make(
          "substations",
          {{"company_id", company}, {"network_section_id", sec}, {"code", "s1"}, {"name", "s"}});
      int64_t building = Make("buildings", {{"company_id", company},
                                            {"district_id", district_},
                                            {"substation_id", sub},
                                            {"code", "b1"},
                                            {"community", "Sunny"},
                                            {"floors", int64_t{6}}});
      int64_t partition =
          Make("partitions", {{"company_id", company}, {"building_id", building}, {"code", "u1"}});
      households_.push_back(Make("households", {{"company_id", company},
                                                {"partition_id", partition},
                                                {"code", "h" + n},
                                                {"area_m2", int64_t{8550}},
                                                {"floor", int64_t{1}},
                                                {"orientation", "sun"},
                                                {"billing", "area"},
                                                {"heating_status", "heated"}}));
    }
    int64_t bed =
        Make("rooms", {{"household_id", households_[0]}, {"name", "主卧"}, {"kind", "bedroom"}});
    int64_t kitchen =
        Make("rooms", {{"household_id", households_[0]}, {"name", "kitchen"}, {"kind", "other"}});
    int64_t living =
        Make("rooms", {{"household_id", households_[1]}, {"name", "living"}, {"kind", "living"}});
    sensors_ = {Make("sensors", {{"code", "T-1"}, {"room_id", bed}}),
                Make("sensors", {{"code", "T-2"}, {"room_id", bed}}),
                Make("sensors", {{"code", "T-3"}, {"room_id", kitchen}}),
                Make("sensors", {{"code", "T-4"}, {"room_id", living}})};
  }

  void Insert(const std::vector<ports::Reading>& batch) {
    auto c = readings_->Insert(batch);
    ASSERT_TRUE(c.ok()) << c.error().detail;
  }

  std::vector<ports::DirtyMark> Marks(std::optional<int64_t> household = std::nullopt,
                                      int limit = 100,
                                      std::optional<std::pair<Date, Date>> days = std::nullopt) {
    ports::MarkRange range{
        household ? std::optional(std::pair(*household, *household)) : std::nullopt, days};
    auto marks = store_->DirtyMarks(limit, range);
    EXPECT_TRUE(marks.ok()) << marks.error().detail;
    return marks.ok() ? *marks : std::vector<ports::DirtyMark>{};
  }

  std::unique_ptr<support::TestDatabase> db_;
  std::string url_;
  std::unique_ptr<SqlRecordStore> records_;
  std::unique_ptr<ports::ReadingStore> readings_;
  std::unique_ptr<SqlMonitoringStore> store_;
  int64_t district_ = 0;
  std::vector<int64_t> companies_, households_, sensors_;
};

TEST_P(MonitoringStoreContract, MarksAreClearedOnlyWhenNoReadingReopenedThem) {
  Insert({{sensors_[0], kT0, 1800},
          {sensors_[1], kT0, 1900},
          {sensors_[3], kT0, 2000},
          {sensors_[0], kT0 + 86400, 1700}});
  auto all = Marks();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(*store_->DirtyMarkCount(), 4);
  EXPECT_EQ(all[0].household_id, households_[0]);
  EXPECT_EQ(all[0].day, D("2025-12-01"));
  EXPECT_EQ(all[0].seq, 1);
  EXPECT_EQ(all[3].household_id, households_[1]);
  EXPECT_EQ(Marks(households_[1]).size(), 1u);
  EXPECT_EQ(Marks(std::nullopt, 2).size(), 2u);
  // By local day: 2025-12-02 holds only sensor 1's second day; both days hold all four.
  auto second = Marks(std::nullopt, 100, std::pair(D("2025-12-02"), D("2025-12-02")));
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].sensor_id, sensors_[0]);
  EXPECT_EQ(Marks(std::nullopt, 100, std::pair(D("2025-11-30"), D("2025-12-02"))).size(), 4u);
  EXPECT_TRUE(Marks(std::nullopt, 100, std::pair(D("2025-12-03"), D("2026-01-31"))).empty());
  EXPECT_EQ(Marks(households_[1], 100, std::pair(D("2025-12-01"), D("2025-12-01"))).size(), 1u);
  EXPECT_TRUE(Marks(households_[1], 100, std::pair(D("2025-12-02"), D("2025-12-02"))).empty());

  // A late reading for sensor 1 on 2025-12-01 arrives while the rollup works: its mark stays.
  Insert({{sensors_[0], kT0 + 60, 1810}});
  ports::HouseholdDay day{households_[0], D("2025-12-01"), 185, "主卧", {}, ""};
  auto cleared = store_->CommitRollup(std::span(&day, 1), all);
  ASSERT_TRUE(cleared.ok()) << cleared.error().detail;
  EXPECT_EQ(*cleared, 3);
  auto left = Marks();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].sensor_id, sensors_[0]);
  EXPECT_EQ(left[0].day, D("2025-12-01"));
  EXPECT_EQ(left[0].seq, 2);
  cleared = store_->CommitRollup({}, left);
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(*cleared, 1);
  EXPECT_TRUE(Marks().empty());
  EXPECT_EQ(*store_->DirtyMarkCount(), 0);
}

TEST_P(MonitoringStoreContract, HouseholdReadingsCarryTheirRooms) {
  Insert({{sensors_[0], kT0, 1800},
          {sensors_[2], kT0 + 10, 2500},
          {sensors_[3], kT0, 2000},
          {sensors_[1], kT0 + 3600, 1900}});
  auto rows = store_->HouseholdReadings(households_[0], kT0, kT0 + 3600);
  ASSERT_TRUE(rows.ok()) << rows.error().detail;
  std::vector<std::string> got;
  for (const auto& r : *rows) {
    got.push_back(r.room + "/" + r.room_kind + "/" + std::to_string(r.ts - kT0) + "/" +
                  std::to_string(r.centi));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"kitchen/other/10/2500", "主卧/bedroom/0/1800"}));
}

// The rooms kept with a day: a counted room with its value, and one that did not count.
const ports::RoomSummary kMainBedroom{"主卧", rules::RoomKind::kBedroom, 24, true, 185};
const ports::RoomSummary kKitchen{"kitchen", rules::RoomKind::kOther, 19, false, std::nullopt};

// A round's days and marks go in statements of many rows: more of each than one statement takes
// (600 days, 1,200 marks), and a day given twice keeps the last, as row by row.
TEST_P(MonitoringStoreContract, ACommitOfManyDaysAndMarks) {
  constexpr int kDays = 300;
  std::vector<ports::Reading> readings;
  for (int i = 0; i < kDays; ++i) {
    for (size_t s = 0; s < 4; ++s) readings.push_back({sensors_[s], kT0 + i * 86400LL, 1800});
  }
  Insert(readings);
  auto marks = Marks(std::nullopt, 5000);
  ASSERT_EQ(marks.size(), 4u * kDays);
  std::vector<ports::HouseholdDay> days;
  for (int64_t h : {households_[0], households_[1]}) {
    for (int i = 0; i < kDays; ++i) {
      days.push_back({h, D("2025-12-01") + std::chrono::days{i}, 180 + i % 7, "主卧",
                      {kMainBedroom}, ""});
    }
  }
  days.push_back({households_[0], D("2025-12-01"), 175, "主卧", {}, ""});  // again: this is kept
  auto cleared = store_->CommitRollup(days, marks);
  ASSERT_TRUE(cleared.ok()) << cleared.error().detail;
  EXPECT_EQ(*cleared, 4 * kDays);
  EXPECT_EQ(*store_->DirtyMarkCount(), 0);
  for (int64_t h : {households_[0], households_[1]}) {
    auto stored = store_->HouseholdDays(h, D("2025-11-01"), D("2026-12-31"), std::nullopt);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->size(), static_cast<size_t>(kDays));
    EXPECT_EQ(stored->front().value, h == households_[0] ? 175 : 180);
    EXPECT_EQ(stored->front().rooms.empty(), h == households_[0]);
    EXPECT_EQ(stored->back().day, D("2025-12-01") + std::chrono::days{kDays - 1});
    EXPECT_EQ(stored->back().value, 180 + (kDays - 1) % 7);
    EXPECT_EQ(stored->back().rooms, (std::vector<ports::RoomSummary>{kMainBedroom}));
  }
}

TEST_P(MonitoringStoreContract, HouseholdDaysAreReplacedAndReadByRange) {
  std::vector<ports::HouseholdDay> days{
      {households_[0], D("2025-12-01"), 185, "主卧", {kMainBedroom, kKitchen}, ""},
      {households_[0], D("2025-12-02"), std::nullopt, "", {}, ""},
      {households_[1], D("2025-12-01"), 201, "living", {}, ""},
  };
  ASSERT_TRUE(store_->CommitRollup(days, {}).ok());
  days[0].value = 179;
  ASSERT_TRUE(store_->CommitRollup(std::span(days).first(1), {}).ok());
  struct Case {
    const char* name;
    Date from, to;
    std::vector<std::optional<int>> values;
  };
  const Case cases[] = {
      {"both", D("2025-11-01"), D("2025-12-31"), {179, std::nullopt}},
      {"inclusive ends", D("2025-12-02"), D("2025-12-02"), {std::nullopt}},
      {"none", D("2025-12-03"), D("2025-12-31"), {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = store_->HouseholdDays(households_[0], c.from, c.to, std::nullopt);
    ASSERT_TRUE(got.ok()) << got.error().detail;
    std::vector<std::optional<int>> values;
    for (const auto& d : *got) values.push_back(d.value);
    EXPECT_EQ(values, c.values);
  }
  auto first =
      store_->HouseholdDays(households_[0], D("2025-12-01"), D("2025-12-01"), std::nullopt);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].room, "主卧");
  EXPECT_EQ((*first)[0].rooms, (std::vector<ports::RoomSummary>{kMainBedroom, kKitchen}));
  EXPECT_FALSE((*first)[0].computed_at.empty());
  // The rooms of the days asked for only; every day keeps its value and room.
  for (const Date shown : {D("2025-12-01"), D("2025-12-02")}) {
    auto some = store_->HouseholdDays(households_[0], D("2025-12-01"), D("2025-12-02"),
                                      ports::RoomsWanted{shown, shown});
    ASSERT_TRUE(some.ok()) << some.error().detail;
    ASSERT_EQ(some->size(), 2u);
    EXPECT_EQ((*some)[0].value, 179);
    EXPECT_EQ((*some)[0].room, "主卧");
    EXPECT_EQ((*some)[0].rooms.size(), shown == D("2025-12-01") ? 2u : 0u);
  }
  // A page of households at once: by household, then day.
  const int64_t lo = std::min(households_[0], households_[1]);
  const int64_t hi = std::max(households_[0], households_[1]);
  auto page = store_->HouseholdDaysOf(lo, hi, D("2025-11-01"), D("2025-12-31"), std::nullopt);
  ASSERT_TRUE(page.ok()) << page.error().detail;
  std::vector<std::pair<int64_t, std::string>> keys;
  for (const auto& d : *page) keys.emplace_back(d.household_id, FormatDate(d.day));
  std::vector<std::pair<int64_t, std::string>> want{{households_[0], "2025-12-01"},
                                                    {households_[0], "2025-12-02"},
                                                    {households_[1], "2025-12-01"}};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(keys, want);
  EXPECT_EQ(store_->HouseholdDaysOf(households_[1], households_[1], D("2025-12-02"),
                                    D("2025-12-31"), std::nullopt)
                ->size(),
            0u);

  auto on = store_->HouseholdsWithDays(D("2025-12-01"), D("2025-12-01"), std::nullopt);
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(on->size(), 2u);
  on = store_->HouseholdsWithDays(D("2025-12-01"), D("2025-12-01"), companies_[1]);
  ASSERT_TRUE(on.ok());
  EXPECT_EQ(*on, std::vector<int64_t>{households_[1]});

}

TEST_P(MonitoringStoreContract, OutdoorMeansAreReplacedAllOrNothing) {
  std::vector<ports::OutdoorMean> means{{district_, D("2025-12-01"), -63},
                                        {district_, D("2025-12-02"), 12}};
  ASSERT_TRUE(store_->PutOutdoorMeans(means, "regulator1").ok());
  means[0].mean = -70;
  means[1].district_id = district_ + 1000;  // unknown: the whole call fails
  EXPECT_FALSE(store_->PutOutdoorMeans(means, "regulator1").ok());
  auto got = store_->OutdoorMeans(district_, D("2025-12-01"), D("2025-12-31"));
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].mean, -63);
  EXPECT_EQ((*got)[1].mean, 12);
  ASSERT_TRUE(store_->PutOutdoorMeans(std::span(means).first(1), "regulator1").ok());
  got = store_->OutdoorMeans(district_, D("2025-12-01"), D("2025-12-01"));
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].mean, -70);
  // Three audited writes (the failed call left none), newest first; the change keeps its before.
  auto audit = records_->Audit(std::nullopt, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 3u);
  EXPECT_EQ((*audit)[0].resource, "weather");
  EXPECT_EQ((*audit)[0].actor, "regulator1");
  EXPECT_EQ((*audit)[0].action, "update");
  EXPECT_NE((*audit)[0].before_json.find("-6.3"), std::string::npos) << (*audit)[0].before_json;
  EXPECT_NE((*audit)[0].after_json.find("-7"), std::string::npos) << (*audit)[0].after_json;
}

// Issue 11: a company's submitted means are not used until confirmed; a decision is final.
TEST_P(MonitoringStoreContract, SubmittedOutdoorMeansWaitForConfirmation) {
  std::vector<ports::OutdoorMean> means{{district_, D("2025-12-01"), -250},
                                        {district_, D("2025-12-02"), -240}};
  auto ids = store_->SubmitOutdoorMeans(means, "manager1");
  ASSERT_TRUE(ids.ok()) << ids.error().detail;
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_TRUE(store_->OutdoorMeans(district_, D("2025-12-01"), D("2025-12-31"))->empty());
  ports::SubmissionQuery pending;
  pending.status = "pending";
  ASSERT_EQ(store_->OutdoorMeanSubmissions(pending)->size(), 2u);

  auto confirmed = store_->DecideOutdoorMean((*ids)[0], true, "regulator1");
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_EQ(confirmed->status, "confirmed");
  EXPECT_EQ(confirmed->decided_by, "regulator1");
  auto rejected = store_->DecideOutdoorMean((*ids)[1], false, "regulator1");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->status, "rejected");
  auto used = store_->OutdoorMeans(district_, D("2025-12-01"), D("2025-12-31"));
  ASSERT_TRUE(used.ok());
  ASSERT_EQ(used->size(), 1u);
  EXPECT_EQ((*used)[0].mean, -250);
  EXPECT_EQ(store_->DecideOutdoorMean((*ids)[0], false, "regulator1").error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->DecideOutdoorMean((*ids)[1] + 100, true, "regulator1").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(store_->OutdoorMeanSubmissions(pending)->size(), 0u);
  auto audit = records_->Audit(std::nullopt, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 5u);  // 2 submissions, confirm + its mean, reject
  EXPECT_EQ((*audit)[0].action, "reject");
  EXPECT_EQ((*audit)[1].action, "create");
  EXPECT_NE((*audit)[1].after_json.find("manager1, confirmed by regulator1"), std::string::npos);
  EXPECT_EQ((*audit)[2].action, "confirm");
  EXPECT_EQ((*audit)[4].action, "submit");
  EXPECT_EQ((*audit)[4].actor, "manager1");
}

TEST_P(MonitoringStoreContract, MeasurementsAreAddedListedAndUpdated) {
  ports::Measurement m;
  m.household_id = households_[0];
  m.room = "主卧";
  m.taken_at = Instant{std::chrono::seconds{kT0 + 600}};
  m.instrument = "glass-thermometer";
  m.payload_json = R"({"room":"主卧"})";
  m.signature = "pending";
  m.valid = true;
  m.violations_json = "[]";
  m.value = 172;
  m.created_by = "tech";
  auto later = store_->AddMeasurement(m);
  ASSERT_TRUE(later.ok()) << later.error().detail;
  m.taken_at = Instant{std::chrono::seconds{kT0}};
  m.third_party = true;
  m.value = std::nullopt;
  m.valid = false;
  m.signature = "signed";
  m.signed_record = ports::SignatureRecord{"张三", Instant{std::chrono::seconds{kT0 + 60}}, "device"};
  auto earlier = store_->AddMeasurement(m);
  ASSERT_TRUE(earlier.ok());
  EXPECT_GT(later->id, 0);
  EXPECT_EQ(later->value, 172);
  EXPECT_EQ(later->taken_at, Instant{std::chrono::seconds{kT0 + 600}});
  EXPECT_FALSE(later->created_at.empty());
  EXPECT_FALSE(later->signed_record.has_value());
  EXPECT_EQ(earlier->signed_record, m.signed_record);

  auto list = store_->Measurements(households_[0]);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, earlier->id);  // by time taken
  EXPECT_TRUE((*list)[0].third_party);
  EXPECT_FALSE((*list)[0].value.has_value());
  EXPECT_TRUE(store_->Measurements(households_[1])->empty());

  ports::MeasurementChange sign;
  sign.signature = "signed";
  sign.signed_record =
      ports::SignatureRecord{"h1-user", Instant{std::chrono::seconds{kT0 + 3600}}, "household-login"};
  auto signed_ = store_->UpdateMeasurement(later->id, sign, "h1-user");
  ASSERT_TRUE(signed_.ok());
  EXPECT_EQ(signed_->signature, "signed");
  EXPECT_EQ(signed_->signed_record, sign.signed_record);
  EXPECT_FALSE(signed_->overridden);
  ports::MeasurementChange override_it;
  override_it.overridden = true;
  auto overridden = store_->UpdateMeasurement(later->id, override_it, "agent1");
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(overridden->signature, "signed");
  EXPECT_EQ(overridden->signed_record, sign.signed_record);  // kept
  EXPECT_TRUE(overridden->overridden);
  EXPECT_EQ(store_->GetMeasurement(later->id)->overridden, true);
  for (int64_t id : {later->id + 100, int64_t{0}}) {
    EXPECT_EQ(store_->GetMeasurement(id).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(store_->UpdateMeasurement(id, sign, "x").error().code, ErrorCode::kNotFound);
  }
  // Every addition and change is in the audit log, with who did it (W 12.1).
  auto audit = records_->Audit(std::nullopt, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 4u);
  EXPECT_EQ((*audit)[0].actor, "agent1");
  EXPECT_EQ((*audit)[0].resource, "measurements");
  EXPECT_EQ((*audit)[0].record_id, later->id);
  EXPECT_NE((*audit)[0].after_json.find("\"overridden\":true"), std::string::npos);
  EXPECT_EQ((*audit)[1].actor, "h1-user");
  EXPECT_NE((*audit)[1].before_json.find("\"signature\":\"pending\""), std::string::npos);
  EXPECT_EQ((*audit)[3].action, "create");
  EXPECT_EQ((*audit)[3].actor, "tech");
}

// Issue 11: measurements listed per company, district and time, by id, with a cursor.
TEST_P(MonitoringStoreContract, MeasurementsAreListedByCompanyDistrictAndTime) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    ports::Measurement m;
    m.household_id = households_[static_cast<size_t>(i % 2)];
    m.room = "r";
    m.taken_at = Instant{std::chrono::seconds{kT0 + i * 86400}};
    m.instrument = "glass-thermometer";
    m.payload_json = "{}";
    m.signature = "pending";
    m.valid = true;
    m.violations_json = "[]";
    m.created_by = "tech";
    auto added = store_->AddMeasurement(m);
    ASSERT_TRUE(added.ok()) << added.error().detail;
    ids.push_back(added->id);
  }
  auto list = [&](ports::MeasurementQuery q) {
    std::vector<int64_t> got;
    auto rows = store_->ListMeasurements(q);
    EXPECT_TRUE(rows.ok()) << rows.error().detail;
    if (rows.ok()) {
      for (const auto& m : *rows) got.push_back(m.id);
    }
    return got;
  };
  using V = std::vector<int64_t>;
  EXPECT_EQ(list({}), ids);
  ports::MeasurementQuery q;
  q.company_id = companies_[1];
  EXPECT_EQ(list(q), (V{ids[1], ids[3]}));
  q = {};
  q.household_id = households_[0];
  EXPECT_EQ(list(q), (V{ids[0], ids[2]}));
  q = {};
  q.district_id = district_;
  q.from = Instant{std::chrono::seconds{kT0 + 86400}};
  q.to = Instant{std::chrono::seconds{kT0 + 2 * 86400}};
  EXPECT_EQ(list(q), (V{ids[1], ids[2]}));
  q.district_id = district_ + 1000;
  EXPECT_TRUE(list(q).empty());
  q = {};
  q.after = ids[0];
  q.limit = 2;
  EXPECT_EQ(list(q), (V{ids[1], ids[2]}));
}

TEST_P(MonitoringStoreContract, LastReadingsPerSensor) {
  Insert({{sensors_[0], kT0, 1800}, {sensors_[0], kT0 + 60, 4600}, {sensors_[3], kT0 - 60, 2000}});
  auto all = store_->LastReadings(std::nullopt);
  ASSERT_TRUE(all.ok()) << all.error().detail;
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].sensor_code, "T-1");
  EXPECT_EQ((*all)[0].household_code, "h1");
  EXPECT_EQ((*all)[0].last_ts, kT0 + 60);
  EXPECT_EQ((*all)[0].last_centi, 4600);
  EXPECT_FALSE((*all)[1].last_ts.has_value());  // never sent
  auto c2 = store_->LastReadings(companies_[1]);
  ASSERT_TRUE(c2.ok());
  ASSERT_EQ(c2->size(), 1u);
  EXPECT_EQ((*c2)[0].sensor_id, sensors_[3]);
  EXPECT_EQ((*c2)[0].company_id, companies_[1]);
  EXPECT_EQ((*c2)[0].last_centi, 2000);
}

INSTANTIATE_TEST_SUITE_P(Engines, MonitoringStoreContract,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);

}  // namespace
}  // namespace hearth::adapters::storage
