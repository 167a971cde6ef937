// R-REFUND-1..4
#include "rules/refund.hpp"

#include <algorithm>
#include <bitset>

#include "core/decimal.hpp"
#include "rules/temperature.hpp"

namespace hearth::rules {
namespace {

// A season is at most one year long (SeasonOf), so its days fit in a fixed bitset.
constexpr size_t kMaxSeasonDays = 366;

std::string Percent(int share) { return " (" + std::to_string(share) + " %)"; }

// R-TEMP-1 (a); a day with no outdoor mean is not exempt.
bool Exempt(const TemperaturePolicy& policy, std::optional<Tenths> outdoor_mean) {
  return outdoor_mean && IsExemptDay(policy, *outdoor_mean);
}

// R-REFUND-1, -2, -4 (ShareOfDay). Inlined into the batch loop: called out of line, its small
// mixed-width result went through the stack and stalled on store forwarding, half the time of a
// season (bench/refund_bench.cpp).
[[gnu::always_inline]] inline DayShare Share(const Policy& policy, const RefundDay& day) {
  int share = 0;
  RefundCause cause = RefundCause::kNone;
  bool exempt = false;
  bool excluded = false;
  bool meter = false;
  if (day.value && day.guarantee && *day.value < *day.guarantee) {
    // R-REFUND-4: exempt days and household-caused shortfalls carry no temperature share;
    // R-REFUND-1: nor do a meter-billed household's days, where the profile says so.
    exempt = Exempt(policy.temperature, day.outdoor_mean);
    excluded = day.household_caused;
    meter = day.meter_billed && !policy.refund.meter_temperature_share.value;
    if (!exempt && !excluded && !meter) {
      share = TemperatureShare(policy.refund, *day.value, *day.guarantee);
      if (share > 0) cause = RefundCause::kTemperature;
    }
  }
  // R-REFUND-2: the largest share, never a sum. On a tie the not-heated cause is named, since
  // no exclusion can remove it.
  const int unheated = policy.refund.unheated_share_percent.value;
  const bool outage =
      day.outage >= policy.refund.outage_unheated_hours.value * (kCentihoursPerDay / 24);
  if ((day.not_heated || outage) && unheated > 0 && unheated >= share) {
    share = unheated;
    cause = day.not_heated ? RefundCause::kNotHeated : RefundCause::kOutage;
  }
  return DayShare{share, cause, exempt, excluded, meter};
}

// The one loop behind ComputeRefund and RefundTotalFen: checks the days, sums the shares exactly
// and hands each day with a share to `on_share`.
template <typename OnShare>
Result<int64_t> SumShares(const Policy& policy, const SeasonDates& season, int64_t fee_fen,
                          std::span<const RefundDay> days, OnShare&& on_share) {
  if (fee_fen <= 0) return Error::InvalidArgument("the season fee must be more than 0", "fee");
  std::bitset<kMaxSeasonDays> seen;
  int64_t shares = 0;  // Σ share_percent: Σ(share × fee) is fee × Σ share, exactly
  for (const RefundDay& day : days) {
    if (!season.IsOfficial(day.date)) continue;  // R-SEASON-1: extension days carry no fee
    auto index = static_cast<size_t>((day.date - season.official_start).count());
    if (seen.test(index)) {
      return Error::InvalidArgument(FormatDate(day.date) + " is given twice", "days");
    }
    seen.set(index);
    if (day.outage < 0 || day.outage > kCentihoursPerDay) {
      return Error::InvalidArgument(FormatDate(day.date) + ": an outage of " +
                                        FormatHours(day.outage) + " h is outside 0 … 24 h",
                                    "days");
    }
    DayShare share = Share(policy, day);
    if (share.share_percent == 0) continue;
    shares += share.share_percent;
    on_share(day, share);
  }
  // R-REFUND-3: one division, one rounding (half up: the sum is never negative).
  Int128 numerator = static_cast<Int128>(shares) * fee_fen;
  Int128 denominator = static_cast<Int128>(100) * season.OfficialDays();
  return static_cast<int64_t>(RoundDiv(numerator, denominator));
}

}  // namespace

int TemperatureShare(const RefundPolicy& policy, Tenths v, Tenths g) {
  if (v >= g) return 0;
  for (const RefundTier& tier : policy.tiers) {
    if (!tier.min_offset || v >= g + *tier.min_offset) return tier.share_percent;
  }
  return 0;  // unreachable with a validated policy: its last tier has no bound
}

std::optional<Tenths> JudgedGuarantee(const TemperaturePolicy& policy, const RefundDay& day) {
  if (Exempt(policy, day.outdoor_mean)) return std::nullopt;
  return day.guarantee;
}

DayShare ShareOfDay(const Policy& policy, const RefundDay& day) { return Share(policy, day); }

std::string FormatHours(Centihours hours) {
  if (hours < 0) return std::string(1, '-').append(FormatHours(-hours));  // GCC PR 105651
  std::string text = std::to_string(hours / 100);
  int fraction = hours % 100;
  if (fraction == 0) return text;
  if (fraction % 10 == 0) return text + "." + std::to_string(fraction / 10);
  return text + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
}

std::string DescribeShare(const Policy& policy, const RefundDay& day, const DayShare& share) {
  switch (share.cause) {
    case RefundCause::kNone:
      return {};
    case RefundCause::kNotHeated:
      return "not heated for the company's reasons" + Percent(share.share_percent);
    case RefundCause::kOutage:
      return "not heated: company outage " + FormatHours(day.outage) + " h ≥ " +
             std::to_string(policy.refund.outage_unheated_hours.value) + " h" +
             Percent(share.share_percent);
    case RefundCause::kTemperature: {
      std::string text = "unqualified: " + FormatTenths(day.value.value_or(0)) + " °C against " +
                         FormatTenths(day.guarantee.value_or(0)) + " °C guaranteed";
      if (day.source == EvidenceSource::kManual) {
        text += ", measured by hand that day";
      } else if (day.source == EvidenceSource::kManualPeriod) {
        text += ", as measured by hand on " + FormatDate(day.measured_on);
      }
      return text + Percent(share.share_percent);
    }
  }
  return {};
}

Result<SeasonRefund> ComputeRefund(const Policy& policy, const SeasonDates& season, int64_t fee_fen,
                                   std::span<const RefundDay> days) {
  SeasonRefund out;
  out.official_days = season.OfficialDays();
  out.fee_fen = fee_fen;
  auto total =
      SumShares(policy, season, fee_fen, days, [&](const RefundDay& day, const DayShare& share) {
        out.days.push_back(
            {day.date, share.share_percent, share.cause, DescribeShare(policy, day, share)});
      });
  if (!total.ok()) return total.error();
  out.refund_fen = *total;
  std::sort(out.days.begin(), out.days.end(),
            [](const RefundedDay& a, const RefundedDay& b) { return a.date < b.date; });
  return out;
}

Result<int64_t> RefundTotalFen(const Policy& policy, const SeasonDates& season, int64_t fee_fen,
                               std::span<const RefundDay> days) {
  return SumShares(policy, season, fee_fen, days, [](const RefundDay&, const DayShare&) {});
}

const char* EvidenceSourceName(EvidenceSource source) {
  switch (source) {
    case EvidenceSource::kNone:
      return "none";
    case EvidenceSource::kRemote:
      return "remote";
    case EvidenceSource::kManual:
      return "manual";
    case EvidenceSource::kManualPeriod:
      return "manual-period";
  }
  return "none";
}

std::optional<EvidenceSource> ParseEvidenceSource(std::string_view text) {
  for (auto s : {EvidenceSource::kNone, EvidenceSource::kRemote, EvidenceSource::kManual,
                 EvidenceSource::kManualPeriod}) {
    if (text == EvidenceSourceName(s)) return s;
  }
  return std::nullopt;
}

const char* RefundCauseName(RefundCause cause) {
  switch (cause) {
    case RefundCause::kTemperature:
      return "temperature";
    case RefundCause::kNotHeated:
      return "not-heated";
    case RefundCause::kOutage:
      return "outage";
    case RefundCause::kNone:
      break;
  }
  return "none";
}

std::optional<RefundCause> ParseRefundCause(std::string_view text) {
  for (auto c : {RefundCause::kNone, RefundCause::kTemperature, RefundCause::kNotHeated,
                 RefundCause::kOutage}) {
    if (text == RefundCauseName(c)) return c;
  }
  return std::nullopt;
}

}  // namespace hearth::rules
