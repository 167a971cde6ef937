// The demo city's applications to increase, decrease, stop and resume heating (增减停复, issue 16,
// R-ACCT-1, W 9.1.8), taken in and moved on through HeatingChangeService so that each one is
// checked, settled, messaged and audited as a real one is. The service runs here on a clock of
// its own, set to each step's moment.
//
// What it makes, per company, on its first heated households by id (the household login's left
// alone, so that its own page starts empty) and its first stopped one:
// - a stop taken in 3 days ago with every document, effective 2 days later, approved the next
//   day: settled pro rata at the company's area tariff, the household stopped;
// - an increase of 12 m² taken in yesterday, its area survey still missing;
// - a decrease of 10 m² taken in 5 days ago, refused the next day with its reason;
// - a resumption of the stopped household taken in 4 hours ago with every document, waiting for
//   the manager's decision.
#pragma once

#include <cstdint>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/heating_change_store.hpp"
#include "ports/record_store.hpp"
#include "services/judging_service.hpp"

namespace hearth::sim {

struct DemoHeatingChangeSummary {
  int64_t applications = 0, approved = 0, refused = 0, pending = 0;
};

/// `login_household`: the household login's household code ("" for none), left alone.
Result<DemoHeatingChangeSummary> GenerateDemoHeatingChanges(ports::RecordStore& records,
                                                            ports::HeatingChangeStore& store,
                                                            const services::JudgingService& seasons,
                                                            const std::string& login_household,
                                                            Instant now);

}  // namespace hearth::sim
