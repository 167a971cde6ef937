// Work orders over HTTP (issue 13, R-WO-1..7, R-REPAIR-1):
//   POST /api/v1/work-orders          receive an order: 201, or 200 with the order already
//                                     received for the same (channel, external_id)
//   GET  /api/v1/work-orders?state=&channel=&overdue=true&due_within=2h&household=&company=
//                                     &cursor=&limit=
//   GET  /api/v1/work-orders/{id}     the order, its deadlines and its timeline
//   POST /api/v1/work-orders/{id}/events   {"type":…,"at":…,…} (adapters/json/work_order_json)
//   GET  /api/v1/notifications        the caller's household's messages (household role)
//
// Statuses of an event: 400 when the body is not a well-formed event (JSON, types, unknown or
// misplaced fields); 409 (failed_precondition, field "type") when the order's state does not
// allow it; 422 when the event is well formed but the rules refuse what it records (a return
// without approval, seal or contact record; charged work unsigned; a second complaint's visit
// by phone; …), with the field named. Access is WorkOrderService's: another company's or
// household's order is 404. The caller's phone is masked for the regulator (W 12.1).
#pragma once

#include <nlohmann/json.hpp>

#include "adapters/http/router.hpp"
#include "ports/record_store.hpp"
#include "ports/work_order_store.hpp"
#include "services/auth_service.hpp"
#include "services/work_order_service.hpp"

namespace hearth::app::http {

void AddWorkOrderRoutes(adapters::http::Router& router, const services::WorkOrderService& service,
                        ports::WorkOrderStore& store, ports::RecordStore& records,
                        services::AuthService& auth);

/// The order as JSON for a reader of `role` (the timeline when the read has it).
nlohmann::ordered_json WorkOrderToJson(const services::WorkOrderRead& read, rules::Role role,
                                       Instant now);
/// An order of a list (its stored projection, without timeline).
nlohmann::ordered_json WorkOrderSummaryJson(const ports::WorkOrder& order, rules::Role role,
                                            Instant now);

/// The fields of a new order from a POST body (its JSON object); invalid_argument naming the
/// field.
Result<services::NewWorkOrder> NewWorkOrderFromJson(const nlohmann::json& body);

}  // namespace hearth::app::http
