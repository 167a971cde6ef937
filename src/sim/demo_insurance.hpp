// The demo city's insurance claims (issue 16, R-INS-1), recorded and moved on through
// InsuranceService so that each one is checked, messaged and audited as a real one is (every
// step is at the server's time, so they all happen at the demo's start).
//
// What it makes, deterministic for the city: per company, among its households by id, the 5th a
// claim paid (a burst radiator), the 15th one agreed and awaiting payment (its 30 working days
// running), the 25th one reported to the insurer, the 35th one just recorded (its 24 hours
// running) and the 45th one rejected as self-altered (W 13.6 b); and, when given, the household
// login's household a claim agreed, which it sees in the console.
#pragma once

#include <cstdint>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/insurance_service.hpp"

namespace hearth::sim {

struct DemoInsuranceOptions {
  Instant now;
  std::string login_household;  ///< the household login's household code; "" for none
};

struct DemoInsuranceSummary {
  int64_t claims = 0, paid = 0, agreed = 0, rejected = 0;  ///< by the state each ends in
};

Result<DemoInsuranceSummary> GenerateDemoInsurance(ports::RecordStore& records,
                                                   const services::InsuranceService& service,
                                                   const DemoInsuranceOptions& options);

}  // namespace hearth::sim
