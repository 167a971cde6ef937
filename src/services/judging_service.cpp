// R-TEMP-1, R-TEMP-2, R-TEMP-5, R-REFUND-1..5 over stored days.
#include "services/judging_service.hpp"

#include <algorithm>
#include <set>

#include "ports/record_views.hpp"
#include "rules/season.hpp"

namespace hearth::services {
namespace {

rules::MeasurementStanding StandingOf(const ports::Measurement& m) {
  if (m.overridden) return rules::MeasurementStanding::kOverridden;
  if (m.third_party) return rules::MeasurementStanding::kThirdParty;
  if (m.signature == "signed") return rules::MeasurementStanding::kSigned;
  return rules::MeasurementStanding::kUnsigned;
}

bool IsEvidence(rules::MeasurementStanding s) {
  return s == rules::MeasurementStanding::kSigned || s == rules::MeasurementStanding::kThirdParty;
}

// The season of `district` that starts in `year`: its record, else the profile's dates.
rules::SeasonDates SeasonOfYear(const rules::Policy& policy,
                                const std::vector<ports::SeasonView>& records, int year) {
  for (const ports::SeasonView& r : records) {
    if (r.season != year) continue;
    rules::SeasonDates s;
    s.start_year = year;
    s.official_start = r.official_start;
    s.official_end = r.official_end;
    s.commissioning_start = r.commissioning_start.value_or(r.official_start);
    return s;
  }
  return rules::SeasonOf(policy.season, year);
}

// The official seasons touching from..to, and from..to widened to them.
struct Touching {
  std::vector<rules::SeasonDates> seasons;
  Date lo, hi;
};
Touching SeasonsTouching(const rules::Policy& policy,
                         const std::vector<ports::SeasonView>& records, Date from, Date to) {
  Touching out{{}, from, to};
  for (int year = YearOf(from) - 1; year <= YearOf(to); ++year) {
    rules::SeasonDates s = SeasonOfYear(policy, records, year);
    if (s.official_end < from || s.official_start > to) continue;
    out.seasons.push_back(s);
    out.lo = std::min(out.lo, s.official_start);
    out.hi = std::max(out.hi, s.official_end);
  }
  return out;
}

Status CheckRange(Date from, Date to) {
  if (from > to) return Error::InvalidArgument("from must not be after to", "from");
  if ((to - from).count() + 1 > kMaxJudgedDays) {
    return Error::InvalidArgument(
        "from..to may span at most " + std::to_string(kMaxJudgedDays) + " days", "from");
  }
  return OkStatus();
}

std::string StatusReason(const rules::Policy& policy, const JudgedDay& d,
                         const std::string& guarantee_reason) {
  using rules::DayStatus;
  if (!d.in_season && !d.extra_day) return "not judged: outside the official heating season";
  switch (d.status) {
    case DayStatus::kQualified:
      return "qualified: " + FormatTenths(d.value.value_or(0)) + " °C against " +
             FormatTenths(d.guarantee.value_or(0)) + " °C guaranteed";
    case DayStatus::kExempt:
      return "exempt: outdoor mean " + FormatTenths(d.outdoor_mean.value_or(0)) +
             " °C below the design outdoor temperature " +
             FormatTenths(policy.temperature.design_outdoor.value) + " °C (R-TEMP-1)";
    case DayStatus::kUnqualified:
      return "unqualified: " + FormatTenths(d.value.value_or(0)) + " °C against " +
             FormatTenths(d.guarantee.value_or(0)) + " °C guaranteed";
    case DayStatus::kNotJudged:
      if (!d.guarantee) return "not judged: no guarantee (" + guarantee_reason + ")";
      return "not judged: no daily value (no guaranteed room with " +
             std::to_string(policy.temperature.sensor.min_hours.value) +
             " valid hours, and no manual measurement)";
  }
  return {};
}

}  // namespace

Result<rules::SeasonDates> JudgingService::SeasonOf(int64_t household_id, int start_year) const {
  auto household = ports::GetView<ports::HouseholdView>(records_, household_id);
  if (!household.ok()) return household.error();
  return SeasonOf(*household, start_year);
}

Result<rules::SeasonDates> JudgingService::SeasonOf(const ports::HouseholdView& household,
                                                    int start_year, Cache* cache) const {
  Cache local;
  auto seasons = SeasonsOf(household, cache ? *cache : local);
  if (!seasons.ok()) return seasons.error();
  return SeasonOfYear(*seasons->policy, *seasons->records, start_year);
}

Result<std::pair<Date, Date>> JudgingService::JudgedSpan(const ports::HouseholdView& household,
                                                         Date from, Date to,
                                                         Cache& cache) const {
  if (auto range = CheckRange(from, to); !range.ok()) return range.error();
  auto seasons = SeasonsOf(household, cache);
  if (!seasons.ok()) return seasons.error();
  Touching t = SeasonsTouching(*seasons->policy, *seasons->records, from, to);
  return std::pair(t.lo, t.hi);
}

Result<HouseholdJudgement> JudgingService::Judge(int64_t household_id, Date from, Date to,
                                                 Cache* cache) const {
  if (auto range = CheckRange(from, to); !range.ok()) return range.error();
  auto household = ports::GetView<ports::HouseholdView>(records_, household_id);
  if (!household.ok()) return household.error();
  return Judge(*household, from, to, cache);
}

Result<HouseholdJudgement> JudgingService::Judge(const ports::HouseholdView& household, Date from,
                                                 Date to, Cache* cache) const {
  const int64_t household_id = household.id;
  if (auto range = CheckRange(from, to); !range.ok()) return range.error();
  Cache local;
  Cache& shared = cache ? *cache : local;
  const bool reasons = shared.reasons;
  auto context = ContextOf(household, shared);
  if (!context.ok()) return context.error();
  const rules::Policy& policy = *context->policy;
  const int64_t district = context->building.district_id;
  const bool meter_billed = context->household.billing == "meter";

  // The seasons touching from..to.
  auto found_seasons = SeasonRecords(district, shared);
  if (!found_seasons.ok()) return found_seasons.error();
  const std::vector<ports::SeasonView>* season_views = *found_seasons;
  const Touching touching = SeasonsTouching(policy, *season_views, from, to);
  const std::vector<rules::SeasonDates>& seasons = touching.seasons;
  const Date lo = touching.lo, hi = touching.hi;
  // R-TEMP-2 with R-ACCT-1: each day's guarantee from the rates valid that day.
  auto guarantees = GuaranteesOver(*context, lo, hi, shared);
  if (!guarantees.ok()) return guarantees.error();
  auto guarantee_on = [&](Date d) -> const rules::Guarantee& {
    for (auto g = guarantees->rbegin(); g != guarantees->rend(); ++g) {
      if (g->first <= d) return g->second;
    }
    return guarantees->front().second;
  };
  // R-SEASON-1: the early-start and extension days the districts decided.
  auto extra_day = [&](Date d) {
    for (const ports::SeasonView& r : *season_views) {
      if ((r.early_start && d >= *r.early_start && d < r.official_start) ||
          (r.extension_end && d > r.official_end && d <= *r.extension_end)) {
        return true;
      }
    }
    return false;
  };
  // The days lo..hi, by their offset from lo.
  const auto span = static_cast<size_t>((hi - lo).count() + 1);
  auto offset = [&](Date d) { return static_cast<size_t>((d - lo).count()); };
  // The page holds this household's days, stops and findings when it holds lo..hi (from..to
  // is inside it).
  const bool paged = shared.page.Holds(household_id, lo, hi, {from, to});
  if (rollups_ && !paged) {  // a page was caught up when it was read
    // The days read below: the household's other days wait for the background rollups.
    if (auto c = rollups_->CatchUp(ports::MarkRange{std::pair(household_id, household_id),
                                                    std::pair(lo, hi)});
        !c.ok()) {
      return c.error();
    }
  }
  std::vector<ports::HouseholdDay> stored;
  if (paged) {
    if (auto it = shared.page.days.find(household_id); it != shared.page.days.end()) {
      stored = std::move(it->second);
      shared.page.days.erase(it);
    }
    shared.page.taken.insert(household_id);
  } else {
    // The rooms of the days judged only: the rest are read for their values (R-REFUND-5).
    auto read = store_.HouseholdDays(household_id, lo, hi, ports::RoomsWanted{from, to});
    if (!read.ok()) return read.error();
    stored = std::move(*read);
  }
  std::vector<ports::HouseholdDay*> days(span, nullptr);
  for (auto& d : stored) {
    if (d.day >= lo && d.day <= hi) days[offset(d.day)] = &d;
  }
  auto means = shared.means.find({district, lo, hi});
  if (means == shared.means.end()) {
    auto read = store_.OutdoorMeans(district, lo, hi);
    if (!read.ok()) return read.error();
    means = shared.means.emplace(std::make_tuple(district, lo, hi), std::move(*read)).first;
  }
  std::vector<std::optional<rules::Tenths>> outdoor(span);
  for (const auto& m : means->second) {
    if (m.day >= lo && m.day <= hi) outdoor[offset(m.day)] = m.mean;
  }
  // A batch asks only the households with a valid measurement for theirs.
  bool measured = true;
  if (cache) {
    auto it = cache->measured.find(household.company_id);
    if (it == cache->measured.end()) {
      auto ids = store_.MeasuredHouseholds(household.company_id);
      if (!ids.ok()) return ids.error();
      it = cache->measured
               .emplace(household.company_id, std::set<int64_t>(ids->begin(), ids->end()))
               .first;
    }
    measured = it->second.contains(household_id);
  }
  std::vector<ports::Measurement> measurements;
  if (measured) {
    auto read = store_.Measurements(household_id);
    if (!read.ok()) return read.error();
    measurements = std::move(*read);
  }
  std::vector<rules::ManualEvidence> manual;
  for (const auto& m : measurements) {
    if (m.valid && m.value) manual.push_back({m.taken_at, *m.value, StandingOf(m)});
  }

  std::map<Date, long> stopped;
  std::map<Date, int64_t> covered;
  if (auto f = AddFacts(household_id, from, to, paged ? &shared.page : nullptr, stopped, covered);
      !f.ok()) {
    return f.error();
  }

  HouseholdJudgement out;
  out.days.reserve(static_cast<size_t>((to - from).count() + 1));
  out.household_id = household_id;
  out.policy = policy.id;
  const rules::Guarantee& last = guarantee_on(to);  // the household's, as of the last day asked
  out.guarantee_case = rules::GuaranteeCaseName(last.applied);
  out.guarantee_reason = last.reason;
  auto remote_of = [&](Date d) -> std::optional<rules::Tenths> {
    const ports::HouseholdDay* day = days[offset(d)];
    return day ? day->value : std::nullopt;
  };
  auto outdoor_of = [&](Date d) { return outdoor[offset(d)]; };
  // R-REFUND-5 per season, then each asked day.
  std::vector<std::optional<rules::DayEvidence>> evidence(span);
  for (const auto& s : seasons) {
    std::vector<std::optional<rules::Tenths>> remote, judged;
    for (Date d = s.official_start; d <= s.official_end; d += std::chrono::days{1}) {
      remote.push_back(remote_of(d));
      rules::RefundDay rd;
      rd.date = d;
      rd.guarantee = guarantee_on(d).value;
      rd.outdoor_mean = outdoor_of(d);
      judged.push_back(rules::JudgedGuarantee(policy.temperature, rd));
    }
    auto e = rules::DailyEvidence(s, remote, judged, manual);
    for (size_t i = 0; i < e.size(); ++i) {
      evidence[offset(s.official_start) + i] = e[i];
    }
  }
  for (Date d = from; d <= to; d += std::chrono::days{1}) {
    const rules::Guarantee* guarantee = &guarantee_on(d);
    JudgedDay j;
    j.date = d;
    j.outdoor_mean = outdoor_of(d);
    if (auto s = stopped.find(d); s != stopped.end()) {
      j.outage = static_cast<rules::Centihours>(s->second * 100 / 3600);  // floor: 11:59 < 12 h
    }
    if (auto c = covered.find(d); c != covered.end()) j.finding_id = c->second;
    const std::optional<rules::DayEvidence>& e = evidence[offset(d)];
    j.in_season = e.has_value();
    if (!j.in_season) {
      j.value = remote_of(d);
      j.source = j.value ? rules::EvidenceSource::kRemote : rules::EvidenceSource::kNone;
      j.extra_day = extra_day(d);
      if (j.extra_day) {
        j.guarantee = guarantee->value;
        const bool exempt =
            j.outdoor_mean && rules::IsExemptDay(policy.temperature, *j.outdoor_mean);
        j.status = rules::JudgeDay(exempt, j.guarantee, j.value);
        if (reasons) {
          j.reason = StatusReason(policy, j, guarantee->reason) +
                     "; an early-start or extension day: no fee, no refund (R-SEASON-1)";
        }
      }
    } else {
      j.value = e->value;
      j.source = e->source;
      j.guarantee = guarantee->value;
      rules::RefundDay rd;
      rd.date = d;
      rd.value = j.value;
      rd.source = j.source;
      rd.measured_on = e->measured_on;
      rd.guarantee = j.guarantee;
      rd.outdoor_mean = j.outdoor_mean;
      rd.meter_billed = meter_billed;
      rd.outage = j.outage;
      rd.household_caused = j.finding_id.has_value();
      const bool exempt = j.outdoor_mean && rules::IsExemptDay(policy.temperature, *j.outdoor_mean);
      j.status = rules::JudgeDay(exempt, j.guarantee, j.value);
      rules::DayShare share = rules::ShareOfDay(policy, rd);
      j.share_percent = share.share_percent;
      if (reasons) j.reason = rules::DescribeShare(policy, rd, share);
      if (reasons && share.meter && share.cause == rules::RefundCause::kNone) {
        j.reason = StatusReason(policy, j, guarantee->reason) + "; billed by heat meter: no " +
                   "temperature share (" + policy.refund.meter_temperature_share.basis.Display() +
                   ")";
      }
      if (reasons && share.excluded && share.cause == rules::RefundCause::kNone) {
        j.reason = StatusReason(policy, j, guarantee->reason) + "; household-caused (finding " +
                   std::to_string(*j.finding_id) + "): no temperature share (R-REFUND-4)";
      }
    }
    if (j.source == rules::EvidenceSource::kRemote || j.source == rules::EvidenceSource::kNone) {
      // The rooms say why a day has no value too (e.g. 19 valid hours).
      if (ports::HouseholdDay* day = days[offset(d)]) {  // each day is read once: moved
        j.room = std::move(day->room);
        j.rooms = std::move(day->rooms);
      }
    } else if (j.source == rules::EvidenceSource::kManual ||
               j.source == rules::EvidenceSource::kManualPeriod) {
      j.measured_on = e->measured_on;
      // The measurement behind the value: a third-party test first, then the latest that day.
      const ports::Measurement* best = nullptr;
      for (const auto& m : measurements) {
        if (!m.valid || !m.value || !IsEvidence(StandingOf(m)) ||
            LocalDate(m.taken_at) != *j.measured_on) {
          continue;
        }
        if (best == nullptr || (m.third_party && !best->third_party) ||
            (m.third_party == best->third_party && m.taken_at >= best->taken_at)) {
          best = &m;
        }
      }
      if (best) {
        j.measurement_id = best->id;
        j.room = best->room;
      }
    }
    if (reasons && j.reason.empty()) j.reason = StatusReason(policy, j, guarantee->reason);
    out.days.push_back(std::move(j));
  }
  return out;
}

}  // namespace hearth::services
