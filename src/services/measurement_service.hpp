// Manual measurements (R-TEMP-4, issue 5): validated against the household's profile, then kept
// with their signature status and third-party flag; they open and close evidence periods
// (R-REFUND-5, JudgingService).
//
// Decision on "rejected with the rule named, or kept as invalid with its reasons" (R-TEMP-4): a
// record that breaks a rule of the procedure (resolution … inspector) is rejected and nothing is
// stored; the caller gets every rule it broke. The household's signature is not a rule of the
// procedure but a status that changes later (signed after the visit, or refused and replaced by
// a third-party test): a pending or refused measurement is stored, valid, with its value, and is
// no evidence until signed (rules::MeasurementStanding).
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

struct MeasurementOutcome {
  std::optional<ports::Measurement> stored;  ///< set when accepted
  std::vector<rules::Violation> violations;  ///< set when rejected (then nothing is stored)
};

class MeasurementService {
 public:
  /// None is owned; all must outlive the service.
  MeasurementService(ports::MonitoringStore& store, ports::RecordStore& records,
                     const PolicyRegistry& policies)
      : store_(store), records_(records), policies_(policies) {}

  /// Validates and stores. The caller has checked that `scope` may write the household; this
  /// checks that the household is in `scope` (not_found, field household_id, otherwise) and that
  /// `room` is one of its rooms (invalid_argument, field room).
  Result<MeasurementOutcome> Add(const ports::MeasurementInput& input, const ports::Scope& scope,
                                 const std::string& actor);

  /// The household's measurements (not_found when it is outside `scope`).
  Result<std::vector<ports::Measurement>> List(int64_t household_id, const ports::Scope& scope);

  /// Changes the signature ("signed", "pending", "refused") and/or the overridden flag (a
  /// third-party test replaced it). not_found when the measurement or its household is outside
  /// `scope`; invalid_argument (field signature) for another signature.
  Result<ports::Measurement> Update(int64_t id, std::optional<std::string> signature,
                                    std::optional<bool> overridden, const ports::Scope& scope);

 private:
  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
};

}  // namespace hearth::services
