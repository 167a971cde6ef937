#include "rules/usage_history.hpp"

namespace hearth::rules {

AreaShift ShiftOf(const HeatingChange& change) {
  AreaShift s;
  s.effective = change.effective;
  s.heated_before = change.heated;
  switch (change.kind) {
    case HeatingChangeKind::kStop:
      s.heated = -change.area_before;
      s.heated_after = false;
      break;
    case HeatingChangeKind::kResume:
      s.heated = change.area_before;
      s.heated_after = true;
      break;
    case HeatingChangeKind::kIncrease:
    case HeatingChangeKind::kDecrease:
      s.total = change.area_after - change.area_before;
      s.heated = change.heated ? s.total : 0;
      s.heated_after = change.heated;
      break;
  }
  return s;
}

UsageRate RateOn(UsageRate now, std::span<const AreaShift> shifts, Date day) {
  for (const AreaShift& s : shifts) {
    if (s.effective <= day) continue;
    now.heated -= s.heated;
    now.total -= s.total;
  }
  return now;
}

bool HeatedOn(bool now, std::span<const AreaShift> own, Date day) {
  const AreaShift* earliest = nullptr;
  for (const AreaShift& s : own) {
    if (s.effective > day && (earliest == nullptr || s.effective < earliest->effective)) {
      earliest = &s;
    }
  }
  return earliest ? earliest->heated_before : now;
}

ContractTerms TermsOn(const ContractTerms& now, std::span<const TermsUntil> superseded, Date day) {
  const TermsUntil* earliest = nullptr;
  for (const TermsUntil& t : superseded) {
    if (t.last_day >= day && (earliest == nullptr || t.last_day < earliest->last_day)) {
      earliest = &t;
    }
  }
  return earliest ? earliest->terms : now;
}

}  // namespace hearth::rules
