// A complaint's full life after its receipt, as the benchmarks record it through
// services::WorkOrderService::Record: accept, respond, dispatch, arrive, repair (staff, started_at,
// result, the household's confirmation), reply, a satisfied face-to-face return visit that finds
// the complaint reasonable, close.
#pragma once

#include <chrono>
#include <vector>

#include "rules/work_order.hpp"

namespace hearth::bench {

inline rules::OrderEvent OrderEventAt(rules::OrderEventType type, Instant at) {
  rules::OrderEvent e;
  e.type = type;
  e.at = at;
  return e;
}

/// The eight events after an order received at `received`, in order.
inline std::vector<rules::OrderEvent> OrderLife(Instant received) {
  using rules::OrderEventType;
  using std::chrono::minutes;
  std::vector<rules::OrderEvent> out;
  out.push_back(OrderEventAt(OrderEventType::kAccept, received + minutes{2}));
  out.push_back(OrderEventAt(OrderEventType::kRespond, received + minutes{10}));
  auto dispatch = OrderEventAt(OrderEventType::kDispatch, received + minutes{20});
  dispatch.technician = "张师傅";
  out.push_back(dispatch);
  out.push_back(OrderEventAt(OrderEventType::kArrive, received + minutes{45}));
  auto repair = OrderEventAt(OrderEventType::kRepair, received + minutes{120});
  repair.staff = {"张师傅", "李师傅"};
  repair.started_at = received + minutes{50};
  repair.result = "更换卧室暖气片阀门，复测室温 19.5 度";
  repair.confirmation = rules::Contact{"户主王女士", received + minutes{120}, "in person"};
  out.push_back(repair);
  auto reply = OrderEventAt(OrderEventType::kReply, received + minutes{180});
  reply.result = "已维修，室温达标";
  out.push_back(reply);
  auto visit = OrderEventAt(OrderEventType::kVisit, received + minutes{24 * 60});
  visit.process_satisfaction = visit.result_satisfaction = rules::Satisfaction::kSatisfied;
  visit.reasonable = true;
  visit.mode = rules::VisitMode::kFaceToFace;  // a second complaint's visit may not be by phone
  out.push_back(visit);
  out.push_back(OrderEventAt(OrderEventType::kClose, received + minutes{25 * 60}));
  return out;
}

}  // namespace hearth::bench
