// Mass complaints (issue 15, R-REG-1): a community's complaints over the profile's threshold
// (20 within 24 h, a platform default) are flagged to the regulator and the company at once.
//
// - Check runs after each order is received (WorkOrderService::Receive): the community of the
//   order's household is judged (rules::FindMassComplaints) over the complaints whose windows can
//   hold the new one, and each episode holding it is flagged. A new flag writes two messages in
//   its transaction: one to the regulator ("regulator") and one to the company's managers
//   ("managers"), topic "complaints.mass".
// - Scan judges every community's complaints over a period: the worker runs it every tick over
//   the last days, so a flag Check missed (the server stopped between the order and its check,
//   or an order arrived through a path that does not check) is raised within a tick.
// - A complaint is an order received from a household, its duplicates left out (they are the
//   same complaint, R-WO-1); a community is its building's 小区 within one company.
// - Who reads the flags: admin and regulator every company's; a company's staff their own;
//   households never (flags name other households' orders).
// Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/mass_complaint_store.hpp"
#include "ports/record_store.hpp"
#include "rules/policy.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// How far back the worker's Scan looks, and how often it runs.
inline constexpr std::chrono::hours kMassComplaintScanBack{72};
inline constexpr std::chrono::minutes kMassComplaintScanEvery{1};

class MassComplaintService {
 public:
  /// None is owned; all must outlive the service.
  MassComplaintService(ports::MassComplaintStore& store, ports::RecordStore& records,
                       const PolicyRegistry& policies, const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), clock_(clock) {}

  /// Judges the community of `household_id` (of `company_id`) around `at`, a complaint's
  /// reception. Returns how many episodes were newly flagged.
  Result<int> Check(int64_t company_id, int64_t household_id, Instant at) const;
  /// Judges every community's complaints received in [from, until]. Returns how many episodes
  /// were newly flagged.
  Result<int> Scan(Instant from, Instant until) const;
  /// Flags reached in [from, until] within the actor's scope (an admin or regulator may name a
  /// company), by id after `after`. permission_denied for a household; invalid_argument (field
  /// "from") when from > until.
  Result<std::vector<ports::MassComplaintFlag>> List(ports::MassComplaintQuery query,
                                                     const OrderActor& actor) const;

 private:
  /// Flags each episode of one community's `complaints` (of one company, whose profile is `p`)
  /// that has a complaint received in [from, until].
  Result<int> Judge(const rules::Policy& p, int64_t company_id, const std::string& community,
                    const std::vector<ports::CommunityComplaint>& complaints, Instant from,
                    Instant until) const;

  ports::MassComplaintStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
