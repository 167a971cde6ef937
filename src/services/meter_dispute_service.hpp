// Heat-meter disputes' use cases (issue 16, R-METER-1, W 10.3): a household disputes its meter
// (or the company's staff record a dispute for either side), the calibration by a qualified
// metrology body is recorded with its result, report number and cost, and the answer says who
// pays (W 10.3 (10.3 a/b)) and, when the meter failed, that the household is billed by area for
// the period (10.3 c). Or the side that raised it withdraws it. The flow and who may take which
// step are rules/meter.hpp's.
//
// - Only a meter-billed household has a meter to dispute.
// - Readers: the company's staff their company's disputes; the regulator every company's; a
//   household its own. Times are the server's.
//
// Messages (the outbox): every step goes to the household. Every change is audited by the store.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/meter_dispute_store.hpp"
#include "ports/record_store.hpp"
#include "services/billing_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

inline constexpr size_t kMaxDisputeText = 2000;            ///< reason, note (bytes)
inline constexpr size_t kMaxDisputeName = 200;             ///< reference (bytes)
inline constexpr int64_t kMaxCalibrationFen = 10'000'000;  ///< 100,000 yuan

struct NewMeterDispute {
  int64_t household_id = 0;
  rules::Party raised_by = rules::Party::kHousehold;
  std::string reason;
};

struct DisputeStep {
  std::optional<rules::CalibrationResult> result;  ///< calibrate
  std::string reference;                           ///< calibrate
  std::optional<int64_t> cost_fen;                 ///< calibrate, optional
  std::string note;
};

struct MeterDisputeRead {
  ports::MeterDispute dispute;
  std::optional<rules::CalibrationCost> payer;  ///< once calibrated
  rules::MeterBasis billing;                    ///< by area after a failed calibration
  std::vector<rules::DisputeAction> actions;    ///< what the reader may do now
};

class MeterDisputeService {
 public:
  /// None is owned; all must outlive the service. Given `billing`, a failed calibration settles
  /// the household's issued bill of the dispute's heating year again, by area (a failure there
  /// is logged; POST /api/v1/bills/{id}/resettle retries it).
  MeterDisputeService(ports::MeterDisputeStore& store, ports::RecordStore& records,
                      const ports::Clock& clock, const BillingService* billing = nullptr)
      : store_(store), records_(records), clock_(clock), billing_(billing) {}

  /// Raises a dispute. Errors: permission_denied (rules::MayRaiseDispute); not_found (field
  /// "household") outside the actor's scope; failed_precondition (field "household") for a
  /// household billed by area; invalid_argument for a blank or too long reason.
  Result<MeterDisputeRead> Raise(const NewMeterDispute& input, const OrderActor& actor) const;
  /// Takes `action`: rules::ApplyDispute's errors, not_found outside the actor's scope,
  /// invalid_argument for a text too long or a cost out of range ("cost"), and the store's
  /// failed_precondition when another step came first.
  Result<MeterDisputeRead> Act(int64_t id, rules::DisputeAction action, const DisputeStep& step,
                               const OrderActor& actor) const;
  /// not_found outside the actor's scope.
  Result<MeterDisputeRead> Get(int64_t id, const OrderActor& actor) const;
  /// Disputes in the actor's scope (its company or household overrides the query's), newest
  /// first.
  Result<std::vector<MeterDisputeRead>> List(ports::MeterDisputeQuery query,
                                             const OrderActor& actor) const;

 private:
  MeterDisputeRead Read(ports::MeterDispute dispute, rules::Role role) const;
  Result<ports::MeterDispute> Visible(int64_t id, const ports::Scope& scope) const;

  ports::MeterDisputeStore& store_;
  ports::RecordStore& records_;
  const ports::Clock& clock_;
  const BillingService* billing_;
};

}  // namespace hearth::services
