#include "rules/mass_complaint.hpp"

#include <algorithm>
#include <tuple>

namespace hearth::rules {

std::vector<MassComplaint> FindMassComplaints(std::span<const ReceivedComplaint> complaints,
                                              int count, std::chrono::seconds window) {
  std::vector<ReceivedComplaint> sorted(complaints.begin(), complaints.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.received_at, a.order_id) < std::tie(b.received_at, b.order_id);
  });
  const size_t needed = static_cast<size_t>(std::max(count, 1));
  std::vector<MassComplaint> out;
  size_t last = 0;  // the index of the newest complaint of out.back()
  size_t start = 0;  // the oldest complaint within the window of complaint i
  for (size_t i = 0; i < sorted.size(); ++i) {
    while (sorted[i].received_at - sorted[start].received_at > window) ++start;
    if (i - start + 1 < needed) continue;
    if (!out.empty() && start <= last) {
      for (size_t k = last + 1; k <= i; ++k) out.back().order_ids.push_back(sorted[k].order_id);
      out.back().last_at = sorted[i].received_at;
    } else {
      MassComplaint m;
      for (size_t k = start; k <= i; ++k) m.order_ids.push_back(sorted[k].order_id);
      m.reached_order_id = sorted[i].order_id;
      m.first_at = sorted[start].received_at;
      m.reached_at = m.last_at = sorted[i].received_at;
      out.push_back(std::move(m));
    }
    last = i;
  }
  return out;
}

}  // namespace hearth::rules
