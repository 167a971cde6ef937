#include "sim/demo_meter_disputes.hpp"

#include "model/resources.hpp"

namespace hearth::sim {

using rules::CalibrationResult;
using rules::DisputeAction;
using rules::Party;
using services::OrderActor;

Result<DemoMeterDisputeSummary> GenerateDemoMeterDisputes(
    ports::RecordStore& records, const services::MeterDisputeService& service) {
  DemoMeterDisputeSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  for (const auto& company : companies->items) {
    const OrderActor agent{"demo-agent", rules::Role::kAgent, {company.id, {}}};
    const OrderActor technician{"demo-technician", rules::Role::kTechnician, {company.id, {}}};
    ports::ListQuery q;
    q.equals = {{"billing", std::string("meter")}};
    q.scope.company_id = company.id;
    q.limit = 3;
    auto households = records.List(*model::FindResource("households"), q);
    if (!households.ok()) return households.error();
    if (households->items.size() < 3) continue;
    struct Plan {
      Party raised_by;
      const char* reason;
      std::optional<CalibrationResult> result;
      int64_t cost_fen;
    };
    const Plan plans[] = {
        {Party::kHousehold, "本月热量表读数比上月同期高出近一倍，室温并未提高",
         CalibrationResult::kFailed, 30000},
        {Party::kHousehold, "怀疑热量表计量偏快", CalibrationResult::kPassed, 20000},
        {Party::kCompany, "远传读数连续三日不变，疑似流量传感器故障", std::nullopt, 0},
    };
    for (size_t i = 0; i < 3; ++i) {
      const Plan& p = plans[i];
      auto raised = service.Raise({households->items[i].id, p.raised_by, p.reason}, agent);
      if (!raised.ok()) return raised.error();
      ++summary.disputes;
      if (!p.result) {
        ++summary.open;
        continue;
      }
      services::DisputeStep step;
      step.result = p.result;
      step.reference = "威海市计量检定测试所 JL-" + std::to_string(raised->dispute.id);
      step.cost_fen = p.cost_fen;
      step.note = *p.result == CalibrationResult::kFailed ? "流量传感器示值误差 +8%，超出允许误差"
                                                          : "示值误差在允许范围内";
      auto done = service.Act(raised->dispute.id, DisputeAction::kCalibrate, step, technician);
      if (!done.ok()) return done.error();
      ++(*p.result == CalibrationResult::kFailed ? summary.failed : summary.passed);
    }
  }
  return summary;
}

}  // namespace hearth::sim
