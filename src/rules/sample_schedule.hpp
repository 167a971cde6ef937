// R-SAMPLE-3 [W 5.4.4]: the season's sampling plan names, besides the households, the collection
// times and the staff, and is followed. This schedules the plan's points over a collection window
// and says, for each point, whether it was collected as planned. Pure: no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::rules {

/// A point of the plan as the schedule sees it.
struct CollectionPoint {
  uint32_t building = 0;  ///< dense index: points of one building share it
  bool remote = false;    ///< the household has a remote sensor (W 5.4.1: collected by itself)
};

struct ScheduledCollection {
  Date on;                     ///< the day it is to be collected (remote: the window's first)
  std::optional<size_t> staff;  ///< index into the staff; none for a remote point
  bool operator==(const ScheduledCollection&) const = default;
};

/// The collection time and the staff of each point, parallel to `points`.
///
/// **Decision:** a remote point collects every hour of the window by itself: its day is `from`
/// and it has no staff. The manual points are visited once, in building order (buildings in the
/// order of their first point, points within one in the given order): the k-th of n is visited
/// on from + ⌊k·D/n⌋, D the window's days, so the visits spread evenly over the window and one
/// building's fall on the same or neighbouring days; the i-th building goes to staff i mod S.
/// invalid_argument when from > to (field "to"), or when there are manual points and no staff
/// (field "staff").
Result<std::vector<ScheduledCollection>> ScheduleCollections(
    std::span<const CollectionPoint> points, Date from, Date to, size_t staff);

enum class CollectionStatus {
  kCollected,  ///< collected on or before its day (remote: it has data in the window)
  kLate,       ///< a manual point collected after its day
  kDue,        ///< not yet collected; its day is today or later
  kOverdue,    ///< not collected and its day has passed
};

std::string_view CollectionStatusName(CollectionStatus s);  ///< "collected", "late", …

/// A point's status on `today`. `collected_on`: the first day it was collected within the
/// window (a valid manual measurement; for a remote point, any day with data), if any.
/// **Decision:** a point collected before its day counts as collected: the plan's day is the
/// latest the visit is expected, not the only one.
CollectionStatus StatusOf(bool remote, Date on, std::optional<Date> collected_on, Date today);

}  // namespace hearth::rules
