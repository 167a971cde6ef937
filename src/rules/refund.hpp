// R-REFUND-1..4: the refund of one household-season, from its official days.
//
// A day earns the largest share that applies (R-REFUND-2), never a sum:
//   - a temperature share (R-REFUND-1) from the day's value v against its guarantee g, by the
//     profile's tiers (offsets from g, so an agreed temperature shifts them); none for a
//     household billed by heat meter where the profile says so (Z 2.4); removed on days a
//     household-caused finding covers and on exempt days (R-REFUND-4), and absent on days that are
//     not judged (no value, no guarantee: R-TEMP-5);
//   - the not-heated share (R-REFUND-2) for a day not heated for the company's reasons, or with a
//     company-caused outage of at least the profile's hours; nothing removes it (R-REFUND-4).
// The refund is Σ(share × season fee) ÷ official days, exact in fen, rounded once, half up
// (R-REFUND-3).
//
// Pure; thread-safe. Every number comes from the Policy.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "rules/policy.hpp"
#include "rules/season.hpp"

namespace hearth::rules {

/// Hundredths of an hour (an outage of 11 h 30 min == 1150).
using Centihours = int;
inline constexpr Centihours kCentihoursPerDay = 2400;

/// Where a day's value comes from (R-REFUND-5; see refund_evidence.hpp).
enum class EvidenceSource {
  kNone,          ///< no value: the day is not judged (R-TEMP-5)
  kRemote,        ///< the day's value from remote sensors (R-TEMP-3), or given as such
  kManual,        ///< a manual measurement taken that day (R-TEMP-4)
  kManualPeriod,  ///< carried from an earlier unqualified manual measurement (R-REFUND-5)
};

/// One official day of a household's season, as the refund sees it.
struct RefundDay {
  Date date;
  std::optional<Tenths> value;  ///< the day's value; none: not judged
  EvidenceSource source = EvidenceSource::kRemote;
  Date measured_on{};                  ///< kManual, kManualPeriod: the measurement's day
  std::optional<Tenths> guarantee;     ///< 18 °C, or the agreed temperature; none: no guarantee
  std::optional<Tenths> outdoor_mean;  ///< the day's mean outdoor temperature; none: not exempt
  Centihours outage = 0;               ///< company-caused outage on the day, 0..kCentihoursPerDay
  bool not_heated = false;             ///< not heated that day for the company's reasons
  bool household_caused = false;       ///< a household-caused finding covers the day (R-REFUND-4)
  /// Billed by heat meter: no temperature share unless policy.refund.meter_temperature_share
  /// (R-REFUND-1: Z 2.4's tiers refund fees billed by area); the not-heated share stays, on the
  /// fee, which for such a household is its fixed (base) charge.
  bool meter_billed = false;
};

/// What decided a day's share.
enum class RefundCause {
  kNone,
  kTemperature,  ///< R-REFUND-1
  kNotHeated,    ///< R-REFUND-2, the day was not heated
  kOutage,       ///< R-REFUND-2, an outage of at least policy.refund.outage_unheated_hours
};

/// "none", "remote", "manual", "manual-period".
const char* EvidenceSourceName(EvidenceSource source);
/// The inverse of EvidenceSourceName; nullopt for any other text.
std::optional<EvidenceSource> ParseEvidenceSource(std::string_view text);

/// "none", "temperature", "not-heated", "outage".
const char* RefundCauseName(RefundCause cause);
/// The inverse of RefundCauseName; nullopt for any other text.
std::optional<RefundCause> ParseRefundCause(std::string_view text);

struct DayShare {
  int share_percent = 0;
  RefundCause cause = RefundCause::kNone;
  /// Why the temperature share was removed, when the day's value was below its guarantee.
  bool exempt = false;    ///< R-REFUND-4 / R-TEMP-1 (a)
  bool excluded = false;  ///< R-REFUND-4, household-caused
  bool meter = false;     ///< R-REFUND-1, billed by heat meter (RefundDay::meter_billed)
};

/// R-REFUND-1: the tier share of value `v` against guarantee `g`: 0 when v >= g, else the share of
/// the first tier with v >= g + min_offset (the last tier has no bound). Precondition: the tiers
/// were validated by the policy loader (ordered, last one unbounded).
int TemperatureShare(const RefundPolicy& policy, Tenths v, Tenths g);

/// R-TEMP-5: the guarantee a day is judged against, or none when it is not judged (no guarantee,
/// or exempt by R-TEMP-1 (a), IsExemptDay in temperature.hpp). Does not look at the value.
std::optional<Tenths> JudgedGuarantee(const TemperaturePolicy& policy, const RefundDay& day);

/// R-REFUND-1, -2, -4: the share of one day.
DayShare ShareOfDay(const Policy& policy, const RefundDay& day);

/// The reason a household reads for a day with a share, e.g.
/// "unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)" or
/// "not heated: company outage 14 h ≥ 12 h (100 %)". Empty when the share is 0.
std::string DescribeShare(const Policy& policy, const RefundDay& day, const DayShare& share);

/// "14", "11.5", "11.75": hours from hundredths.
std::string FormatHours(Centihours hours);

struct RefundedDay {
  Date date;
  int share_percent = 0;
  RefundCause cause = RefundCause::kNone;
  std::string reason;
};

struct SeasonRefund {
  int official_days = 0;
  int64_t fee_fen = 0;
  int64_t refund_fen = 0;
  std::vector<RefundedDay> days;  ///< the days with a share > 0, in date order
};

/// R-REFUND-3: the refund of one household-season. `days` may come in any order and need not
/// cover every official day (a missing day has no share); days outside the official period are
/// ignored (extension days carry no fee, R-SEASON-1). Errors (invalid_argument): fee_fen <= 0
/// (field "fee"); a date given twice, an outage outside 0..24 h (field "days").
Result<SeasonRefund> ComputeRefund(const Policy& policy, const SeasonDates& season, int64_t fee_fen,
                                   std::span<const RefundDay> days);

/// The same total as ComputeRefund, without the per-day reasons: for batch runs over many
/// households. Same errors.
Result<int64_t> RefundTotalFen(const Policy& policy, const SeasonDates& season, int64_t fee_fen,
                               std::span<const RefundDay> days);

}  // namespace hearth::rules
