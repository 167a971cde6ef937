#include "app/http/meter_disputes.hpp"

#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "app/http/record_list.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json DisputeJson(const services::MeterDisputeRead& read) {
  const ports::MeterDispute& d = read.dispute;
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(rules::DisputeActionName(a));
  return {{"id", d.id},
          {"company_id", d.company_id},
          {"household_id", d.household_id},
          {"raised_by", rules::PartyName(d.raised_by)},
          {"reason", d.reason},
          {"state", rules::DisputeStateName(d.state)},
          {"result", d.result ? ordered_json(rules::CalibrationResultName(*d.result))
                              : ordered_json(nullptr)},
          {"reference", OrNull(d.reference)},
          {"cost", YuanOrNull(d.cost_fen)},
          {"cost_fen", OrNull(d.cost_fen)},
          {"payer",
           read.payer ? ordered_json(rules::PartyName(read.payer->payer)) : ordered_json(nullptr)},
          {"payer_clause", read.payer ? ordered_json(read.payer->clause) : ordered_json(nullptr)},
          {"billing",
           {{"by_area", read.billing.by_area},
            {"reason",
             read.billing.by_area ? ordered_json(read.billing.reason) : ordered_json(nullptr)}}},
          {"calibrated_at", OrNull(d.calibrated_at)},
          {"calibrated_by", OrNull(d.calibrated_by)},
          {"withdrawn_at", OrNull(d.withdrawn_at)},
          {"note", OrNull(d.note)},
          {"actions", std::move(actions)},
          {"created_by", d.created_by},
          {"created_at", FormatLocal(d.created_at)}};
}

Result<services::NewMeterDispute> NewDisputeFromJson(const nlohmann::json& body, rules::Role role) {
  services::NewMeterDispute in;
  auto household = IdMember(body, "household", "a household's");
  if (!household.ok()) return household.error();
  if (!*household) {
    return Error::InvalidArgument("household is required: the household's id", "household");
  }
  in.household_id = **household;
  auto raised_by = TextField(body, "raised_by", role != rules::Role::kHousehold);
  if (!raised_by.ok()) return raised_by.error();
  if (!raised_by->empty()) {
    auto party = rules::ParseParty(*raised_by);
    if (!party) {
      return Error::InvalidArgument(
          "raised_by must be household or company: who raised the dispute decides who pays the "
          "calibration (W 10.3)",
          "raised_by");
    }
    in.raised_by = *party;
  }
  auto reason = TextField(body, "reason", true);
  if (!reason.ok()) return reason.error();
  in.reason = *reason;
  return in;
}

Result<services::DisputeStep> StepFromJson(const nlohmann::json& body) {
  services::DisputeStep step;
  auto result = TextField(body, "result", false);
  if (!result.ok()) return result.error();
  if (!result->empty()) {
    step.result = rules::ParseCalibrationResult(*result);
    if (!step.result) return Error::InvalidArgument("result must be passed or failed", "result");
  }
  auto cost = YuanMember(body, "cost");
  if (!cost.ok()) return cost.error();
  step.cost_fen = *cost;
  for (auto [key, out] : {std::pair{"reference", &step.reference}, std::pair{"note", &step.note}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  return step;
}

}  // namespace

void AddMeterDisputeRoutes(adapters::http::Router& router,
                           const services::MeterDisputeService& service,
                           ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/meter-disputes",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"household", "raised_by", "reason"});
        if (!body.ok()) return ErrorResponse(body.error());
        const services::OrderActor actor = ActorOf(*p);
        auto in = NewDisputeFromJson(*body, actor.role);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Raise(*in, actor);
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, DisputeJson(*read));
      },
      {.summary = "Dispute a heat meter (R-METER-1, W 10.3): the household over its own, or the "
                  "company's staff for either side; who raised it decides who pays the "
                  "calibration",
       .query = {},
       .request_schema = "MeterDisputeNew",
       .response_schema = "MeterDispute"});

  router.Add("GET", "/api/v1/meter-disputes",
             [&service, &records, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               const services::OrderActor actor = ActorOf(*p);
               ports::MeterDisputeQuery q;
               auto limit = ReadRecordList(req, records, actor.scope, rules::ParseDisputeState,
                                           "open, calibrated or withdrawn", q);
               if (!limit.ok()) return ErrorResponse(limit.error());
               auto list = service.List(q, actor);
               if (!list.ok()) return ErrorResponse(list.error());
               return Json(200,
                           KeyedPage(
                               *list, *limit,
                               [](const services::MeterDisputeRead& d) { return DisputeJson(d); },
                               [](const services::MeterDisputeRead& d) { return d.dispute.id; }));
             },
             {.summary = "Heat-meter disputes, newest first, with who pays each calibration; a "
                         "household sees its own",
              .query = {"household", "company", "state", "cursor", "limit"},
              .request_schema = "",
              .response_schema = "MeterDispute",
              .list = true});

  router.Add("GET", "/api/v1/meter-disputes/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, DisputeJson(*read));
                  }),
             {.summary = "One heat-meter dispute: its calibration, who pays, how the household is "
                         "billed, and what the caller may do next",
              .query = {},
              .request_schema = "",
              .response_schema = "MeterDispute"});

  router.Add(
      "POST", "/api/v1/meter-disputes/{id}/events",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(req.body, {"type", "result", "reference", "cost", "note"});
             if (!body.ok()) return ErrorResponse(body.error());
             auto type = TextField(*body, "type", true);
             if (!type.ok()) return ErrorResponse(type.error());
             auto action = rules::ParseDisputeAction(*type);
             if (!action || *action == rules::DisputeAction::kRaise) {
               return ErrorResponse(
                   Error::InvalidArgument("type must be calibrate or withdraw", "type"));
             }
             auto step = StepFromJson(*body);
             if (!step.ok()) return ErrorResponse(step.error());
             auto read = service.Act(id, *action, *step, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(200, DisputeJson(*read));
           }),
      {.summary = "Settle a heat-meter dispute: calibrate (admin, manager, technician; the "
                  "result, the metrology body's report number and the cost in yuan) or "
                  "withdraw (the side that raised it)",
       .query = {},
       .request_schema = "MeterDisputeEvent",
       .response_schema = "MeterDispute",
       .status = 200});
}

}  // namespace hearth::app::http
