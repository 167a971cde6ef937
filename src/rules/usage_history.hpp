// R-ACCT-1 with R-TEMP-2: the usage rates and a household's heating as they stood on a past day
// (issue 16: "the guarantee of a day uses the contract and usage rates valid on that day, not
// today's").
//
// An approved change (增减停复: increase, decrease, stop, resume) takes effect on its effective
// day: from that day on, the household's heated area (stop, resume) or area (increase, decrease)
// is the new one; before it, the old one. The records hold the state after every approved
// change, so the state of a day D is the records' with every change effective after D undone.
//
// Decision: the agreed temperature, the billing basis and a correction of a record (an area typed
// wrong) are not changes of this kind: they hold for every day, as the records say.
#pragma once

#include <cstdint>
#include <span>

#include "core/civil_time.hpp"
#include "rules/heating_change.hpp"
#include "rules/temperature.hpp"

namespace hearth::rules {

/// What an approved change did to its household, from its effective day. Areas m² × 100.
struct AreaShift {
  Date effective;
  int64_t heated = 0;  ///< heated area after, less before
  int64_t total = 0;   ///< area after, less before
  bool heated_before = true, heated_after = true;  ///< the household's heating status

  bool operator==(const AreaShift&) const = default;
};

/// The shift of an approved change: a stop takes the area out of the heated area, a resumption
/// puts it back; an increase or decrease moves the area (and the heated area, when heated).
AreaShift ShiftOf(const HeatingChange& change);

/// A group's rate (partition or community) on `day`: `now` (the records') with every shift of its
/// households effective after `day` undone.
UsageRate RateOn(UsageRate now, std::span<const AreaShift> shifts, Date day);

/// Whether a household was heated on `day`: `now` (the records'), or, when one of its own shifts
/// takes effect after `day`, the status before the earliest such.
bool HeatedOn(bool now, std::span<const AreaShift> own, Date day);

}  // namespace hearth::rules
