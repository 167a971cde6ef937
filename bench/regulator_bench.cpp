// The regulator's comparison of companies over a season at city scale (issue 15, R-REG-1: "the
// regulator's comparison for 20 companies and 2,000,000 households over a season, against a
// plain aggregate query over the same rows").
//
// Set-up, not timed: a SQLite file with 20 companies of HEARTH_BENCH_REGULATOR_HOUSEHOLDS / 20
// heated households each (2,000,000 in all by default), in buildings of 100 households, written
// through the record store. As in a real city only a sample of the households has a room sensor
// (issue 17's city: 1 in 20): each of those has every day of the 2025 season (2025-11-15 ..
// 2026-03-15, 121 days) stored as a judged household-day (R-TEMP-3, through
// MonitoringStore::CommitRollup), one in seven with a cold fortnight, and a draft refund. Each
// company has 250 complaints spread over the season, each through its whole life in
// WorkOrderService (receipt, repair, reply, a satisfied return visit: R-KPI-Q, P and B), half
// from the city hotline; and two company-caused stops of 14 h over two buildings, recorded and
// ended through OutageService (R-KPI-S).
//
//   BM_RegulatorCompare           RegulatorService::Compare over the season
//                                 (from=2025-11-15&to=2026-03-15, a subsidy pool): the hotline
//                                 report, the five indicators (C judges every sampled household's
//                                 121 days with its guarantee, stops and findings), households
//                                 per company, refunds, licences, season duties, the scores and
//                                 shares. Each iteration opens a fresh runtime (not timed), so
//                                 nothing judged before is reused. Items: households compared.
//   BM_RegulatorCompare_Baseline  plain aggregate queries over the same rows, one statement
//                                 each: the judged days per company (count, and those at 18 °C or
//                                 more), orders per company and channel in the season, households
//                                 per company, refunds per company and status. No rule applied,
//                                 nothing judged. Items: households compared.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "adapters/storage/sql.hpp"
#include "app/runtime/runtime.hpp"
#include "bench_database.hpp"
#include "core/civil_time.hpp"
#include "model/resources.hpp"
#include "order_life.hpp"
#include "services/report_period.hpp"

namespace {

using namespace hearth;  // NOLINT

constexpr int kCompanies = 20;
constexpr int kSeason = 2025;
constexpr int kSeasonDays = 121;            // 2025-11-15 .. 2026-03-15
constexpr int64_t kPerBuilding = 100;       // households per building
constexpr int64_t kSampleEvery = 20;        // one household in 20 has a room sensor
constexpr int64_t kOrdersPerCompany = 250;  // complaints over the season

int64_t Households() {
  const char* n = std::getenv("HEARTH_BENCH_REGULATOR_HOUSEHOLDS");
  return n ? std::max<int64_t>(kCompanies * kPerBuilding, std::atoll(n)) : 2'000'000;
}

void Must(const Status& s, const char* what) {
  if (!s.ok()) throw std::runtime_error(std::string(what) + ": " + s.error().message);
}

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}

Instant At(const char* text) { return Must(ParseRfc3339(text), "time"); }

std::unique_ptr<app::runtime::Runtime> Open(const std::string& url) {
  return Must(app::runtime::Runtime::Open(
                  {url, HEARTH_SOURCE_DIR "/policies", app::runtime::DbMode::kRequired}),
              "runtime");
}

ports::ReportMonth Season() {
  return Must(services::ParseReportPeriod("2025-11-15", "2026-03-15"), "period");
}

// One company: its district, licence and network, its buildings and households, the sampled
// households' days and refunds, its complaints and its stops.
class CompanyWriter {
 public:
  CompanyWriter(app::runtime::Runtime& rt, int n, int64_t households)
      : rt_(rt), records_(rt.db->records), code_("r" + std::to_string(100 + n).substr(1)),
        households_(households) {}

  // Returns the households with days.
  int64_t Write() {
    Network();
    const int64_t sampled = HouseholdsAndDays();
    Orders();
    Outages();
    return sampled;
  }

 private:
  int64_t Make(const char* resource, const ports::Fields& f) {
    return Must(records_.Create(*model::FindResource(resource), f, {}, "bench"), resource).id;
  }

  std::vector<ports::Record> MakeMany(const char* resource, const std::vector<ports::Fields>& rows) {
    std::vector<ports::Record> made;
    Must(records_.Transact([&](ports::RecordTransaction& tx) -> Status {
      auto r = tx.CreateMany(*model::FindResource(resource), rows, {}, "bench");
      if (!r.ok()) return r.error();
      made = std::move(*r);
      return OkStatus();
    }),
         resource);
    return made;
  }

  void Network() {
    const int64_t district = Make("districts", {{"code", "d-" + code_},
                                                {"name", "区" + code_},
                                                {"city", "威海市"},
                                                {"policy", "weihai"}});
    company_ = Make("companies", {{"code", code_}, {"name", "热力" + code_}, {"policy", "weihai"}});
    Make("licensed_districts", {{"company_id", company_}, {"district_id", district}});
    const int64_t source = Make(
        "heat_sources", {{"company_id", company_}, {"code", "hs"}, {"name", "热源"}, {"kind", "chp"}});
    const int64_t section = Make("network_sections", {{"company_id", company_},
                                                      {"heat_source_id", source},
                                                      {"code", "n"},
                                                      {"name", "主网"}});
    const int64_t substation = Make("substations", {{"company_id", company_},
                                                    {"network_section_id", section},
                                                    {"code", "s"},
                                                    {"name", "换热站"}});
    std::vector<ports::Fields> buildings;
    for (int64_t b = 0; b < households_ / kPerBuilding; ++b) {
      buildings.push_back({{"company_id", company_},
                           {"district_id", district},
                           {"substation_id", substation},
                           {"code", "B-" + std::to_string(b)},
                           {"community", "小区" + std::to_string(b / 50)},
                           {"floors", int64_t{6}}});
    }
    std::vector<ports::Fields> partitions;
    for (const ports::Record& b : MakeMany("buildings", buildings)) {
      building_ids_.push_back(b.id);
      partitions.push_back({{"company_id", company_}, {"building_id", b.id}, {"code", "U1"}});
    }
    for (const ports::Record& p : MakeMany("partitions", partitions)) {
      partition_ids_.push_back(p.id);
    }
  }

  // A sampled household's season: 19.5 °C a day, or, one in seven, 17.0 °C for a fortnight.
  void SeasonOf(int64_t household, std::vector<ports::HouseholdDay>& out) const {
    const Date first = Must(ParseDate("2025-11-15"), "date");
    const bool cold = household % 7 == 0;
    for (int d = 0; d < kSeasonDays; ++d) {
      ports::HouseholdDay day;
      day.household_id = household;
      day.day = first + std::chrono::days{d};
      day.value = cold && d >= 40 && d < 54 ? 170 : 195;
      day.room = "主卧";
      day.rooms = {{"主卧", rules::RoomKind::kBedroom, 24, true, day.value}};
      day.computed_at = "2026-03-16T02:00:00+08:00";
      out.push_back(std::move(day));
    }
  }

  int64_t HouseholdsAndDays() {
    int64_t sampled = 0;
    for (size_t p = 0; p < partition_ids_.size(); p += 50) {  // 5,000 households a chunk
      std::vector<ports::Fields> rows;
      for (size_t q = p; q < std::min(partition_ids_.size(), p + 50); ++q) {
        for (int64_t i = 0; i < kPerBuilding; ++i) {
          const int64_t k = int64_t(q) * kPerBuilding + i;
          rows.push_back({{"company_id", company_},
                          {"partition_id", partition_ids_[q]},
                          {"code", code_ + "-" + std::to_string(k)},
                          {"area_m2", int64_t{6000 + k % 8000}},
                          {"floor", int64_t{1 + i % 6}},
                          {"orientation", i % 2 ? "sun" : "shade"},
                          {"billing", "area"},
                          {"heating_status", "heated"}});
        }
      }
      std::vector<ports::HouseholdDay> days;
      std::vector<ports::RefundEntry> refunds;
      for (const ports::Record& h : MakeMany("households", rows)) {
        household_ids_.push_back(h.id);
        if (h.id % kSampleEvery != 0) continue;
        ++sampled;
        SeasonOf(h.id, days);
        ports::RefundEntry e;
        e.household_id = h.id;
        e.company_id = company_;
        e.season_start_year = kSeason;
        e.fee_fen = (6000 + h.id % 8000) * 26;
        e.refund_fen = h.id % 7 == 0 ? e.fee_fen * 14 / 121 / 2 : 0;
        e.official_days = kSeasonDays;
        e.payment_deadline = "2026-06-30T23:59:59+08:00";
        e.covered_to = e.season_end = "2026-03-15";
        e.computed_at = "2026-03-16T03:00:00+08:00";
        refunds.push_back(std::move(e));
      }
      Must(rt_.db->monitoring.CommitRollup(days, {}), "household days");
      Must(rt_.db->refund_ledger.ReplaceDrafts(refunds), "refunds");
    }
    return sampled;
  }

  void Orders() {
    const services::OrderActor agent{"agent-" + code_, rules::Role::kAgent,
                                     {company_, std::nullopt}};
    const Instant first = At("2025-11-15T08:00:00+08:00");
    const auto step = std::chrono::seconds{kSeasonDays * 86400 / kOrdersPerCompany};
    for (int64_t n = 0; n < kOrdersPerCompany; ++n) {
      services::NewWorkOrder in;
      in.channel = n % 2 ? rules::Channel::kPhone : rules::Channel::kCityHotline;
      if (n % 2 == 0) in.external_id = "12345-" + code_ + "-" + std::to_string(n);
      in.received_at = first + step * n;
      in.household = std::to_string(household_ids_[size_t(n * 397) % household_ids_.size()]);
      in.category = rules::OrderCategory::kHeatingQuality;
      in.content = "卧室温度 16 度，暖气片不热";
      in.caller_phone = "13812345678";
      const int64_t id = Must(rt_.db->work_orders.Receive(in, agent), "order").order.order.head.id;
      for (const rules::OrderEvent& e : bench::OrderLife(in.received_at)) {
        Must(rt_.db->work_orders.Record(id, e, agent), "order event");
      }
    }
  }

  void Outages() {
    const services::OrderActor manager{"manager-" + code_, rules::Role::kManager,
                                       {company_, std::nullopt}};
    for (int k = 0; k < 2; ++k) {
      services::NewOutage o;
      o.kind = rules::OutageKind::kEmergency;
      o.cause = "一次网管道泄漏抢修";
      o.scope.buildings = {{building_ids_[size_t(2 * k)], ""}, {building_ids_[size_t(2 * k + 1)], ""}};
      o.start = At(k == 0 ? "2025-12-10T08:00:00+08:00" : "2026-01-20T08:00:00+08:00");
      o.expected_end = o.start + std::chrono::hours{12};
      o.road_sections = "文化路";
      const int64_t id = Must(rt_.db->outages.Record(o, manager), "outage").outage.id;
      Must(rt_.db->outages.End(id, o.start + std::chrono::hours{14}, manager), "outage end");
    }
  }

  app::runtime::Runtime& rt_;
  adapters::storage::SqlRecordStore& records_;
  const std::string code_;
  const int64_t households_;
  int64_t company_ = 0;
  std::vector<int64_t> building_ids_, partition_ids_, household_ids_;
};

struct RegulatorCity {
  bench::FreshDatabase db{false};
  int64_t households = 0;
  int64_t sampled = 0;

  RegulatorCity() {
    const auto started = std::chrono::steady_clock::now();
    auto rt = Open(db.url);
    const int64_t per_company = Households() / kCompanies / kPerBuilding * kPerBuilding;
    for (int c = 0; c < kCompanies; ++c) {
      sampled += CompanyWriter(*rt, c, per_company).Write();
      households += per_company;
    }
    rt.reset();  // closes every connection: the WAL is checkpointed into the file
    std::cerr << "regulator bench: " << kCompanies << " companies, " << households
              << " households, " << sampled << " with " << kSeasonDays << " judged days each, "
              << kCompanies * kOrdersPerCompany << " complaints; set up in "
              << std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::steady_clock::now() - started)
                     .count()
              << " s\n";
  }
};

RegulatorCity& City() {
  static RegulatorCity city;
  return city;
}

void BM_RegulatorCompare(benchmark::State& state) {
  const RegulatorCity& city = City();
  int64_t compared = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto rt = Open(city.db.url);
    state.ResumeTiming();
    auto report = rt->db->regulator.Compare(Season(), int64_t{1'000'000'000}, std::nullopt, {});
    if (!report.ok()) throw std::runtime_error(report.error().message);
    state.PauseTiming();
    int64_t households = 0, judged = 0;
    for (const auto& c : report->companies) {
      households += c.households;
      judged += static_cast<int64_t>(c.indicators.c_households.size());
    }
    if (report->companies.size() != size_t{kCompanies} || households != city.households ||
        judged != city.sampled) {
      throw std::runtime_error("the comparison does not cover the city");
    }
    compared += households;
    const auto& first = report->companies.front();
    state.counters["C_permille_first"] =
        first.indicators.c.denominator
            ? 1000.0 * double(first.indicators.c.numerator) / double(first.indicators.c.denominator)
            : 0.0;
    rt.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(compared);
}

void BM_RegulatorCompare_Baseline(benchmark::State& state) {
  const RegulatorCity& city = City();
  auto conn = Must(adapters::storage::Connect(city.db.url), "connect");
  const ports::ReportMonth season = Season();
  const std::vector<std::pair<std::string, std::vector<adapters::storage::Value>>> queries = {
      {"SELECT h.company_id, COUNT(*), SUM(CASE WHEN d.value_tenths >= 180 THEN 1 ELSE 0 END) "
       "FROM household_days d JOIN households h ON h.id = d.household_id "
       "WHERE d.day >= $1 AND d.day <= $2 GROUP BY h.company_id",
       {std::string("2025-11-15"), std::string("2026-03-15")}},
      {"SELECT company_id, channel, COUNT(*) FROM work_orders WHERE received_at >= $1 AND "
       "received_at < $2 GROUP BY company_id, channel",
       {season.from.time_since_epoch().count(), season.until.time_since_epoch().count()}},
      {"SELECT company_id, COUNT(*) FROM households GROUP BY company_id", {}},
      {"SELECT company_id, status, COUNT(*), SUM(refund_fen) FROM refund_entries "
       "WHERE season_start_year = $1 GROUP BY company_id, status",
       {int64_t{kSeason}}}};
  int64_t compared = 0;
  for (auto _ : state) {
    int64_t households = 0;
    for (const auto& [sql, params] : queries) {
      auto rows = Must(conn->Query(sql, params), "baseline");
      if (sql.find("FROM households GROUP") != std::string::npos) {
        for (size_t r = 0; r < rows.rows.size(); ++r) households += rows.Int(r, 1);
      }
      benchmark::DoNotOptimize(rows);
    }
    if (households != city.households) throw std::runtime_error("baseline: households differ");
    compared += households;
  }
  state.SetItemsProcessed(compared);
}

}  // namespace

BENCHMARK(BM_RegulatorCompare)->Iterations(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RegulatorCompare_Baseline)
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
