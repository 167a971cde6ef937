#include "sim/demo_insurance.hpp"

#include <vector>

#include "model/resources.hpp"

namespace hearth::sim {
namespace {

using rules::ClaimAction;
using services::OrderActor;

/// Ids of the households of `company` (all of them, or the one coded `code`), by id.
Result<std::vector<int64_t>> Households(ports::RecordStore& records, int64_t company,
                                        const std::string& code, size_t at_most) {
  std::vector<int64_t> out;
  ports::ListQuery q;
  if (!code.empty()) q.equals["code"] = code;
  q.scope.company_id = company;
  q.limit = static_cast<int>(at_most);
  auto page = records.List(*model::FindResource("households"), q);
  if (!page.ok()) return page.error();
  for (const auto& r : page->items) out.push_back(r.id);
  return out;
}

/// How far a planned claim goes.
enum class Until { kRecorded, kNotified, kAgreed, kPaid, kRejected };

struct Plan {
  size_t position;  ///< among the company's households, by id
  Until until;
  const char* incident;
  std::vector<ports::ClaimLoss> losses;
  int64_t amount_fen;
};

}  // namespace

Result<DemoInsuranceSummary> GenerateDemoInsurance(ports::RecordStore& records,
                                                   const services::InsuranceService& service,
                                                   const DemoInsuranceOptions& options) {
  DemoInsuranceSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  const std::vector<Plan> plans = {
      {4,
       Until::kPaid,
       "卧室散热器接口爆裂，木地板和床垫被水浸泡",
       {{"实木地板 15 m²", 450000}, {"床垫", 180000}},
       598000},
      {14, Until::kAgreed, "楼内立管阀门漏水，客厅吊顶受损", {{"石膏板吊顶 8 m²", 96000}}, 88000},
      {24, Until::kNotified, "单元供热管道检修后复水，厨房地柜被淹", {{"橱柜地柜", 320000}}, 0},
      {34, Until::kRecorded, "暖气片跑风阀喷水，卧室墙面受潮", {{"墙面乳胶漆", std::nullopt}}, 0},
      {44, Until::kRejected, "住户自行改装的暖气片脱落漏水", {{"地毯", 60000}}, 0},
  };
  auto run = [&](int64_t company, int64_t household, const Plan& p) -> Status {
    const OrderActor agent{"demo-agent", rules::Role::kAgent, {company, {}}};
    const OrderActor manager{"demo-manager", rules::Role::kManager, {company, {}}};
    services::NewClaim c;
    c.household_id = household;
    c.incident_at = options.now - std::chrono::hours{20};
    c.incident = p.incident;
    c.photos = {"demo/claims/" + std::to_string(household) + "-1.jpg",
                "demo/claims/" + std::to_string(household) + "-2.jpg"};
    c.losses = p.losses;
    auto read = service.Record(c, agent);
    if (!read.ok()) return read.error();
    ++summary.claims;
    const int64_t id = read->claim.id;
    auto step = [&](ClaimAction action, rules::ClaimMoveInput in) -> Status {
      auto moved =
          service.Act(id, action, in, action == ClaimAction::kNotifyInsurer ? agent : manager);
      if (!moved.ok()) return moved.error();
      return OkStatus();
    };
    if (p.until == Until::kRejected) {
      rules::ClaimMoveInput in;
      in.exclusion = rules::ClaimExclusion::kSelfAltered;
      in.note = "现场核查：散热器为住户自行改装，接口非原厂件";
      if (auto s = step(ClaimAction::kReject, in); !s.ok()) return s;
      ++summary.rejected;
      return OkStatus();
    }
    if (p.until == Until::kRecorded) return OkStatus();
    rules::ClaimMoveInput notify;
    notify.insurer = "中国人民财产保险股份有限公司";
    notify.reference = "PICC-" + std::to_string(household);
    if (auto s = step(ClaimAction::kNotifyInsurer, notify); !s.ok()) return s;
    if (p.until == Until::kNotified) return OkStatus();
    rules::ClaimMoveInput agree;
    agree.amount_fen = p.amount_fen;
    agree.note = "依保险公司理算报告，与住户协商一致";
    if (auto s = step(ClaimAction::kAgree, agree); !s.ok()) return s;
    if (p.until == Until::kAgreed) {
      ++summary.agreed;
      return OkStatus();
    }
    rules::ClaimMoveInput pay;
    pay.reference = "BANK-" + std::to_string(id);
    if (auto s = step(ClaimAction::kPay, pay); !s.ok()) return s;
    ++summary.paid;
    return OkStatus();
  };
  for (const auto& company : companies->items) {
    auto households = Households(records, company.id, "", 45);
    if (!households.ok()) return households.error();
    for (const Plan& p : plans) {
      if (p.position >= households->size()) continue;
      if (auto s = run(company.id, (*households)[p.position], p); !s.ok()) return s.error();
    }
    if (!options.login_household.empty()) {
      auto mine = Households(records, company.id, options.login_household, 1);
      if (!mine.ok()) return mine.error();
      if (!mine->empty()) {
        const Plan own{0,
                       Until::kAgreed,
                       "户内暖气片检修后漏水，卧室木地板起拱",
                       {{"实木地板 6 m²", 180000}},
                       150000};
        if (auto s = run(company.id, mine->front(), own); !s.ok()) return s.error();
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
