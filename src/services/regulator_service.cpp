#include "services/regulator_service.hpp"

#include <chrono>
#include <map>
#include <set>
#include <tuple>

#include "rules/season.hpp"

namespace hearth::services {
namespace {

// The scoring profile: the one named, or the one every company compared uses.
Result<std::shared_ptr<const rules::Policy>> ScoringPolicy(
    const PolicyRegistry& policies, const std::optional<std::string>& named,
    const std::vector<CompanyHotlineReport>& companies) {
  if (named) {
    auto p = policies.Find(*named);
    if (!p.ok()) return Error::NotFound(p.error().message, "policy");
    return p;
  }
  std::set<std::string> used;
  for (const auto& c : companies) used.insert(c.company.policy);
  if (used.size() > 1) {
    std::string names;
    for (const auto& n : used) names += (names.empty() ? "" : ", ") + n;
    return Error::InvalidArgument(
        "the companies compared use the profiles " + names +
            ": name the one whose subsidy weights score them all (policy)",
        "policy");
  }
  if (used.empty()) {  // no company: any profile scores nothing; take the first loaded
    const auto names = policies.Names();
    if (names.empty()) return Error::FailedPrecondition("no policy profile is loaded", "policy");
    return policies.Find(names.front());
  }
  auto p = policies.Find(*used.begin());
  if (!p.ok()) {
    return Error::FailedPrecondition("profile '" + *used.begin() + "' is not loaded", "policy");
  }
  return p;
}

}  // namespace

Result<std::vector<ports::UnlicensedBuilding>> RegulatorService::LicenceFlags(
    std::optional<int64_t> company, const ports::Scope& scope) const {
  if (scope.household_id) {
    return Error::PermissionDenied("licence checks are for companies and regulators");
  }
  if (scope.company_id) company = scope.company_id;
  return licences_.Unlicensed(company);
}

int RegulatorService::SeasonOf(const ReportMonth& period) {
  return rules::SeasonYearOf(LocalDate(period.from));
}

Result<CompanyComparisonReport> RegulatorService::Compare(
    const ReportMonth& month, std::optional<int64_t> pool_fen,
    const std::optional<std::string>& policy, const ports::Scope& scope) const {
  if (scope.company_id || scope.household_id) {
    return Error::PermissionDenied("the comparison of companies is the regulator's");
  }
  // The hotline report first: it is cheap, and names the profiles, so a comparison refused for
  // its profile is refused before the indicators judge every household (R-KPI-C).
  auto hotline = reports_.Hotline(month, std::nullopt, scope);
  if (!hotline.ok()) return hotline.error();
  auto scoring = ScoringPolicy(policies_, policy, hotline->companies);
  if (!scoring.ok()) return scoring.error();
  auto indicators = reports_.Indicators(month, std::nullopt, scope);
  if (!indicators.ok()) return indicators.error();
  auto rates = records_.UsageRates(ports::UsageGrouping::kPartition, scope);
  if (!rates.ok()) return rates.error();
  std::map<int64_t, int64_t> households;
  for (const auto& r : *rates) households[r.company_id] += r.households;

  CompanyComparisonReport out;
  out.month = month;
  out.generated_at = indicators->generated_at;
  out.season_start_year = SeasonOf(month);
  out.policy = (*scoring)->id;
  out.weights = (*scoring)->subsidy;
  out.pool_fen = pool_fen;
  auto totals = ledger_.Totals(out.season_start_year, FormatLocal(clock_.Now()));
  if (!totals.ok()) return totals.error();
  std::map<int64_t, RefundTotals> refunds;
  for (const auto& t : *totals) {
    RefundTotals& r = refunds[t.company_id];
    if (t.status == "paid") {
      r.paid_fen += t.refund_fen;
      r.paid_entries += t.entries;
    } else {
      r.owed_fen += t.refund_fen;
      r.owed_entries += t.entries;
    }
    r.overdue_entries += t.unpaid_past_deadline;
  }

  auto unlicensed = licences_.Unlicensed(std::nullopt);
  if (!unlicensed.ok()) return unlicensed.error();
  std::map<int64_t, std::pair<int64_t, int64_t>> outside;  // company -> buildings, households
  for (const auto& u : *unlicensed) {
    ++outside[u.company_id].first;
    outside[u.company_id].second += u.households;
  }

  auto duties = seasons_.Duties(out.season_start_year, std::nullopt, scope);
  if (!duties.ok()) return duties.error();
  std::map<int64_t, std::pair<int64_t, int64_t>> announcements;  // company -> late, missing
  for (const auto& row : duties->rows) {
    for (const auto& d : row.duties) {
      if (d.duty.status == rules::AnnouncementStatus::kLate) ++announcements[row.company.id].first;
      if (d.duty.status == rules::AnnouncementStatus::kMissing) {
        ++announcements[row.company.id].second;
      }
    }
  }

  // Both reports list the same companies by id; a company added between the two reads is left
  // out of this comparison.
  std::map<int64_t, const CompanyHotlineReport*> rows;
  for (const auto& h : hotline->companies) rows[h.company.id] = &h;
  std::vector<rules::CompanyPerformance> performance;
  for (auto& ci : indicators->companies) {
    auto row = rows.find(ci.company.id);
    if (row == rows.end()) continue;
    CompanyComparison c;
    c.hotline = *row->second;
    c.households = households[ci.company.id];
    c.complaints = c.hotline.total.received - c.hotline.total.duplicates;
    c.replies_due = c.hotline.total.on_time + c.hotline.total.late;
    c.replies_on_time = c.hotline.total.on_time;
    c.refunds = refunds[ci.company.id];
    std::tie(c.unlicensed_buildings, c.unlicensed_households) = outside[ci.company.id];
    std::tie(c.announcements_late, c.announcements_missing) = announcements[ci.company.id];
    rules::CompanyPerformance p;
    p.company_id = ci.company.id;
    for (const rules::IndicatorResult* r : {&ci.s, &ci.q, &ci.c, &ci.p, &ci.b}) {
      if (!r->rule.empty()) p.indicators.push_back(*r);
    }
    p.households = c.households;
    p.complaints = c.complaints;
    p.replies_due = c.replies_due;
    p.replies_on_time = c.replies_on_time;
    performance.push_back(std::move(p));
    c.indicators = std::move(ci);
    out.companies.push_back(std::move(c));
  }
  auto scores = rules::ScoreCompanies(out.weights, performance, pool_fen.value_or(0));
  if (!scores.ok()) return scores.error();
  for (size_t i = 0; i < scores->size(); ++i) out.companies[i].score = std::move((*scores)[i]);
  return out;
}

}  // namespace hearth::services
