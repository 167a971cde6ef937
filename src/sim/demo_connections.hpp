// The demo city's connection applications (报装, issue 16, R-CONN-1, R-WO-6), taken in and moved
// on through ConnectionService so that each one is checked, messaged and audited as a real one
// is. The service runs here on a clock of its own, set to each step's moment, so that the
// applications spread over the last months as a hall's do.
//
// What it makes, deterministic for the city, per company (its buildings and its stopped
// households by id):
// - an existing building's household, form only, 6 days ago (earlier when a long holiday, the
//   Spring Festival's or National Day's, would keep its decision running): its decision (1
//   working day) is overdue, and the retrofit record and owners' decision are missing;
// - a new building with outside works, 3 hours ago: its 3 working days running, drawings
//   supplied later;
// - an existing building's household 40 days ago: documents supplied the next day, approved the
//   day after (the household connected), visited back and satisfied;
// - a new building 60 days ago, refused the next day with its reason and suggestion, its return
//   visit still owed;
// - a new building 100 days ago, approved 20 days later: late whatever holidays fall between
//   (1 working day; no holiday is that long).
#pragma once

#include <cstdint>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/connection_store.hpp"
#include "ports/record_store.hpp"
#include "services/calendar_service.hpp"
#include "services/policy_registry.hpp"

namespace hearth::sim {

struct DemoConnectionSummary {
  int64_t applications = 0, approved = 0, refused = 0, visited = 0;
};

Result<DemoConnectionSummary> GenerateDemoConnections(ports::RecordStore& records,
                                                      ports::ConnectionStore& store,
                                                      const services::PolicyRegistry& policies,
                                                      services::CalendarService& calendar,
                                                      Instant now);

}  // namespace hearth::sim
