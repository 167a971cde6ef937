#include "sim/demo_login.hpp"

#include <optional>

namespace hearth::sim::demo {

size_t LoginHousehold(const std::vector<Sensored>& bedrooms, const SimOptions& sim) {
  std::optional<size_t> any_spell, first_with_fee;
  for (size_t i = 0; i < bedrooms.size(); ++i) {
    const Sensored& b = bedrooms[i];
    if (!b.with_fee) continue;
    if (!first_with_fee) first_with_fee = i;
    if (!HasColdSpell(sim, b.building_id)) continue;
    if (b.company_index == 0) return i;
    if (!any_spell) any_spell = i;
  }
  return any_spell.value_or(first_with_fee.value_or(0));
}

}  // namespace hearth::sim::demo
