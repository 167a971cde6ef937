// A city's policy profile: every number the rules use, each with the clause it comes from.
//
// Plain data, loaded and validated by adapters/policy (policies/*.toml). The rules never hold a
// number of their own: a city with other numbers is a new profile, not new code (RULES.md).
// Temperatures are tenths of a degree Celsius; shares are whole percent; targets are per mille.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hearth::rules {

/// Where a number comes from: a clause ("W 10.1.4", "Z 2.4", "GB 50736-2012 …"), or a platform
/// default (a value the city's own document does not set) with `source` naming its origin.
struct Basis {
  std::string source;
  bool platform_default = false;
  std::string note;

  /// The text shown to users: "W 10.1.4", or "platform default (R-OUT-1)".
  std::string Display() const {
    return platform_default ? "platform default (" + source + ")" : source;
  }
  bool operator==(const Basis&) const = default;
};

template <typename T>
struct Cited {
  T value{};
  Basis basis;
};

/// Temperature in tenths of a degree Celsius (18.0 °C == 180).
using Tenths = int;

struct MonthDay {
  unsigned month = 1;
  unsigned day = 1;
};

/// A timed obligation's length (R-CAL-2 says how each unit is counted).
enum class PeriodUnit { kWorkingDays, kCalendarDays, kHours, kMinutes, kImmediate };

struct Period {
  PeriodUnit unit = PeriodUnit::kImmediate;
  int amount = 0;
  Basis basis;
};

/// Channels of complaint orders (R-WO-1): the government hotline platforms, then the company's
/// own channels. The own channels have no return deadline (nobody to hand the order back to); a
/// profile gives their reply deadline, the city hotline's as a platform default (R-WO-1 decision).
enum class Channel {
  kCityHotline,        ///< 12345
  kProvincialHotline,  ///< provincial hotline
  kOnReceipt,          ///< 接诉即办
  kInternetPlus,       ///< 互联网+督查
  kFirstQuestion,      ///< 首问负责
  kUrgent,             ///< epidemic and the like
  kPhone,              ///< the company's 24 h service phone
  kWeb,                ///< the company's web or app
  kHall,               ///< the company's service hall
};
inline constexpr std::array<Channel, 6> kHotlineChannels = {
    Channel::kCityHotline,  Channel::kProvincialHotline, Channel::kOnReceipt,
    Channel::kInternetPlus, Channel::kFirstQuestion,     Channel::kUrgent};
inline constexpr std::array<Channel, 9> kAllChannels = {
    Channel::kCityHotline,   Channel::kProvincialHotline, Channel::kOnReceipt,
    Channel::kInternetPlus,  Channel::kFirstQuestion,     Channel::kUrgent,
    Channel::kPhone,         Channel::kWeb,               Channel::kHall};
/// Is this a government hotline platform's channel (orders come from, and answer to, a partner)?
inline constexpr bool IsHotline(Channel c) {
  return c != Channel::kPhone && c != Channel::kWeb && c != Channel::kHall;
}

struct SeasonPolicy {  // R-SEASON-1
  Cited<MonthDay> commissioning_start;
  Cited<MonthDay> official_start;
  Cited<MonthDay> official_end;  ///< inclusive, in the next calendar year
};

struct DeadlinePolicy {
  std::map<Channel, Period> return_order;     ///< R-WO-2; the hotline channels only
  std::map<Channel, Period> reply;            ///< R-WO-3; every channel (R-WO-1 decision)
  std::map<Channel, Period> reply_extension;  ///< R-WO-3; only the channels that allow one
  Period response;                            ///< R-WO-4
  Period response_early_season;               ///< R-WO-4, first days of the official period
  Cited<int> response_early_season_days;
  Period return_visit;                        ///< R-WO-6
  Period leak;                                ///< R-REPAIR-1
  Period arrival;                             ///< R-REPAIR-1
  Period outage_notice_lead;                  ///< R-OUT-1, before the planned start
  Cited<int> outage_notice_over_hours;        ///< R-OUT-1, outages longer than this need notice
  Period emergency_notice;                    ///< R-OUT-1
  Cited<MonthDay> refund_payment;             ///< R-REFUND-6
  Period insurance_payout;                    ///< R-INS-1
  Period connection_with_outside_works;       ///< R-CONN-1
  Period connection_without_outside_works;    ///< R-CONN-1
  Cited<MonthDay> connection_application;     ///< R-CONN-1
};

struct UsageRatePolicy {  // R-TEMP-2, percent of area
  Cited<int> community_min;
  Cited<int> partition_full;
  Cited<int> partition_agreed_min;
};

struct SensorPolicy {  // R-TEMP-3
  Cited<Tenths> valid_min;
  Cited<Tenths> valid_max;
  Cited<int> min_hours;
};

struct ManualMeasurementPolicy {  // R-TEMP-4
  Cited<Tenths> max_resolution;
  Cited<int> closed_minutes;
  Cited<int> readings;
  Cited<int> gap_seconds;
  Cited<int> gap_tolerance_seconds;
  Cited<int> height_cm;
  Cited<int> height_tolerance_cm;
};

struct TemperaturePolicy {
  Cited<Tenths> guarantee;       ///< R-TEMP-1
  Cited<Tenths> design_outdoor;  ///< R-TEMP-1 (a), a daily mean
  UsageRatePolicy usage_rate;
  SensorPolicy sensor;
  ManualMeasurementPolicy manual;
};

/// R-REFUND-1: a day's value v against its guarantee g earns `share_percent` when
/// v >= g + min_offset (min_offset <= 0); the last tier has no bound.
struct RefundTier {
  std::optional<Tenths> min_offset;
  int share_percent = 0;
};

struct RefundPolicy {
  std::vector<RefundTier> tiers;  ///< ordered from the mildest shortfall
  Basis tiers_basis;
  Cited<int> unheated_share_percent;  ///< R-REFUND-2
  Cited<int> outage_unheated_hours;   ///< R-REFUND-2
  /// R-REFUND-1: whether a household billed by heat meter gets temperature shares. Z 2.4's
  /// tiers refund fees "按面积收取" (billed by area): false in both profiles.
  Cited<bool> meter_temperature_share;
};

/// R-SAMPLE-1: households at `percent` when the company's area is <= max_area_m2.
struct SamplingBand {
  std::optional<long long> max_area_m2;
  int percent = 0;
};

struct SamplingPolicy {
  std::vector<SamplingBand> bands;
  Basis bands_basis;
  std::array<int, 3> position{};     ///< near, middle, far (R-SAMPLE-2)
  std::array<int, 2> orientation{};  ///< shade, sun
  std::array<int, 3> floor{};        ///< upper, middle, lower
  Basis shares_basis;
};

struct IndicatorPolicy {  // R-KPI-*, per mille
  Cited<int> accident_rate_max;
  Cited<int> repair_response_min;
  Cited<int> qualification_min;
  Cited<int> process_satisfaction_min;
  Cited<int> result_satisfaction_min;
};

/// R-REG-1 [Z 4.3]: the weights of a company's subsidy score (rules/subsidy.hpp), whole percent
/// summing to 100: one per indicator (R-KPI-S, Q, C, P, B) and per complaint measure.
struct SubsidyPolicy {
  Cited<int> accident_rate, repair_response, qualification, process_satisfaction,
      result_satisfaction;
  Cited<int> complaint_rate;  ///< complaints per 10,000 households, the lowest scoring best
  Cited<int> on_time_reply;   ///< replies within their deadline (R-WO-4)
};

struct Policy {
  std::string id;
  std::string name;
  std::string city;
  SeasonPolicy season;
  DeadlinePolicy deadlines;
  TemperaturePolicy temperature;
  RefundPolicy refund;
  SamplingPolicy sampling;
  IndicatorPolicy indicators;
  Cited<int> energy_reserve_days;             ///< R-ENERGY-1
  Cited<int> mass_complaint_count;            ///< R-REG-1
  Cited<int> mass_complaint_window_hours;     ///< R-REG-1
  SubsidyPolicy subsidy;                      ///< R-REG-1
};

}  // namespace hearth::rules
