// Energy reserve's use cases (issue 15, R-ENERGY-1): a company files its daily dispatch report
// per fuel (stock and the day's consumption), reads its reports with their days of reserve, and
// the flags of a season (missing days, spells below the profile's reserve), by rules/energy.hpp.
//
// Who may do what (the platform's decision): admin, manager and technician (the dispatchers)
// file their company's reports (admin names the company); every company role reads its own; the
// regulator reads every company's; households none. A day after today is refused. The flags of a
// season cover its reporting days (the profile's commissioning start to its official end) up to
// yesterday: today's report may still come.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/energy_store.hpp"
#include "ports/record_store.hpp"
#include "rules/energy.hpp"
#include "services/alert_service.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// The largest stock or consumption a report may state, in hundredths of its unit
/// (999,999,999.99 tonnes or cubic metres).
inline constexpr int64_t kMaxEnergyCenti = 99'999'999'999;

struct NewEnergyReport {
  std::optional<int64_t> company_id;  ///< admin only
  Date day;
  rules::Fuel fuel = rules::Fuel::kCoal;
  int64_t stock_centi = 0;
  int64_t consumption_centi = 0;
  std::string note;
};

/// A report with what the profile says of it.
struct EnergyRead {
  ports::EnergyReport report;
  std::optional<int64_t> reserve_tenths;
  int threshold_days = 0;
  std::string basis;  ///< the threshold's clause
  bool low = false;
};

struct CompanyEnergyFlags {
  int64_t company_id = 0;
  std::string code, name;
  Date from, to;        ///< its profile's reporting days judged; to < from: none yet
  int64_t reports = 0;  ///< reports filed over them
  int threshold_days = 0;
  std::string basis;
  rules::EnergyFlags flags;
};

struct EnergyFlagsRead {
  int season = 0;
  Date from, to;  ///< the companies' earliest `from` and latest `to`
  std::vector<CompanyEnergyFlags> companies;
};

class EnergyService {
 public:
  /// None is owned; all must outlive the service.
  EnergyService(ports::EnergyStore& store, ports::RecordStore& records,
                const PolicyRegistry& policies, const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), clock_(clock) {}

  /// Files (or corrects) a report. Errors: permission_denied (role); invalid_argument naming the
  /// field: company missing for admin or given by another role ("company"), day after today
  /// ("day"), an amount below 0 or above kMaxEnergyCenti ("stock", "consumption"), a note over
  /// 2,000 bytes ("note"). The bool is true for a new report.
  Result<std::pair<EnergyRead, bool>> File(const NewEnergyReport& input,
                                           const OrderActor& actor) const;
  /// Reports in the actor's scope (its company replaces the query's); permission_denied for a
  /// household.
  Result<std::vector<EnergyRead>> List(ports::EnergyQuery query, const OrderActor& actor) const;
  /// The flags of the season that starts in `season` (default: the one whose commissioning
  /// started last, by the first company's profile) for `company` or, for the regulator and
  /// admin without one, every company. invalid_argument (field "season") outside 2000..2200.
  Result<EnergyFlagsRead> Flags(std::optional<int64_t> company, std::optional<int> season,
                                const OrderActor& actor) const;

  /// The current season's flags that need attention now, as alerts (household_id 0), by
  /// company: "energy-report-missing" when the last reporting day (yesterday, within the season)
  /// has no report of the company, and "energy-reserve-low" for each fuel whose low spell runs
  /// on that day. None unless yesterday is a reporting day of the season (out of season, or on
  /// its first day). Access as Flags.
  Result<std::vector<Alert>> Alerts(std::optional<int64_t> company, const OrderActor& actor) const;

 private:
  Result<EnergyRead> Read(ports::EnergyReport report) const;

  ports::EnergyStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
