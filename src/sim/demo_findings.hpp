// The demo city's household-caused findings (issue 15, R-REFUND-4), recorded through
// FindingService so that each one is checked, messaged and audited as a real one is.
//
// What it makes, deterministic for (now, the city): per company, among its heated households by
// id, the 8th acknowledged by the household (added radiators, found 12 days before now), the
// 18th disputed (altered pipes, found 9 days before; the first company's dispute upheld by the
// regulator, the others' left for it to decide) and the 28th left open (a drain valve, found 5
// days before); and, when given, the household login's household an open finding of its own
// installation found 3 days before, which it can acknowledge or dispute in the console. Each
// covers 60 days from the day it was found.
#pragma once

#include <cstdint>
#include <string>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/record_store.hpp"
#include "services/finding_service.hpp"

namespace hearth::sim {

struct DemoFindingOptions {
  Instant now;
  std::string login_household;  ///< the household login's household code; "" for none
};

struct DemoFindingSummary {
  int64_t findings = 0, acknowledged = 0, disputed = 0, upheld = 0;
};

Result<DemoFindingSummary> GenerateDemoFindings(ports::RecordStore& records,
                                                const services::FindingService& service,
                                                const DemoFindingOptions& options);

}  // namespace hearth::sim
