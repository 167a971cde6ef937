// R-ACCT-1 with R-TEMP-2: the usage rates and a household's heating as they stood on a past day
// (issue 16: "the guarantee of a day uses the contract and usage rates valid on that day, not
// today's").
//
// An approved change (增减停复: increase, decrease, stop, resume) takes effect on its effective
// day: from that day on, the household's heated area (stop, resume) or area (increase, decrease)
// is the new one; before it, the old one. The records hold the state after every approved
// change, so the state of a day D is the records' with every change effective after D undone.
//
// Contract versions (R-ACCT-1: "contract versions are kept"): the agreed temperature and the
// billing basis are contract terms. When a household's terms change, the terms before are kept
// with the last day they held (contract_versions); the terms of a day D are those of the earliest
// version whose last day is on or after D, else the records' (now).
// Decision: a change holds from the day after it is recorded, never from the day itself or
// before: the day of the change is judged on the terms it began with, so no one lowers a day's
// guarantee once its temperatures are known. A correction of an area typed wrong is not a change
// of this kind: it holds for every day, as the records say.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/civil_time.hpp"
#include "rules/billing.hpp"
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

/// A household's contract terms that the judging and the billing read.
struct ContractTerms {
  std::optional<Tenths> agreed;  ///< the agreed temperature, if any
  BillingBasis basis = BillingBasis::kArea;

  bool operator==(const ContractTerms&) const = default;
};

/// Terms that held up to and including `last_day`, then changed.
struct TermsUntil {
  Date last_day;
  ContractTerms terms;
};

/// The terms of `day`: those of the earliest of `superseded` whose last day is on or after
/// `day`, else `now` (the records'). `superseded` in any order.
ContractTerms TermsOn(const ContractTerms& now, std::span<const TermsUntil> superseded, Date day);

}  // namespace hearth::rules
