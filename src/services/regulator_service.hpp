// The regulator's comparison of companies (issue 15, R-REG-1): every company side by side over a
// month or a run of days (a season at most), with its subsidy score and share of a pool.
//
// Per company (services/hotline_report_service.hpp says what each figure counts):
// - the five indicators R-KPI-S, Q, C, P and B of the period;
// - the hotline rows: orders received per channel and in total, on time, late, satisfaction;
// - households: its households as the records stand (every heating status);
// - complaints: orders received in the period less the duplicates (R-WO-1: the same complaint);
//   per 10,000 households, the rate the score uses;
// - replies: due = on time + late of the hotline total (orders finished, or overdue), on time as
//   counted there (R-WO-4/R-WO-7);
// - outages: its company-caused stops overlapping the period (those behind R-KPI-S);
// - refunds of the season the period starts in (a month from July starts that year's season,
//   before July the previous year's): owed (draft and approved entries), paid, and how many are
//   unpaid past their deadline (R-REFUND-6), summed by the ledger in one statement.
// The score (rules/subsidy.hpp) uses the [subsidy] weights of one profile for every company, so
// the comparison is fair: the profile named, or, when none is named, the one every company
// compared uses (invalid_argument naming "policy" when they use several and none is named).
// - licence: its buildings outside its licensed districts (Z 3.4, ports/licence_store.hpp), with
//   their households, stops and orders;
// - season announcements of the refunds' season (R-SEASON-1, services/season_duty_service.hpp):
//   how many of its licensed districts' announcements are late and how many missing, as judged
//   today.
// Access: the comparison is the regulator's: admin and regulator (an empty scope) only; any
// other scope is permission_denied.
//
// LicenceFlags lists the buildings outside their company's licence with the works there (Z 3.4:
// a company's outages, connections and works stay inside its licensed service area): admin and
// regulator every company's (or the one named), a company's staff their own, households never.
// Thread-safe (the stores and the report service are).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/licence_store.hpp"
#include "ports/record_store.hpp"
#include "ports/refund_ledger.hpp"
#include "rules/subsidy.hpp"
#include "services/hotline_report_service.hpp"
#include "services/policy_registry.hpp"
#include "services/season_duty_service.hpp"

namespace hearth::services {

struct RefundTotals {
  int64_t owed_fen = 0, owed_entries = 0;  ///< draft and approved
  int64_t paid_fen = 0, paid_entries = 0;
  int64_t overdue_entries = 0;  ///< not paid, past the payment deadline
};

struct CompanyComparison {
  CompanyIndicators indicators;
  CompanyHotlineReport hotline;
  int64_t households = 0;
  int64_t complaints = 0;  ///< received less duplicates
  int64_t replies_due = 0, replies_on_time = 0;
  RefundTotals refunds;
  int64_t unlicensed_buildings = 0, unlicensed_households = 0;  ///< Z 3.4
  int64_t announcements_late = 0, announcements_missing = 0;    ///< R-SEASON-1
  rules::CompanyScore score;
};

struct CompanyComparisonReport {
  ReportMonth month;
  Instant generated_at;
  int season_start_year = 0;  ///< the refunds' season
  std::string policy;         ///< the profile whose weights score
  rules::SubsidyPolicy weights;
  std::optional<int64_t> pool_fen;  ///< none: scores only, every share 0
  std::vector<CompanyComparison> companies;  ///< by company id
};

class RegulatorService {
 public:
  /// None is owned; all must outlive the service.
  RegulatorService(const HotlineReportService& reports, ports::RecordStore& records,
                   ports::RefundLedgerStore& ledger, ports::LicenceStore& licences,
                   const SeasonDutyService& seasons, const PolicyRegistry& policies,
                   const ports::Clock& clock)
      : reports_(reports), records_(records), ledger_(ledger), licences_(licences),
        seasons_(seasons), policies_(policies), clock_(clock) {}

  /// The comparison of `month`, scored by `policy` (see the header) and sharing `pool_fen`.
  /// Errors: permission_denied outside the regulator's scope; not_found (field "policy") for an
  /// unknown profile; invalid_argument (field "policy") as the header says, (field "pool") from
  /// rules::ScoreCompanies; the stores'.
  Result<CompanyComparisonReport> Compare(const ReportMonth& month,
                                          std::optional<int64_t> pool_fen,
                                          const std::optional<std::string>& policy,
                                          const ports::Scope& scope) const;

  /// The buildings outside their company's licence within `scope` (of `company` only, when
  /// given; a company scope names its own). permission_denied for a household scope.
  Result<std::vector<ports::UnlicensedBuilding>> LicenceFlags(std::optional<int64_t> company,
                                                              const ports::Scope& scope) const;

  /// The heating season a period (a month or a run of days) starts in: the start year of its
  /// first day's season (July onwards: that year).
  static int SeasonOf(const ReportMonth& period);

 private:
  const HotlineReportService& reports_;
  ports::RecordStore& records_;
  ports::RefundLedgerStore& ledger_;
  ports::LicenceStore& licences_;
  const SeasonDutyService& seasons_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
