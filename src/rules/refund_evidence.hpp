// R-REFUND-5: the evidence behind each official day's value, from remote daily values and manual
// measurements.
//
// Rules (RULES.md R-REFUND-5, and the decisions below):
//   - An unqualified measurement on day d1 opens a period that lasts until the day before the
//     next qualified measurement, or to the season's end. A later unqualified measurement changes
//     the tier from its day on. Where a day has both remote and manual evidence, the manual one
//     wins (also on every day of a period: remote values there are not used).
//   - The period carries the measurement's value; each day of it is judged against that day's own
//     guarantee. With the same guarantee on every day (the usual case) this is exactly "the tier
//     of that measurement"; if the guarantee changes inside a period (a new agreed temperature),
//     the room temperature found by hand is what is compared with the new guarantee.
//   - Only evidence counts. **Decision:** a measurement the household did not sign (kUnsigned) is
//     not evidence for either side (R-TEMP-4: the household signs the result; a dispute goes to a
//     third-party test): it neither opens, changes nor closes a period, nor replaces the remote
//     value of its day. A third-party test agreed by both (kThirdParty) is evidence like a signed
//     measurement, and on its day it wins over the company's measurements; a measurement the
//     caller marks kOverridden (replaced by a third-party test) is ignored.
//   - **Decision:** a measurement on a day that is not judged (no guarantee, or exempt: R-TEMP-5)
//     is that day's value but neither opens, changes nor closes a period: it cannot be called
//     qualified or unqualified. Measurements outside the official period are ignored.
//   - Several measurements that count on one day: the latest (by time) is the day's result.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/civil_time.hpp"
#include "rules/policy.hpp"
#include "rules/refund.hpp"
#include "rules/season.hpp"

namespace hearth::rules {

/// How a manual measurement stands as evidence (R-TEMP-4).
enum class MeasurementStanding {
  kSigned,      ///< signed by the household: evidence
  kUnsigned,    ///< not signed (refused or disputed): not evidence
  kThirdParty,  ///< a third-party test agreed by both: evidence, wins on its day
  kOverridden,  ///< replaced by a third-party test: not evidence
};

struct ManualEvidence {
  Instant taken_at;  ///< when the result was taken; its local day is the measurement's day
  Tenths value = 0;  ///< the R-TEMP-4 result, rounded to tenths
  MeasurementStanding standing = MeasurementStanding::kSigned;
};

/// One official day's evidence: fill RefundDay::value, source and measured_on from it.
struct DayEvidence {
  std::optional<Tenths> value;
  EvidenceSource source = EvidenceSource::kNone;
  Date measured_on{};  ///< kManual, kManualPeriod: the day of the measurement behind the value
};

/// The evidence of every official day of `season`: element i is day official_start + i, and
/// there are season.OfficialDays() elements.
///  - `remote[i]`: the remote daily value of day i (R-TEMP-3); a shorter span means no value on
///    the remaining days.
///  - `judged_guarantee[i]`: the guarantee day i is judged against, none when the day is not
///    judged (see JudgedGuarantee in refund.hpp); a shorter span means none.
///  - `manual`: measurements in any order.
std::vector<DayEvidence> DailyEvidence(const SeasonDates& season,
                                       std::span<const std::optional<Tenths>> remote,
                                       std::span<const std::optional<Tenths>> judged_guarantee,
                                       std::span<const ManualEvidence> manual);

}  // namespace hearth::rules
