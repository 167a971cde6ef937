// The room-temperature guarantee: exempt days (R-TEMP-1), what is guaranteed (R-TEMP-2), the
// daily value from remote sensors (R-TEMP-3) and the judgement of a household-day (R-TEMP-5).
// Manual measurements (R-TEMP-4) are in manual_measurement.hpp.
//
// Pure functions over plain structs; every number comes from rules::TemperaturePolicy. Readings
// are held exactly in thousandths of a degree and averaged exactly (Int128 fractions); a value
// is rounded once, at the end, to tenths (half away from zero): 17.95 gives 18.0, never 17.9.
// Thread-safe (no shared state).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/decimal.hpp"
#include "core/result.hpp"
#include "rules/policy.hpp"

namespace hearth::rules {

/// A temperature in thousandths of a degree Celsius (18.25 °C == 18250): readings are kept at
/// this resolution so that nothing is rounded before the final value.
using Milli = int64_t;

/// Thousandths of a degree in `tenths` (18.0 °C: 180 -> 18000).
constexpr Milli MilliFromTenths(Tenths tenths) { return Milli{tenths} * 100; }

// ---------------------------------------------------------------------------------------------
// R-TEMP-1 exempt days

/// R-TEMP-1 (a): a day whose mean outdoor temperature (tenths, a daily mean like the design value)
/// is below the policy's design outdoor temperature is exempt; equal to it is not.
bool IsExemptDay(const TemperaturePolicy& policy, Tenths outdoor_daily_mean);

// ---------------------------------------------------------------------------------------------
// R-TEMP-2 what is guaranteed

/// A heat-usage rate by area: `heated` of `total` (any one integer unit of area, e.g. 0.01 m²).
struct UsageRate {
  int64_t heated = 0;
  int64_t total = 0;
};

/// Which line of R-TEMP-2 applied.
enum class GuaranteeCase {
  kFull,             ///< community ≥ community_min and partition ≥ partition_full
  kAgreedPartition,  ///< community ≥ community_min, partition in [partition_agreed_min, full)
  kCompanyDecides,   ///< community ≥ community_min, partition < partition_agreed_min
  kLowCommunity,     ///< community < community_min (RULES.md decision: the agreed temperature)
};

/// "full", "agreed-partition", "company-decides", "low-community".
const char* GuaranteeCaseName(GuaranteeCase c);

struct GuaranteeInput {
  UsageRate community;           ///< the built community's total usage rate
  UsageRate partition;           ///< the rate of the unit's heating partition
  std::optional<Tenths> agreed;  ///< the temperature the contract agrees, if any
  bool company_heats = false;    ///< kCompanyDecides only: the company decided to heat
};

struct Guarantee {
  /// The guaranteed temperature; nullopt: no guarantee (days are not judged, R-TEMP-5).
  std::optional<Tenths> value;
  GuaranteeCase applied = GuaranteeCase::kFull;
  /// Why, for the household to read: "R-TEMP-2: community rate ≥ 30% and partition rate ≥ 70%:
  /// 18.0 °C (W 5.1)".
  std::string reason;
};

/// R-TEMP-2: the guarantee of a household from the usage rates. Rates compare exactly as
/// integers (heated × 100 against threshold × total); thresholds from policy.usage_rate.
///
///   community < community_min                      -> agreed temperature
///   partition ≥ partition_full                     -> policy.guarantee, or the agreed
///                                                     temperature when the contract agrees a
///                                                     higher one
///   partition in [partition_agreed_min, full)      -> agreed temperature
///   partition < partition_agreed_min               -> company_heats ? agreed temperature : none
///   where the agreed temperature is needed and there is none -> no guarantee (nullopt)
///
/// Decision (RULES.md R-TEMP-2, issue 11): where Z 2.2 guarantees 18 °C (the full case), an
/// agreed temperature may raise the guarantee but never lower it: W 5.1's "供用热合同另有约定的，
/// 从其约定" does not override Z 2.2's floor. The refund tiers move with the guarantee
/// (R-REFUND-1 decision).
///
/// Errors: invalid_argument (field "community" or "partition") when a rate has total ≤ 0,
/// heated < 0 or heated > total.
Result<Guarantee> GuaranteeFor(const TemperaturePolicy& policy, const GuaranteeInput& input);

// ---------------------------------------------------------------------------------------------
// R-TEMP-3 daily value from remote sensors

enum class RoomKind { kBedroom, kLiving, kOther };

/// "bedroom", "living", "other".
const char* RoomKindName(RoomKind kind);
/// The inverse of RoomKindName; nullopt for any other text.
std::optional<RoomKind> ParseRoomKind(std::string_view text);
/// Bedrooms and living rooms are guaranteed (R-TEMP-1); other rooms never count.
bool IsGuaranteedRoom(RoomKind kind);

struct SensorReading {
  std::string room;  ///< the room's id, unique within the household
  RoomKind kind = RoomKind::kOther;
  Instant at;
  Milli value = 0;
};

/// An exact temperature: num / den thousandths of a degree, den > 0 (DailyValues gives it in
/// lowest terms).
struct ExactMilli {
  Int128 num = 0;
  Int128 den = 1;
};

/// -1, 0 or 1 as a <, ==, > b; exact, and free of overflow whatever the denominators.
int CompareExact(const ExactMilli& a, const ExactMilli& b);
/// Tenths of a degree, rounded half away from zero. Precondition: den × 100 fits in Int128
/// (always true of the values DailyValues returns).
Tenths RoundToTenths(const ExactMilli& value);

/// One guaranteed room on one local day.
struct RoomDay {
  std::string room;
  RoomKind kind = RoomKind::kBedroom;
  int valid_hours = 0;             ///< local hours with at least one valid reading
  bool counted = false;            ///< valid_hours ≥ policy.min_hours
  std::optional<ExactMilli> mean;  ///< the mean of its hourly means; set when counted
};

/// A household's local day.
struct DailyValue {
  Date date;
  /// The minimum over the counted guaranteed rooms, rounded once to tenths; nullopt when no
  /// guaranteed room counted.
  std::optional<Tenths> value;
  std::string room;            ///< the counted room with the minimum; "" when value is nullopt
  std::vector<RoomDay> rooms;  ///< guaranteed rooms with a valid reading that day, by id
};

/// R-TEMP-3: a household's daily values from its sensor readings (any order).
///
/// A reading is valid if policy.valid_min ≤ value ≤ policy.valid_max. Readings fall in local
/// (UTC+08:00) days 00:00–24:00 and hours; a reading at exactly 00:00 local opens the new day
/// (and 01:00 the new hour). A guaranteed room's day counts when at least policy.min_hours of
/// its 24 hours hold a valid reading; its value is the mean of those hours' means. Rooms are
/// told apart by (room, kind). Readings of "other" rooms and invalid readings are ignored.
///
/// Returns one DailyValue per local day on which a guaranteed room has a valid reading, in date
/// order. Error (invalid_argument): in the pathological case where a room-day's per-hour
/// reading counts are so varied that its exact mean does not fit 128 bits (never with ≤ 60
/// readings an hour); the message names the room and day.
Result<std::vector<DailyValue>> DailyValues(const SensorPolicy& policy,
                                            std::span<const SensorReading> readings);

// ---------------------------------------------------------------------------------------------
// R-TEMP-5 qualification

enum class DayStatus {
  kQualified,    ///< value ≥ guarantee
  kUnqualified,  ///< value < guarantee
  kExempt,       ///< R-TEMP-1 exempt day
  kNotJudged,    ///< no guarantee, or no daily value
};

/// "qualified", "unqualified", "exempt", "not-judged".
const char* DayStatusName(DayStatus status);

/// R-TEMP-5: the status of a household-day.
///
/// Decision on precedence: exempt first, then no guarantee, then no value, then the comparison.
/// An exempt day is exempt for the whole city or district whatever its data (R-TEMP-1), so it
/// says why a day is not judged even when a value or a guarantee is missing; a missing value on
/// an exempt day is no shortfall to chase. Neither exempt nor not-judged days enter R-KPI-C.
DayStatus JudgeDay(bool exempt, std::optional<Tenths> guarantee, std::optional<Tenths> value);

}  // namespace hearth::rules
