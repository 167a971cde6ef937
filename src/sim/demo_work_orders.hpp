// The demo city's work orders (issue 13): seasons of realistic complaint and repair orders,
// received and moved through their lives by WorkOrderService, so that every deadline comes from
// the deadline engine and every rule (R-WO-1..6, R-REPAIR-1) is checked as for real orders.
//
// What it makes, deterministic for (seed, now, the city):
//   - orders received from the official start of options.season up to options.now: in the
//     official period about options.per_season per whole season for the city (shared between
//     the companies by their households), more in the first weeks (x2, then x1.4) and on cold
//     days (the season simulator's outdoor curve for the same seed, up to x3 in its cold
//     spells); a little in the commissioning week; a trickle of leaks, repairs and billing
//     questions out of season;
//   - from every channel: city hotline 12345 (34%), the company's phone (30%), the provincial
//     hotline (8%), web (8%), hall (5%), on-receipt (5%), internet-plus (4%), first-question (3%),
//     urgent (3%); heating quality (70% in season), leaks (10%), repairs (12%), billing (8%);
//   - most handled on time through a full life: accept, respond, dispatch/arrive/repair for
//     leaks and repairs (charged repairs signed for before the work), reply, visit (satisfied
//     82%, basically satisfied 13%, unsatisfied 5%; worse after a late reply), close;
//   - some late: a response (3%) or a reply (5%) after its due time, a leak repaired after its
//     hour; returned hotline orders (3%: approval, seal, contact record; a tenth of them late);
//     extended city and provincial orders (6%, before the reply deadline; a few replied late
//     even so); second complaints (5% of orders come again, same household and category, 2-20
//     days later: visited face to face, or by a manager); duplicates (8% of city-hotline orders
//     also arrive from the provincial hotline, linked to the first and closed with it);
//   - a mass complaint (R-REG-1): on the sixth day of the first company's latest official period
//     whose sixth evening is over, from 18:00, kMassComplaintBurst heating-quality complaints in
//     about four hours from the households of one building entrance (one community);
//   - nothing after options.now: an event that would fall after it is not recorded, so the
//     recent orders are open; when now is past the season, a few orders of the last two days
//     are received as well, and left open the same way.
// Times are the service's (it refuses times in the future): `now` must not be ahead of its clock.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::sim {

/// The mass complaint's size: over the platform default of 20 within 24 h.
inline constexpr int kMassComplaintBurst = 22;

struct DemoOrderOptions {
  uint64_t seed = 1;
  int season = 2025;          ///< the first season filled, from its official start
  Instant now;                ///< the demo's now: nothing is received or recorded after it
  int64_t per_season = 2400;  ///< about this many orders in a whole official period of the city
};

struct DemoOrderSummary {
  int64_t orders = 0, events = 0;
  int64_t open = 0;  ///< not closed at `now`
  int64_t late = 0;  ///< with a deadline met after its due time
  int64_t returned = 0, extended = 0, second_complaints = 0, duplicates = 0;
  std::map<std::string, int64_t> by_channel;  ///< channel name -> orders
};

/// Receives and moves on the orders through `service`, acting as the companies' demo agent,
/// technician and manager (demo-<company code>-agent, …). invalid_argument when the city has no
/// heated household or per_season is below 1; the service's errors (a generated event that the
/// rules refuse is a bug here, and stops the generation).
Result<DemoOrderSummary> GenerateDemoWorkOrders(ports::RecordStore& records,
                                                const services::PolicyRegistry& policies,
                                                const services::WorkOrderService& service,
                                                const DemoOrderOptions& options);

}  // namespace hearth::sim
