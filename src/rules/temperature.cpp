// R-TEMP-1, R-TEMP-2, R-TEMP-3, R-TEMP-5
#include "rules/temperature.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace hearth::rules {
namespace {

using std::chrono::days;
using std::chrono::hours;

Int128 Abs(Int128 v) { return v < 0 ? -v : v; }

Int128 Gcd(Int128 a, Int128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Floor division for den > 0: n == q * den + r with 0 <= r < den.
void FloorDiv(Int128 n, Int128 den, Int128& q, Int128& r) {
  q = n / den;
  r = n % den;
  if (r < 0) {
    q -= 1;
    r += den;
  }
}

// Exact sums of fractions; false when a step would overflow 128 bits (the caller reports it).
class ExactSum {
 public:
  bool Add(Int128 num, Int128 den) {  // den > 0
    Int128 g = Gcd(num, den);
    if (g > 1) {
      num /= g;
      den /= g;
    }
    Int128 common = 0, left = 0, right = 0, sum = 0;
    Int128 gd = Gcd(v_.den, den);
    if (__builtin_mul_overflow(v_.den / gd, den, &common)) return false;
    if (__builtin_mul_overflow(v_.num, common / v_.den, &left)) return false;
    if (__builtin_mul_overflow(num, common / den, &right)) return false;
    if (__builtin_add_overflow(left, right, &sum)) return false;
    v_ = Reduced(sum, common);
    return true;
  }
  bool DivideBy(Int128 divisor) {  // divisor > 0
    Int128 g = Gcd(v_.num, divisor);
    Int128 den = 0;
    if (__builtin_mul_overflow(v_.den, divisor / g, &den)) return false;
    v_ = Reduced(v_.num / g, den);
    return true;
  }
  const ExactMilli& value() const { return v_; }

 private:
  static ExactMilli Reduced(Int128 num, Int128 den) {
    Int128 g = Gcd(num, den);
    if (g > 1) return {num / g, den / g};
    return {num, den};
  }
  ExactMilli v_;
};

bool InRange(const SensorPolicy& p, Milli value) {
  return value >= MilliFromTenths(p.valid_min.value) && value <= MilliFromTenths(p.valid_max.value);
}

// Whether heated / total >= percent / 100, exactly.
bool AtLeast(const UsageRate& rate, int percent) {
  return Int128{rate.heated} * 100 >= Int128{percent} * rate.total;
}

Status CheckRate(const UsageRate& rate, const std::string& field) {
  if (rate.total <= 0) {
    return Error::InvalidArgument(field + " usage rate: the total area must be positive", field);
  }
  if (rate.heated < 0 || rate.heated > rate.total) {
    return Error::InvalidArgument(
        field + " usage rate: the heated area must be between 0 and the total area", field);
  }
  return OkStatus();
}

std::string Celsius(Tenths t) { return FormatTenths(t) + " °C"; }

}  // namespace

// --- R-TEMP-1 --------------------------------------------------------------------------------

bool IsExemptDay(const TemperaturePolicy& policy, Tenths outdoor_daily_mean) {
  return outdoor_daily_mean < policy.design_outdoor.value;
}

// --- R-TEMP-2 --------------------------------------------------------------------------------

const char* GuaranteeCaseName(GuaranteeCase c) {
  switch (c) {
    case GuaranteeCase::kFull:
      return "full";
    case GuaranteeCase::kAgreedPartition:
      return "agreed-partition";
    case GuaranteeCase::kCompanyDecides:
      return "company-decides";
    case GuaranteeCase::kLowCommunity:
      return "low-community";
  }
  return "?";
}

Result<Guarantee> GuaranteeFor(const TemperaturePolicy& policy, const GuaranteeInput& in) {
  if (auto s = CheckRate(in.community, "community"); !s.ok()) return s.error();
  if (auto s = CheckRate(in.partition, "partition"); !s.ok()) return s.error();
  const UsageRatePolicy& u = policy.usage_rate;
  const std::string community_min = std::to_string(u.community_min.value) + "%";
  const std::string full = std::to_string(u.partition_full.value) + "%";
  const std::string agreed_min = std::to_string(u.partition_agreed_min.value) + "%";

  Guarantee g;
  std::string why;
  bool needs_agreed = true;
  if (!AtLeast(in.community, u.community_min.value)) {
    g.applied = GuaranteeCase::kLowCommunity;
    why = "community rate < " + community_min;
  } else if (AtLeast(in.partition, u.partition_full.value)) {
    g.applied = GuaranteeCase::kFull;
    why = "community rate ≥ " + community_min + " and partition rate ≥ " + full;
    needs_agreed = false;
  } else if (AtLeast(in.partition, u.partition_agreed_min.value)) {
    g.applied = GuaranteeCase::kAgreedPartition;
    why = "community rate ≥ " + community_min + " and partition rate in [" + agreed_min + ", " +
          full + ")";
  } else {
    g.applied = GuaranteeCase::kCompanyDecides;
    why = "community rate ≥ " + community_min + " and partition rate < " + agreed_min;
    if (!in.company_heats) {
      g.reason = "R-TEMP-2: " + why + ": the company decided not to heat; nothing is guaranteed";
      return g;
    }
    why += ", the company heats";
  }
  if (in.agreed && !needs_agreed && *in.agreed < policy.guarantee.value) {
    g.value = policy.guarantee.value;
    g.reason = "R-TEMP-2: " + why + ": " + Celsius(policy.guarantee.value) + " (" +
               policy.guarantee.basis.Display() + "); the agreed " + Celsius(*in.agreed) +
               " does not lower it";
  } else if (in.agreed) {
    g.value = *in.agreed;
    g.reason = "R-TEMP-2: " + why + ": the agreed " + Celsius(*in.agreed) + " (contract" +
               (needs_agreed ? ")" : ", W 5.1)");
  } else if (!needs_agreed) {
    g.value = policy.guarantee.value;
    g.reason = "R-TEMP-2: " + why + ": " + Celsius(policy.guarantee.value) + " (" +
               policy.guarantee.basis.Display() + ")";
  } else {
    g.reason = "R-TEMP-2: " + why + ": no temperature agreed; nothing is guaranteed";
  }
  return g;
}

// --- R-TEMP-3 --------------------------------------------------------------------------------

const char* RoomKindName(RoomKind kind) {
  switch (kind) {
    case RoomKind::kBedroom:
      return "bedroom";
    case RoomKind::kLiving:
      return "living";
    case RoomKind::kOther:
      return "other";
  }
  return "?";
}

std::optional<RoomKind> ParseRoomKind(std::string_view text) {
  for (RoomKind k : {RoomKind::kBedroom, RoomKind::kLiving, RoomKind::kOther}) {
    if (text == RoomKindName(k)) return k;
  }
  return std::nullopt;
}

bool IsGuaranteedRoom(RoomKind kind) {
  return kind == RoomKind::kBedroom || kind == RoomKind::kLiving;
}

int CompareExact(const ExactMilli& a, const ExactMilli& b) {
  // Compare integer parts, then the reciprocals of the remainders (a continued-fraction walk):
  // nothing is multiplied, so nothing can overflow.
  Int128 an = a.num, ad = a.den, bn = b.num, bd = b.den;
  int sign = 1;
  for (;;) {
    Int128 qa = 0, ra = 0, qb = 0, rb = 0;
    FloorDiv(an, ad, qa, ra);
    FloorDiv(bn, bd, qb, rb);
    if (qa != qb) return qa < qb ? -sign : sign;
    if (ra == 0 || rb == 0) {
      if (ra == rb) return 0;
      return ra == 0 ? -sign : sign;
    }
    // ra/ad < rb/bd  <=>  ad/ra > bd/rb
    an = ad;
    ad = ra;
    bn = bd;
    bd = rb;
    sign = -sign;
  }
}

Tenths RoundToTenths(const ExactMilli& value) {
  return static_cast<Tenths>(RoundDiv(value.num, value.den * 100));
}

Result<std::vector<DailyValue>> DailyValues(const SensorPolicy& policy,
                                            std::span<const SensorReading> readings) {
  std::vector<const SensorReading*> valid;
  valid.reserve(readings.size());
  for (const SensorReading& r : readings) {
    if (IsGuaranteedRoom(r.kind) && InRange(policy, r.value)) valid.push_back(&r);
  }
  std::sort(valid.begin(), valid.end(), [](const SensorReading* a, const SensorReading* b) {
    return std::tie(a->room, a->kind, a->at) < std::tie(b->room, b->kind, b->at);
  });

  std::map<Date, std::vector<RoomDay>> by_date;
  struct Hour {
    Int128 sum = 0;
    int64_t count = 0;
  };
  for (size_t i = 0; i < valid.size();) {
    // One room-day: readings i..j share room, kind and local date.
    const SensorReading& first = *valid[i];
    const Date date = LocalDate(first.at);
    std::array<Hour, 24> hour_of_day{};
    size_t j = i;
    for (; j < valid.size(); ++j) {
      const SensorReading& r = *valid[j];
      if (r.room != first.room || r.kind != first.kind || LocalDate(r.at) != date) break;
      auto since_midnight = r.at + kChinaOffset - std::chrono::sys_seconds{date.time_since_epoch()};
      auto h = static_cast<size_t>(std::chrono::floor<hours>(since_midnight).count());
      hour_of_day[h].sum += r.value;
      hour_of_day[h].count += 1;
    }
    i = j;

    RoomDay room{first.room, first.kind, 0, false, std::nullopt};
    ExactSum total;
    bool fits = true;
    for (const Hour& h : hour_of_day) {
      if (h.count == 0) continue;
      ++room.valid_hours;
      fits = fits && total.Add(h.sum, h.count);
    }
    room.counted = room.valid_hours >= policy.min_hours.value;
    if (room.counted) {
      Int128 rounding_den = 0;
      fits = fits && total.DivideBy(room.valid_hours) &&
             !__builtin_mul_overflow(total.value().den, Int128{100}, &rounding_den);
      if (!fits) {
        return Error::InvalidArgument("room " + room.room + " on " + FormatDate(date) +
                                      ": the per-hour reading counts are too varied to average "
                                      "exactly; send at most 60 readings an hour");
      }
      room.mean = total.value();
    }
    by_date[date].push_back(std::move(room));
  }

  std::vector<DailyValue> out;
  out.reserve(by_date.size());
  for (auto& [date, rooms] : by_date) {
    DailyValue day{date, std::nullopt, {}, std::move(rooms)};
    const RoomDay* lowest = nullptr;
    for (const RoomDay& r : day.rooms) {
      if (r.counted && (!lowest || CompareExact(*r.mean, *lowest->mean) < 0)) lowest = &r;
    }
    if (lowest) {
      day.value = RoundToTenths(*lowest->mean);  // the one rounding
      day.room = lowest->room;
    }
    out.push_back(std::move(day));
  }
  return out;
}

// --- R-TEMP-5 --------------------------------------------------------------------------------

const char* DayStatusName(DayStatus status) {
  switch (status) {
    case DayStatus::kQualified:
      return "qualified";
    case DayStatus::kUnqualified:
      return "unqualified";
    case DayStatus::kExempt:
      return "exempt";
    case DayStatus::kNotJudged:
      return "not-judged";
  }
  return "?";
}

DayStatus JudgeDay(bool exempt, std::optional<Tenths> guarantee, std::optional<Tenths> value) {
  if (exempt) return DayStatus::kExempt;
  if (!guarantee || !value) return DayStatus::kNotJudged;
  return *value >= *guarantee ? DayStatus::kQualified : DayStatus::kUnqualified;
}

}  // namespace hearth::rules
