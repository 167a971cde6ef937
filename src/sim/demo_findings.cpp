#include "sim/demo_findings.hpp"

#include <vector>

#include "model/resources.hpp"

namespace hearth::sim {
namespace {

using rules::FindingAction;
using rules::FindingKind;
using services::OrderActor;

/// Ids of the heated households of `company` (all of them, or the one coded `code`), by id.
Result<std::vector<int64_t>> Households(ports::RecordStore& records, int64_t company,
                                        const std::string& code, size_t at_most) {
  std::vector<int64_t> out;
  ports::ListQuery q;
  q.equals = {{"heating_status", std::string("heated")}};
  if (!code.empty()) q.equals["code"] = code;
  q.scope.company_id = company;
  q.limit = static_cast<int>(at_most);
  auto page = records.List(*model::FindResource("households"), q);
  if (!page.ok()) return page.error();
  for (const auto& r : page->items) out.push_back(r.id);
  return out;
}

struct Plan {
  size_t position;  ///< among the company's heated households, by id
  FindingKind kind;
  int days_ago;
  const char* description;
};

}  // namespace

Result<DemoFindingSummary> GenerateDemoFindings(ports::RecordStore& records,
                                                const services::FindingService& service,
                                                const DemoFindingOptions& options) {
  DemoFindingSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  const OrderActor regulator{"demo-regulator", rules::Role::kRegulator, {}};
  auto record = [&](int64_t company, int64_t household, FindingKind kind, int days_ago,
                    const char* description) -> Result<int64_t> {
    const OrderActor technician{"demo-technician", rules::Role::kTechnician, {company, {}}};
    services::NewFinding f;
    f.household_id = household;
    f.kind = kind;
    f.description = description;
    f.photos = {"demo/findings/" + std::to_string(household) + "-1.jpg"};
    f.found_by = "demo-technician";
    f.found_at = StartOfLocalDay(LocalDate(options.now) - std::chrono::days{days_ago}) +
                 std::chrono::hours{10};
    f.valid_from = LocalDate(f.found_at);
    f.valid_to = f.valid_from + std::chrono::days{59};
    auto read = service.Record(f, technician);
    if (!read.ok()) return read.error();
    ++summary.findings;
    return read->finding.id;
  };
  const Plan plans[] = {
      {7, FindingKind::kAddedRadiators, 12, "卧室私自增加散热器一组，未报备"},
      {17, FindingKind::kAlteredPipes, 9, "户内供热管道被改动，绕过散热器"},
      {27, FindingKind::kDrainValve, 5, "私接放水阀，系统失水"},
  };
  for (size_t ci = 0; ci < companies->items.size(); ++ci) {
    const int64_t company = companies->items[ci].id;
    auto households = Households(records, company, "", 28);
    if (!households.ok()) return households.error();
    for (const Plan& p : plans) {
      if (p.position >= households->size()) continue;
      const int64_t h = (*households)[p.position];
      auto id = record(company, h, p.kind, p.days_ago, p.description);
      if (!id.ok()) return id.error();
      const OrderActor household{"demo-household", rules::Role::kHousehold, {{}, h}};
      if (p.kind == FindingKind::kAddedRadiators) {
        auto a = service.Act(*id, FindingAction::kAcknowledge, "", household);
        if (!a.ok()) return a.error();
        ++summary.acknowledged;
      } else if (p.kind == FindingKind::kAlteredPipes) {
        auto d = service.Act(*id, FindingAction::kDispute, "管道是物业维修时改的，不是住户所为",
                             household);
        if (!d.ok()) return d.error();
        ++summary.disputed;
        if (ci == 0) {
          auto u = service.Act(*id, FindingAction::kUphold, "现场照片显示旁通管为住户自行加装",
                               regulator);
          if (!u.ok()) return u.error();
          ++summary.upheld;
        }
      }
    }
    if (!options.login_household.empty()) {
      auto mine = Households(records, company, options.login_household, 1);
      if (!mine.ok()) return mine.error();
      if (!mine->empty()) {
        auto id = record(company, mine->front(), FindingKind::kOwnInstallation, 3,
                         "户内自购温控阀故障，阀芯卡死");
        if (!id.ok()) return id.error();
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
