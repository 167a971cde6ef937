// Monthly reports over stored work orders (issue 13, "Reports"): the hotline report (R-WO-7) and
// the indicators R-KPI-Q, R-KPI-P and R-KPI-B (computed by rules/indicators.hpp), per company and
// month. A month is a calendar month of local time (UTC+08:00), [first day 00:00, next month's
// first day 00:00). Reports read the orders as they stand when the report is made: an open
// deadline past due at that moment counts as late.
//
// The hotline report (R-WO-7: on time, late, returned, satisfaction). Every column counts the
// orders *received* in the month (duplicates too: each platform order is scored by its platform),
// per channel (every channel, in rules::kAllChannels order, zeros included) and in total:
// - late: its return, reply or extended reply deadline was met after its due time, or is still
//   open and past due;
// - on time: not late, and finished: returned, or its reply given (the extended reply when
//   extended), or closed; pending: neither late nor finished (received = on time + late +
//   pending);
// - returned: a return was recorded (R-WO-2: only a complete return is ever recorded);
// - extended: the reply was extended (R-WO-3);
// - satisfied / basically satisfied / unsatisfied: the *result* satisfaction of the order's last
//   return visit (R-WO-6); not visited: no visit yet (a duplicate closed with its parent has no
//   visit of its own: its complainant was visited through the parent);
// - second complaints: R-WO-1's second complaints;
// - duplicates: orders merged into a parent (R-WO-1), the same complaint again.
//
// The indicators, and how an order maps onto rules/indicators.hpp:
// - R-KPI-Q: one RepairResponse per deadline `response` (R-WO-4), `arrival` and `leak`
//   (R-REPAIR-1) of an order that fell due in the month (its due time in the month), records
//   "<order id>/<deadline>". Due = not lapsed (a returned or closed order owes nothing more), and
//   either met or past due now (a deadline still ahead is not due yet). Within its limit = met and
//   not late. A reopened order's earlier response is superseded by the new one (the stored
//   projection keeps the last round).
// - R-KPI-P and R-KPI-B: one Complaint per order visited in the month (a `visit` event at a time
//   in it; the last visit in the month counts), record "<order id>". Reasonable = the visit's
//   `reasonable`; handled in time = no deadline of the order late (met late, or open and past
//   due: reply, extended reply, return visit, response, …); process (result) satisfied = the
//   visit's process (result) satisfaction is `satisfied` or `basically-satisfied` (满意 or 基本满意:
//   the usual reading of "satisfaction" in hotline scoring).
// - R-KPI-S (issue 15, given the stops store): one Outage per company-caused stop that overlaps
//   the month's elapsed part [first second, min(next month, now)), record "<stop id>": its
//   seconds within that part, weighed by its affected area (m² × 100, at most the company's
//   heated area), against the part's seconds × the company's heated area as the records stand
//   (UsageRates by partition, summed). Decision: a month not over is judged on its elapsed part.
// - R-KPI-C (issue 15, given a JudgingService): the judged days (qualified or unqualified,
//   R-TEMP-5) of the company's heated households, from the month's first day to its last day or
//   yesterday, whichever is earlier (today is not over), judged as /households/{id}/days judges
//   them (stops, findings, exempt days, evidence; only the households with a value in the month
//   are judged: JudgingService::WithEvidence); counted per household
//   (rules::QualificationRateOfHouseholds), records "<household id>". Judging every household is
//   the report's costliest part (issue 17: per-household queries), so the live report keeps a
//   company's month for kQualificationTtl and says when it was computed (c_computed_at); a
//   publication (`fresh`) always judges afresh.
// - The target comes from the company's profile (its `policy` field: policy.indicators).
// - A period other than a month (issue 15: from and to, whole local days) is read the same way;
//   "the month" above is then that period. A district limits each indicator to what lies in it
//   (see Indicators).
//
// Access: a household scope is permission_denied; a company scope sees its own company only
// (another company named is not_found); an empty scope sees every company, or the one named.
// Thread-safe (the stores are).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/mutex.hpp"
#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/hotline_report.hpp"
#include "ports/outage_store.hpp"
#include "ports/record_store.hpp"
#include "ports/work_order_store.hpp"
#include "rules/indicators.hpp"
#include "services/district_households.hpp"
#include "services/judging_service.hpp"
#include "services/policy_registry.hpp"
#include "services/report_period.hpp"

namespace hearth::services {

using ports::CompanyHotlineReport;
using ports::CompanyRef;
using ports::HotlineReport;
using ports::HotlineRow;
using ports::ReportMonth;


struct CompanyIndicators {
  CompanyRef company;
  /// R-KPI-S (rule empty without a stops store), R-KPI-C (rule empty without judging), Q, P, B.
  rules::IndicatorResult s, c, q, p, b;
  /// The stops behind R-KPI-S, newest first: each one's seconds in the month and area.
  std::vector<rules::Outage> s_stops;
  /// The households behind R-KPI-C with their judged and qualified days, by id.
  std::vector<rules::HouseholdQualification> c_households;
  Instant c_computed_at;  ///< when R-KPI-C was judged (a live report may reuse a recent one)
  /// The orders behind each (their records' orders, by id, each once).
  std::vector<int64_t> q_orders, p_orders, b_orders;
};

/// A district the indicators are limited to.
struct DistrictRef {
  int64_t id = 0;
  std::string code;
  std::string name;
};

struct IndicatorReport {
  ReportMonth month;  ///< a calendar month or a run of days
  std::optional<DistrictRef> district;  ///< none: the companies' whole areas
  Instant generated_at;
  std::vector<CompanyIndicators> companies;  ///< by company id
};

class HotlineReportService {
 public:
  /// None is owned; all must outlive the service. Without `outages`, R-KPI-S is left out;
  /// without `judging`, R-KPI-C.
  HotlineReportService(ports::WorkOrderStore& orders, ports::RecordStore& records,
                       const PolicyRegistry& policies, const ports::Clock& clock,
                       ports::OutageStore* outages = nullptr,
                       const JudgingService* judging = nullptr)
      : orders_(orders), records_(records), policies_(policies), clock_(clock),
        outages_(outages), judging_(judging) {}

  /// The hotline report of `month` for `company` (none: every company in `scope`). Errors: see
  /// the header; failed_precondition when a company's profile is not loaded (indicators only).
  Result<HotlineReport> Hotline(const ReportMonth& month, std::optional<int64_t> company,
                                const ports::Scope& scope) const;
  /// How long a live report reuses a company's R-KPI-C of a month.
  static constexpr std::chrono::minutes kQualificationTtl{10};

  /// R-KPI-S, R-KPI-C, R-KPI-Q, R-KPI-P and R-KPI-B of `month` (a month or a run of days), per
  /// company (as Hotline). `fresh`: judge R-KPI-C now, never reusing one computed earlier.
  /// `district`: only what lies in that district (services/district_households.hpp): R-KPI-C
  /// over its households, Q, P and B over the orders of its households (an order of no household
  /// is left out), S over its heated area with each stop's area there (a stop that cut off none
  /// of its households is left out); invalid_argument (field "district") when there is no such
  /// district.
  Result<IndicatorReport> Indicators(const ReportMonth& month, std::optional<int64_t> company,
                                     const ports::Scope& scope, bool fresh = false,
                                     std::optional<int64_t> district = std::nullopt) const;

 private:
  Result<std::vector<CompanyRef>> Companies(std::optional<int64_t> company,
                                            const ports::Scope& scope) const;
  /// The orders of `company` active in `month` (ports::OrderActivityQuery), every page.
  Result<std::vector<ports::WorkOrder>> Active(const ReportMonth& month, int64_t company) const;
  /// R-KPI-S of `company` in `month` as of `now` (see the header), with its stops' ids.
  /// `in`: the district's households, or null for the company's whole area.
  Status AccidentRate(const ReportMonth& month, int64_t company,
                      const rules::IndicatorPolicy& policy, Instant now,
                      const DistrictHouseholds* in, CompanyIndicators& out) const;
  /// R-KPI-C of `company` in `month` as of `now` (see the header), with its households.
  Status QualificationRate(const ReportMonth& month, int64_t company,
                           const rules::IndicatorPolicy& policy, Instant now, bool fresh,
                           const std::optional<DistrictRef>& district,
                           const DistrictHouseholds* in, CompanyIndicators& out) const;

  struct KeptQualification {
    Instant at;
    rules::IndicatorResult c;
    std::vector<rules::HouseholdQualification> households;
  };

  ports::WorkOrderStore& orders_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
  ports::OutageStore* outages_;
  const JudgingService* judging_;
  mutable Mutex mutex_;
  /// R-KPI-C by company and period (ReportMonth::Text, with "@<district id>"), as last judged.
  mutable std::map<std::pair<int64_t, std::string>, KeptQualification> kept_ GUARDED_BY(mutex_);
};

}  // namespace hearth::services
