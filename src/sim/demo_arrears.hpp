// The demo city's arrears (issue 16, R-BILL-1, W 9.2.2), reminded and stopped through
// ArrearsService so that each reminder is checked, messaged and audited as a real one is. The
// service runs here on a clock of its own, set to each step's moment.
//
// Per company, on its first heated households (by fee, newest first) overdue 12 days ago, the
// household login's left alone:
// - one with a notice posted 12 days ago and a letter 9 days ago, both with their proof: the
//   manager stops its heat today (the week to pay is over), an approved stop settled pro rata;
// - one with a notice posted 6 days ago and a letter 2 days ago: a stop may take effect in 5 days;
// - one with an SMS sent yesterday, waiting for the gateway.
#pragma once

#include <cstdint>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/arrears_store.hpp"
#include "ports/record_store.hpp"
#include "services/heating_change_service.hpp"

namespace hearth::sim {

struct DemoArrearsSummary {
  int64_t reminders = 0, stops = 0;
};

Result<DemoArrearsSummary> GenerateDemoArrears(ports::RecordStore& records,
                                               ports::ArrearsStore& store,
                                               ports::HeatingChangeStore& changes,
                                               const services::JudgingService& seasons,
                                               const std::string& login_household, Instant now);

}  // namespace hearth::sim
