// Publishing a company's monthly indicators (issue 15, W 14.4.6: a heating company publishes its
// indicators to its households periodically; RULES.md: each shows the records it was computed
// from), and reading them back.
//
// Publish computes the month's indicators as GET /api/v1/reports/indicators does
// (HotlineReportService::Indicators: R-KPI-S, R-KPI-Q, R-KPI-C, R-KPI-P, R-KPI-B) and stores them
// with the records behind each and each record's part of the fraction: a stop's seconds × area
// (R-KPI-S), 1 of 1 or 0 of 1 for a response or a complaint (R-KPI-Q, P, B), a household's
// qualified of its judged days (R-KPI-C). What is published never changes (the store refuses a
// second publication of the company's month), so later corrections to the records leave a
// published figure as it was.
//
// Decisions:
// - only a month that is over is published (failed_precondition before the next month's first
//   day): a figure of a month still running would change;
// - who publishes: the company's admin or manager (an admin names the company); the regulator
//   and the other roles read;
// - who reads: everyone signed in reads the publications within their scope; a household reads
//   its own company's (W 14.4.6 publishes them to households), never the records behind them,
//   which name other households; the public list (no sign-in) shows every company's
//   publications without the records or who published them (R-INFO-1: service quality is public
//   information).
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/indicator_publication_store.hpp"
#include "ports/record_store.hpp"
#include "services/hotline_report_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// The records behind `c`'s indicators with each one's part of the fraction, as published (the
/// header): of `rule` only when not empty, in the order S, Q, C, P, B. internal when a part
/// does not fit a stored integer.
Result<std::vector<ports::IndicatorRecord>> IndicatorRecords(const CompanyIndicators& c,
                                                             std::string_view rule = {});

struct PublicationRead {
  ports::IndicatorPublication publication;
  std::string company_code, company_name;
};

class IndicatorPublicationService {
 public:
  /// None is owned; all must outlive the service.
  IndicatorPublicationService(ports::IndicatorPublicationStore& store,
                              const HotlineReportService& reports, ports::RecordStore& records,
                              const ports::Clock& clock)
      : store_(store), reports_(reports), records_(records), clock_(clock) {}

  /// Publishes `month` of `company` (an admin names it; a manager's is its own, and naming
  /// another is not_found). Errors: permission_denied (role); invalid_argument (field "company")
  /// when an admin names none; failed_precondition before the month is over, or when the
  /// company's profile is not loaded; already_exists when the month is published already.
  Result<PublicationRead> Publish(const ReportMonth& month, std::optional<int64_t> company,
                                  const OrderActor& actor) const;
  /// Publications within the actor's scope (its company replaces the query's; a household's is
  /// its household's company), newest month first.
  Result<std::vector<PublicationRead>> List(ports::PublicationQuery query,
                                            const OrderActor& actor) const;
  /// One publication; not_found outside the actor's scope.
  Result<PublicationRead> Get(int64_t id, const OrderActor& actor) const;
  /// The records behind `rule` (every rule when empty) of publication `id`; permission_denied
  /// for a household; not_found outside the actor's scope.
  Result<std::vector<ports::IndicatorRecord>> Records(int64_t id, const std::string& rule,
                                                      int64_t offset, int limit,
                                                      const OrderActor& actor) const;
  /// Every company's publications, for anyone (the public list): the caller shows no records
  /// and not who published.
  Result<std::vector<PublicationRead>> Public(const ports::PublicationQuery& query) const;

 private:
  /// The company whose publications `actor` reads (none: every company's).
  Result<std::optional<int64_t>> ReaderCompany(const OrderActor& actor) const;
  Result<std::vector<PublicationRead>> Named(std::vector<ports::IndicatorPublication> list) const;

  ports::IndicatorPublicationStore& store_;
  const HotlineReportService& reports_;
  ports::RecordStore& records_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
