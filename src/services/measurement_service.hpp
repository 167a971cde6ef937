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
//
// Decisions (issue 11, R-TEMP-4: the judged party never writes its own evidence unchecked):
//   - Only the household sets a result signed or refused: through its own login (Sign), or by a
//     signature recorded on the device at the visit (who, when, how: a SignatureRecord with via
//     "device", given when the measurement is added, signed at or after the first reading and
//     not in the future). Staff cannot sign or refuse afterwards, and a signed or refused result
//     is final: a dispute goes to a third-party test.
//   - Staff mark a measurement third-party when they add it, and mark a measurement overridden
//     only when a valid third-party test of the same household exists on the same day.
//   - A time after now (beyond kClockAllowance) is refused, as are impossible ones
//     (ParseEvidenceTime, when decoding).
//   - Every addition and change is audited (resource "measurements"), by the store.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ports/clock.hpp"
#include "ports/monitoring_store.hpp"
#include "ports/record_store.hpp"
#include "services/policy_registry.hpp"

namespace hearth::services {

struct MeasurementOutcome {
  std::optional<ports::Measurement> stored;  ///< set when accepted
  std::vector<rules::Violation> violations;  ///< set when rejected (then nothing is stored)
};

/// How far ahead of the clock a measurement's or signature's time may be (a device's clock).
inline constexpr std::chrono::seconds kClockAllowance{300};

/// Who changes a measurement: a household user or staff.
struct MeasurementActor {
  std::string username;
  bool household = false;
  ports::Scope scope;
};

class MeasurementService {
 public:
  /// None is owned; all must outlive the service.
  MeasurementService(ports::MonitoringStore& store, ports::RecordStore& records,
                     const PolicyRegistry& policies, const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), clock_(clock) {}

  /// Validates and stores. The caller has checked that `scope` may write the household; this
  /// checks that the household is in `scope` (not_found, field household_id, otherwise) and that
  /// `room` is one of its rooms (invalid_argument, field room). invalid_argument also for a
  /// reading in the future (field readings[i].at), and for a signed or refused result without a
  /// device signature record, or with a bad one (field signature_record…).
  Result<MeasurementOutcome> Add(const ports::MeasurementInput& input, const ports::Scope& scope,
                                 const std::string& actor);

  /// Measurements by id matching `query`, within `scope` (its company or household replaces the
  /// query's; a household naming another household gets none; a household_id outside `scope`
  /// is not_found).
  Result<std::vector<ports::Measurement>> List(ports::MeasurementQuery query,
                                               const ports::Scope& scope);

  /// Changes the signature ("signed" or "refused"; invalid_argument, field signature,
  /// otherwise) and/or the overridden flag. permission_denied: staff changing a signature, a
  /// household changing overridden. failed_precondition: a signature that is not pending, or
  /// overridden with no third-party test that day. not_found when the measurement or its
  /// household is outside the actor's scope.
  Result<ports::Measurement> Update(int64_t id, std::optional<std::string> signature,
                                    std::optional<bool> overridden,
                                    const MeasurementActor& actor);

 private:
  ports::MonitoringStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
