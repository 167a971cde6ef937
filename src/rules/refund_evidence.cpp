// R-REFUND-5
#include "rules/refund_evidence.hpp"

namespace hearth::rules {
namespace {

bool IsEvidence(MeasurementStanding s) {
  return s == MeasurementStanding::kSigned || s == MeasurementStanding::kThirdParty;
}

// True when `m` should replace `current` as its day's result: a third-party test beats the
// company's measurements; otherwise the later one wins (input order breaks a tie of times).
bool Replaces(const ManualEvidence& m, const ManualEvidence* current) {
  if (current == nullptr) return true;
  bool m_third = m.standing == MeasurementStanding::kThirdParty;
  bool c_third = current->standing == MeasurementStanding::kThirdParty;
  if (m_third != c_third) return m_third;
  return m.taken_at >= current->taken_at;
}

template <typename T>
std::optional<Tenths> At(std::span<const std::optional<T>> values, size_t i) {
  return i < values.size() ? values[i] : std::nullopt;
}

}  // namespace

std::vector<DayEvidence> DailyEvidence(const SeasonDates& season,
                                       std::span<const std::optional<Tenths>> remote,
                                       std::span<const std::optional<Tenths>> judged_guarantee,
                                       std::span<const ManualEvidence> manual) {
  const auto days = static_cast<size_t>(season.OfficialDays());
  std::vector<const ManualEvidence*> of_day(days, nullptr);
  for (const ManualEvidence& m : manual) {
    Date d = LocalDate(m.taken_at);
    if (!IsEvidence(m.standing) || !season.IsOfficial(d)) continue;
    auto i = static_cast<size_t>((d - season.official_start).count());
    if (Replaces(m, of_day[i])) of_day[i] = &m;
  }

  std::vector<DayEvidence> out(days);
  std::optional<DayEvidence> period;  // the open period's evidence, if any
  for (size_t i = 0; i < days; ++i) {
    const Date day = season.official_start + std::chrono::days{static_cast<int>(i)};
    if (const ManualEvidence* m = of_day[i]) {
      out[i] = {m->value, EvidenceSource::kManual, day};
      if (auto g = At(judged_guarantee, i)) {
        if (m->value < *g) {
          period = DayEvidence{m->value, EvidenceSource::kManualPeriod, day};  // opens or changes
        } else {
          period.reset();  // a qualified measurement closes the period
        }
      }
    } else if (period) {
      out[i] = *period;  // manual evidence wins over the remote value
    } else if (auto v = At(remote, i)) {
      out[i] = {v, EvidenceSource::kRemote, Date{}};
    }
  }
  return out;
}

}  // namespace hearth::rules
