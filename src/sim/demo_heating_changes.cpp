#include "sim/demo_heating_changes.hpp"

#include <vector>

#include "model/resources.hpp"
#include "services/heating_change_service.hpp"

namespace hearth::sim {
namespace {

using rules::HeatingChangeAction;
using rules::HeatingChangeDocument;
using rules::HeatingChangeKind;
using services::OrderActor;
using std::chrono::days;
using std::chrono::hours;

const std::set<HeatingChangeDocument> kChecked = {HeatingChangeDocument::kApplicationForm,
                                                  HeatingChangeDocument::kIdentity,
                                                  HeatingChangeDocument::kPropertyProof};

/// The company's first households with `status`, by id, but the login's.
Result<std::vector<ports::Record>> Households(ports::RecordStore& records, int64_t company,
                                              const char* status, const std::string& skip,
                                              size_t at_most) {
  ports::ListQuery q;
  q.equals = {{"heating_status", std::string(status)}};
  q.scope.company_id = company;
  q.limit = static_cast<int>(at_most) + 1;
  auto page = records.List(*model::FindResource("households"), q);
  if (!page.ok()) return page.error();
  std::vector<ports::Record> out;
  for (auto& h : page->items) {
    if (h.Text("code") != skip && out.size() < at_most) out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

Result<DemoHeatingChangeSummary> GenerateDemoHeatingChanges(ports::RecordStore& records,
                                                            ports::HeatingChangeStore& store,
                                                            const services::JudgingService& seasons,
                                                            const std::string& login_household,
                                                            Instant now) {
  ports::ManualClock clock(now);
  const services::HeatingChangeService service(store, records, seasons, clock);
  DemoHeatingChangeSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  for (const auto& company : companies->items) {
    const OrderActor agent{"demo-agent", rules::Role::kAgent, {company.id, {}}};
    const OrderActor manager{"demo-manager", rules::Role::kManager, {company.id, {}}};
    auto heated = Households(records, company.id, "heated", login_household, 3);
    if (!heated.ok()) return heated.error();
    auto stopped = Households(records, company.id, "stopped", login_household, 1);
    if (!stopped.ok()) return stopped.error();

    // Takes one in at `at` (entered 10 minutes later), and decides it at `decided` if given.
    auto make = [&](const ports::Record& h, HeatingChangeKind kind, std::optional<int64_t> area,
                    Instant at, std::set<HeatingChangeDocument> documents,
                    std::optional<Instant> decided, const char* reason) -> Status {
      services::NewHeatingChange in;
      in.household_id = h.id;
      in.kind = kind;
      in.received_at = at;
      in.effective = LocalDate(at) + days{kind == HeatingChangeKind::kStop ? 2 : 1};
      in.area = area;
      in.applicant = "住户 " + h.Text("code");
      in.documents = std::move(documents);
      in.note = "营业厅受理（演示）";
      clock.Set(at + std::chrono::minutes{10});
      auto read = service.Apply(in, agent);
      if (!read.ok()) return read.error();
      ++summary.applications;
      if (!decided) {
        ++summary.pending;
        return OkStatus();
      }
      clock.Set(*decided);
      rules::HeatingChangeMoveInput move;
      if (reason) {
        move.reason = reason;
      } else {
        move.note = "资料核实无误（演示）";
      }
      auto moved = service.Act(
          read->record.id, reason ? HeatingChangeAction::kRefuse : HeatingChangeAction::kApprove,
          move, manager);
      if (!moved.ok()) return moved.error();
      ++(reason ? summary.refused : summary.approved);
      return OkStatus();
    };
    const auto& h = *heated;
    if (h.size() >= 1) {
      if (auto s = make(h[0], HeatingChangeKind::kStop, std::nullopt, now - days{3}, kChecked,
                        now - days{2}, nullptr);
          !s.ok()) {
        return s.error();
      }
    }
    if (h.size() >= 2) {
      if (auto s = make(h[1], HeatingChangeKind::kIncrease, h[1].Int("area_m2").value_or(0) + 1200,
                        now - days{1}, kChecked, std::nullopt, nullptr);
          !s.ok()) {
        return s.error();
      }
    }
    if (h.size() >= 3 && h[2].Int("area_m2").value_or(0) > 2000) {
      std::set<HeatingChangeDocument> all = kChecked;
      all.insert(HeatingChangeDocument::kAreaSurvey);
      if (auto s = make(h[2], HeatingChangeKind::kDecrease, h[2].Int("area_m2").value_or(0) - 1000,
                        now - days{5}, all, now - days{4},
                        "面积测绘报告与产权证明所载面积不符，请补正后重新申请");
          !s.ok()) {
        return s.error();
      }
    }
    if (!stopped->empty()) {
      if (auto s = make(stopped->front(), HeatingChangeKind::kResume, std::nullopt, now - hours{4},
                        kChecked, std::nullopt, nullptr);
          !s.ok()) {
        return s.error();
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
