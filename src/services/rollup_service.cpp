// R-TEMP-3 over stored readings.
#include "services/rollup_service.hpp"

#include <set>
#include <utility>

#include "ports/record_views.hpp"

namespace hearth::services {
namespace {

std::string Now() {
  return FormatLocal(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// The most days read in one statement: a season's replay marks every day of every household,
// and a statement a day made judging on PostgreSQL a round trip per household-day.
constexpr int kMaxRunDays = 62;

// The household-days of `household` from `first` to `last` (consecutive days) from all of their
// readings, read in one statement, appended to `out` in date order. R-TEMP-3's daily values are
// each of one local day, so a run's days come out as each day alone would.
Status RollUpRun(ports::MonitoringStore& store, const rules::Policy& policy, int64_t household,
                 Date first, Date last, std::vector<ports::HouseholdDay>& out) {
  const int64_t from = StartOfLocalDay(first).time_since_epoch().count();
  const int64_t to = StartOfLocalDay(last + std::chrono::days{1}).time_since_epoch().count();
  auto rows = store.HouseholdReadings(household, from, to);
  if (!rows.ok()) return rows.error();
  std::vector<rules::SensorReading> readings;
  readings.reserve(rows->size());
  for (const ports::RoomReading& r : *rows) {
    readings.push_back({r.room, rules::ParseRoomKind(r.room_kind).value_or(rules::RoomKind::kOther),
                        Instant{std::chrono::seconds{r.ts}}, rules::Milli{r.centi} * 10});
  }
  auto values = rules::DailyValues(policy.temperature.sensor, readings);
  if (!values.ok()) return values.error();
  const std::string now = Now();
  auto v = values->begin();
  for (Date day = first; day <= last; day += std::chrono::days{1}) {
    ports::HouseholdDay hd{household, day, std::nullopt, "", {}, now};
    while (v != values->end() && v->date < day) ++v;  // cannot happen: every reading is in the run
    if (v != values->end() && v->date == day) {
      hd.value = v->value;
      hd.room = v->room;
      for (const rules::RoomDay& r : v->rooms) {
        std::optional<rules::Tenths> value;
        if (r.counted && r.mean) value = rules::RoundToTenths(*r.mean);
        hd.rooms.push_back({r.room, r.kind, r.valid_hours, r.counted, value});
      }
    }
    out.push_back(std::move(hd));
  }
  return OkStatus();
}

}  // namespace

Result<std::shared_ptr<const rules::Policy>> PolicyOfHousehold(ports::RecordStore& records,
                                                               const PolicyRegistry& policies,
                                                               int64_t household_id) {
  auto household = ports::GetView<ports::HouseholdView>(records, household_id);
  if (!household.ok()) return household.error();
  return PolicyOfHousehold(records, policies, *household);
}

Result<std::shared_ptr<const rules::Policy>> PolicyOfHousehold(
    ports::RecordStore& records, const PolicyRegistry& policies,
    const ports::HouseholdView& household) {
  auto company = ports::GetView<ports::CompanyView>(records, household.company_id);
  if (!company.ok()) return company.error();
  const std::string& name = company->policy;
  auto policy = policies.Find(name);
  if (!policy.ok()) {
    return Error::FailedPrecondition("the company of household " + std::to_string(household.id) +
                                     " names the policy profile '" + name +
                                     "', which is not loaded");
  }
  return policy;
}

Result<RollupCounts> RollupService::Round(int batch, const ports::MarkRange& range) {
  RollupCounts counts;
  auto marks = store_.DirtyMarks(batch, range);
  if (!marks.ok()) return marks.error();
  if (marks->empty()) return counts;
  // The marks come ordered by household and day; a round ending inside a household-day only
  // clears the marks it took, and the rest roll that day up once more in the next round.
  std::set<std::pair<int64_t, Date>> days;
  for (const ports::DirtyMark& m : *marks) days.insert({m.household_id, m.day});
  std::vector<ports::HouseholdDay> results;
  results.reserve(days.size());
  // Runs of consecutive days of one household, each read at once.
  std::shared_ptr<const rules::Policy> policy;
  int64_t policy_of = 0;  // the household whose policy `policy` is
  for (auto it = days.begin(); it != days.end();) {
    const auto [household, first] = *it;
    Date last = first;
    for (++it; it != days.end() && it->first == household &&
               it->second == last + std::chrono::days{1} &&
               (it->second - first).count() < kMaxRunDays;
         ++it) {
      last = it->second;
    }
    if (!policy || policy_of != household) {
      auto p = PolicyOfHousehold(records_, policies_, household);
      if (!p.ok()) return p.error();
      policy = *p;
      policy_of = household;
    }
    if (auto s = RollUpRun(store_, *policy, household, first, last, results); !s.ok()) {
      return s.error();
    }
  }
  auto cleared = store_.CommitRollup(results, *marks);
  if (!cleared.ok()) return cleared.error();
  counts.marks = static_cast<int64_t>(marks->size());
  counts.household_days = static_cast<int64_t>(results.size());
  counts.cleared = *cleared;
  return counts;
}

Result<RollupCounts> RollupService::RunOnce(int batch, int max_rounds) {
  RollupCounts total;
  for (int round = 0; round < max_rounds; ++round) {
    MutexLock lock(mutex_);  // per round: a catch-up waits one round at most
    auto counts = Round(batch, {});
    if (!counts.ok()) return counts.error();
    total.marks += counts->marks;
    total.household_days += counts->household_days;
    total.cleared += counts->cleared;
    if (counts->marks < batch) break;
  }
  return total;
}

Result<RollupCounts> RollupService::CatchUp(int64_t household_id) {
  return CatchUp(ports::MarkRange{std::pair(household_id, household_id), std::nullopt});
}

Result<RollupCounts> RollupService::CatchUp(const ports::MarkRange& range) {
  constexpr int kBatch = 10000;
  RollupCounts total;
  // Rounds until one takes every mark left (fewer than a batch) and clears them all. Readings
  // arriving during the catch-up may re-open days: at most 5 such rounds pick them up, so that a
  // flood cannot keep a reader waiting. A page's backlog takes as many full rounds as it needs,
  // up to 1,000 (10 million marks).
  int reopened = 0;
  for (int round = 0; round < 1000; ++round) {
    MutexLock lock(mutex_);
    auto counts = Round(kBatch, range);
    if (!counts.ok()) return counts.error();
    total.marks += counts->marks;
    total.household_days += counts->household_days;
    total.cleared += counts->cleared;
    if (counts->marks < kBatch && (counts->cleared == counts->marks || ++reopened >= 5)) break;
  }
  return total;
}

}  // namespace hearth::services
