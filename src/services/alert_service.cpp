#include "services/alert_service.hpp"

#include <algorithm>
#include <map>
#include <iterator>

#include "ports/record_views.hpp"

namespace hearth::services {
namespace {

// `sensor` (the sensor's other alert fields set) as a clock-skew alert.
Alert ClockSkewAlert(Alert a, const ports::SensorQuarantine& q) {
  a.kind = "clock-skew";
  const int64_t ahead = q.latest_ts - q.last_received_at;
  a.details = std::to_string(q.count) + (q.count == 1 ? " reading" : " readings") +
              " kept in quarantine in the last " + std::to_string(kClockSkewWindowS / 3600) +
              " h (" + q.reason + "): the latest is timed " +
              FormatLocal(Instant{std::chrono::seconds{q.latest_ts}}) + ", about " +
              std::to_string(ahead) + " s ahead of when it came; check the device's clock";
  a.quarantine = q;
  return a;
}

}  // namespace

Result<std::vector<int64_t>> AlertService::Candidates(std::optional<int64_t> company_id,
                                                      Date from, Date to) const {
  if (rollups_) {  // the period's marks only, never the whole backlog on a request's path
    if (auto r = rollups_->CatchUp(ports::MarkRange{std::nullopt, std::pair(from, to)}); !r.ok()) {
      return r.error();
    }
  }
  // A remote value in the period, or manual measurements (whose periods may cover it).
  auto with_days = store_.HouseholdsWithDays(from, to, company_id);
  if (!with_days.ok()) return with_days.error();
  auto measured = store_.MeasuredHouseholds(company_id);
  if (!measured.ok()) return measured.error();
  std::vector<int64_t> out;  // both lists are by id
  out.reserve(with_days->size() + measured->size());
  std::set_union(with_days->begin(), with_days->end(), measured->begin(), measured->end(),
                 std::back_inserter(out));
  return out;
}

Result<std::vector<Alert>> AlertService::Alerts(std::optional<int64_t> company_id,
                                                int silent_hours) const {
  if (silent_hours < 1 || silent_hours > 8760) {
    return Error::InvalidArgument("silent_hours must be 1–8760", "silent_hours");
  }
  const Instant now = clock_.Now();
  const Date today = LocalDate(now);
  std::vector<Alert> out;

  // Unqualified today.
  auto ids = Candidates(company_id, today, today);
  if (!ids.ok()) return ids.error();
  JudgingService::Cache cache;
  auto alert = [&](const ports::HouseholdView& household, const HouseholdJudgement& judged) {
    const JudgedDay& day = judged.days.front();
    if (day.status != rules::DayStatus::kUnqualified) return OkStatus();
    Alert a;
    a.kind = "unqualified";
    a.company_id = household.company_id;
    a.household_id = household.id;
    a.household_code = household.code;
    a.details = day.reason;
    a.day = day;
    out.push_back(std::move(a));
    return OkStatus();
  };
  if (auto s = judging_.JudgeEach(*ids, today, today, cache, alert); !s.ok()) {
    return s.error();
  }

  // Sensors: silent, reading out of R-TEMP-3's range, or with a clock that runs fast.
  auto sensors = store_.LastReadings(company_id);
  if (!sensors.ok()) return sensors.error();
  auto skewed = store_.QuarantinedSensors(company_id,
                                          now.time_since_epoch().count() - kClockSkewWindowS);
  if (!skewed.ok()) return skewed.error();
  auto next_skewed = skewed->begin();  // both by sensor id
  std::map<int64_t, std::shared_ptr<const rules::Policy>> policy_of_company;
  const int64_t silent_s = int64_t{silent_hours} * 3600;
  for (const ports::SensorLast& s : *sensors) {
    Alert a;
    a.company_id = s.company_id;
    a.household_id = s.household_id;
    a.household_code = s.household_code;
    a.sensor_id = s.sensor_id;
    a.sensor_code = s.sensor_code;
    if (s.last_ts) a.last_reading = Instant{std::chrono::seconds{*s.last_ts}};
    const int64_t age = s.last_ts ? now.time_since_epoch().count() - *s.last_ts : 0;
    while (next_skewed != skewed->end() && next_skewed->sensor_id < s.sensor_id) ++next_skewed;
    if (next_skewed != skewed->end() && next_skewed->sensor_id == s.sensor_id) {
      out.push_back(ClockSkewAlert(a, *next_skewed));
    }
    if (!s.last_ts || age > silent_s) {
      a.kind = "silent";
      a.details = s.last_ts ? "no reading for " + std::to_string(age / 3600) + " h (more than " +
                                  std::to_string(silent_hours) + " h); the last at " +
                                  FormatLocal(*a.last_reading)
                            : "no reading ever";
      out.push_back(a);
    }
    if (!s.last_centi) continue;
    auto& policy = policy_of_company[s.company_id];
    if (!policy) {
      auto p = PolicyOfHousehold(records_, policies_, s.household_id);
      if (!p.ok()) return p.error();
      policy = *p;
    }
    const rules::SensorPolicy& sp = policy->temperature.sensor;
    const rules::Milli value = rules::Milli{*s.last_centi} * 10;
    if (value < rules::MilliFromTenths(sp.valid_min.value) ||
        value > rules::MilliFromTenths(sp.valid_max.value)) {
      a.kind = "out-of-range";
      a.last_value = value;
      a.details = "the last reading, " + FormatFen(*s.last_centi) + " °C at " +
                  FormatLocal(*a.last_reading) + ", is outside the valid range [" +
                  FormatTenths(sp.valid_min.value) + ", " + FormatTenths(sp.valid_max.value) +
                  "] °C (R-TEMP-3)";
      out.push_back(std::move(a));
    }
  }
  return out;
}

Result<std::vector<UnqualifiedPeriod>> AlertService::UnqualifiedOver(
    std::optional<int64_t> company_id, Date from, Date to, int min_days,
    PeriodOrder order) const {
  constexpr int kMaxDays = 92;
  if (from > to || (to - from).count() + 1 > kMaxDays) {
    return Error::InvalidArgument("from..to must be 1–92 days, from not after to", "from");
  }
  if (min_days < 1 || min_days > kMaxDays) {
    return Error::InvalidArgument("min_days must be 1–92", "min_days");
  }
  auto ids = Candidates(company_id, from, to);
  if (!ids.ok()) return ids.error();
  JudgingService::Cache cache;
  std::vector<UnqualifiedPeriod> out;
  auto tally = [&](const ports::HouseholdView& household, const HouseholdJudgement& judged) {
    UnqualifiedPeriod p;
    p.household_id = household.id;
    p.company_id = household.company_id;
    p.household_code = household.code;
    for (const JudgedDay& d : judged.days) {
      if (d.status == rules::DayStatus::kQualified) ++p.judged_days;
      if (d.status != rules::DayStatus::kUnqualified || !d.value || !d.guarantee) continue;
      ++p.judged_days;
      if (p.unqualified_days++ == 0) {
        p.first = d.date;
        p.lowest = *d.value;
      }
      p.last = d.date;
      p.lowest = std::min(p.lowest, *d.value);
      p.deepest = std::max(p.deepest, *d.guarantee - *d.value);
      p.share_days_percent += d.share_percent;
    }
    if (p.unqualified_days >= min_days) out.push_back(std::move(p));
    return OkStatus();
  };
  if (auto s = judging_.JudgeEach(*ids, from, to, cache, tally); !s.ok()) {
    return s.error();
  }
  std::stable_sort(out.begin(), out.end(),
                   [order](const UnqualifiedPeriod& a, const UnqualifiedPeriod& b) {
                     if (order == PeriodOrder::kDepth && a.deepest != b.deepest) {
                       return a.deepest > b.deepest;
                     }
                     if (a.unqualified_days != b.unqualified_days) {
                       return a.unqualified_days > b.unqualified_days;
                     }
                     return a.deepest > b.deepest;
                   });
  return out;
}

Result<std::vector<ColdNow>> AlertService::ColdNowList(std::optional<int64_t> company_id,
                                                       int fresh_minutes) const {
  if (fresh_minutes < 1 || fresh_minutes > 1440) {
    return Error::InvalidArgument("fresh_minutes must be 1–1440", "fresh_minutes");
  }
  auto sensors = store_.LastReadings(company_id);
  if (!sensors.ok()) return sensors.error();
  const int64_t oldest = clock_.Now().time_since_epoch().count() - int64_t{fresh_minutes} * 60;
  // The coldest fresh reading of each household's guaranteed rooms (R-TEMP-3).
  std::map<int64_t, const ports::SensorLast*> coldest;
  for (const ports::SensorLast& s : *sensors) {
    if (!s.last_ts || !s.last_centi || *s.last_ts < oldest) continue;
    auto kind = rules::ParseRoomKind(s.room_kind);
    if (!kind || !rules::IsGuaranteedRoom(*kind)) continue;
    auto& c = coldest[s.household_id];
    if (c == nullptr || *s.last_centi < *c->last_centi) c = &s;
  }
  JudgingService::Cache cache;
  std::vector<ColdNow> out;
  for (const auto& [h, s] : coldest) {
    auto guarantee = judging_.GuaranteeOf(h, &cache);
    if (!guarantee.ok()) return guarantee.error();
    if (!guarantee->value) continue;
    const rules::Milli value = rules::Milli{*s->last_centi} * 10;
    if (value >= rules::MilliFromTenths(*guarantee->value)) continue;
    out.push_back({h, s->company_id, s->household_code, s->room, s->sensor_code,
                   Instant{std::chrono::seconds{*s->last_ts}}, value, *guarantee->value});
  }
  std::stable_sort(out.begin(), out.end(), [](const ColdNow& a, const ColdNow& b) {
    return a.value - rules::MilliFromTenths(a.guarantee) <
           b.value - rules::MilliFromTenths(b.guarantee);
  });
  return out;
}

}  // namespace hearth::services
