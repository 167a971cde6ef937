#include "app/http/insurance_claims.hpp"

#include "adapters/json/work_order_json.hpp"
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

ordered_json ClaimJson(const services::ClaimRead& read, bool with_history, Instant now) {
  const ports::InsuranceClaim& c = read.claim;
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(rules::ClaimActionName(a));
  ordered_json losses = ordered_json::array();
  for (const auto& l : c.losses) {
    losses.push_back({{"item", l.item},
                      {"estimate", YuanOrNull(l.estimate_fen)},
                      {"estimate_fen", OrNull(l.estimate_fen)}});
  }
  ordered_json deadlines = ordered_json::object();
  if (!read.deadlines.notify.lapsed) {
    deadlines["notify"] = adapters::json::DeadlineToJson(read.deadlines.notify, now);
  }
  if (read.deadlines.payout) {
    deadlines["payout"] = adapters::json::DeadlineToJson(*read.deadlines.payout, now);
  }
  ordered_json j = {
      {"id", c.id},
      {"company_id", c.company_id},
      {"household_id", c.household_id},
      {"incident_at", FormatLocal(c.incident_at)},
      {"incident", c.incident},
      {"injuries", c.injuries},
      {"photos", c.photos},
      {"losses", std::move(losses)},
      {"state", rules::ClaimStateName(c.state)},
      {"insurer", OrNull(c.insurer)},
      {"insurer_reference", OrNull(c.insurer_reference)},
      {"notified_at", OrNull(c.notified_at)},
      {"amount", YuanOrNull(c.amount_fen)},
      {"amount_fen", OrNull(c.amount_fen)},
      {"agreed_at", OrNull(c.agreed_at)},
      {"paid_at", OrNull(c.paid_at)},
      {"payment_reference", OrNull(c.payment_reference)},
      {"exclusion",
       c.exclusion ? ordered_json(rules::ClaimExclusionName(*c.exclusion)) : ordered_json(nullptr)},
      {"exclusion_clause",
       c.exclusion ? ordered_json(rules::ExclusionClause(*c.exclusion)) : ordered_json(nullptr)},
      {"deadlines", std::move(deadlines)},
      {"actions", std::move(actions)},
      {"created_by", c.created_by},
      {"created_at", FormatLocal(c.created_at)}};
  if (with_history) {
    ordered_json history = ordered_json::array();
    for (const auto& e : c.history) {
      ordered_json h = {{"action", rules::ClaimActionName(e.action)},
                        {"state", rules::ClaimStateName(e.state)},
                        {"actor", e.actor},
                        {"role", e.role},
                        {"note", e.note},
                        {"at", FormatLocal(e.at)}};
      if (e.amount_fen) h["amount"] = FormatFen(*e.amount_fen);
      if (e.exclusion) h["exclusion"] = rules::ClaimExclusionName(*e.exclusion);
      if (!e.insurer.empty()) h["insurer"] = e.insurer;
      if (!e.reference.empty()) h["reference"] = e.reference;
      history.push_back(std::move(h));
    }
    j["history"] = std::move(history);
  }
  return j;
}

Result<std::vector<ports::ClaimLoss>> Losses(const nlohmann::json& body) {
  std::vector<ports::ClaimLoss> out;
  auto losses = body.find("losses");
  if (losses == body.end() || losses->is_null()) return out;
  if (!losses->is_array()) {
    return Error::InvalidArgument("losses must be a list of {\"item\", \"estimate\"}", "losses");
  }
  for (size_t i = 0; i < losses->size(); ++i) {
    const auto& l = (*losses)[i];
    const std::string at = "losses[" + std::to_string(i) + "]";
    if (!l.is_object()) return Error::InvalidArgument(at + " must be an object", at);
    for (const auto& [key, value] : l.items()) {
      if (key != "item" && key != "estimate") {
        return Error::InvalidArgument(at + " has an unknown key " + key +
                                          ": item and estimate "
                                          "are allowed",
                                      at + "." + key);
      }
    }
    auto item = l.find("item");
    if (item == l.end() || !item->is_string()) {
      return Error::InvalidArgument(at + ".item must be the lost or damaged thing, as text",
                                    at + ".item");
    }
    auto estimate = YuanMember(l, "estimate", at + ".estimate");
    if (!estimate.ok()) return estimate.error();
    out.push_back({item->get<std::string>(), *estimate});
  }
  return out;
}

Result<services::NewClaim> NewClaimFromJson(const nlohmann::json& body) {
  services::NewClaim in;
  auto household = body.find("household");
  if (household == body.end() || !household->is_number_integer() ||
      household->get<int64_t>() <= 0) {
    return Error::InvalidArgument("household is required: the household's id", "household");
  }
  in.household_id = household->get<int64_t>();
  auto at = TimeField(body, "incident_at", true);
  if (!at.ok()) return at.error();
  in.incident_at = *at;
  auto incident = TextField(body, "incident", true);
  if (!incident.ok()) return incident.error();
  in.incident = *incident;
  auto injuries = BoolMember(body, "injuries", false);
  if (!injuries.ok()) return injuries.error();
  in.injuries = injuries->value_or(false);
  auto photos = PhotoRefs(body);
  if (!photos.ok()) return photos.error();
  in.photos = std::move(*photos);
  auto losses = Losses(body);
  if (!losses.ok()) return losses.error();
  in.losses = std::move(*losses);
  return in;
}

Result<rules::ClaimMoveInput> MoveFromJson(const nlohmann::json& body) {
  rules::ClaimMoveInput in;
  auto amount = YuanMember(body, "amount");
  if (!amount.ok()) return amount.error();
  in.amount_fen = *amount;
  auto exclusion = TextField(body, "exclusion", false);
  if (!exclusion.ok()) return exclusion.error();
  if (!exclusion->empty()) {
    in.exclusion = rules::ParseClaimExclusion(*exclusion);
    if (!in.exclusion) {
      return Error::InvalidArgument(
          "exclusion must be one of " + std::string(rules::ClaimExclusionNames()), "exclusion");
    }
  }
  for (auto [key, out] : {std::pair{"insurer", &in.insurer}, std::pair{"reference", &in.reference},
                          std::pair{"note", &in.note}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  return in;
}

}  // namespace

void AddInsuranceRoutes(adapters::http::Router& router, const services::InsuranceService& service,
                        ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/insurance-claims",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(
            req.body, {"household", "incident_at", "incident", "injuries", "photos", "losses"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewClaimFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Record(*in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, ClaimJson(*read, true, service.Now()));
      },
      {.summary = "Record an insurance claim (R-INS-1, W 13.3): the household's loss with its "
                  "photos and loss list; the insurer is to be told within 24 hours (platform "
                  "default for 第一时间) and the household is told of every step",
       .query = {},
       .request_schema = "InsuranceClaimNew",
       .response_schema = "Claim"});

  router.Add(
      "GET", "/api/v1/insurance-claims",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        ports::ClaimQuery q;
        auto limit = ReadRecordList(req, records, actor.scope, rules::ParseClaimState,
                                    "recorded, insurer-notified, agreed, paid or rejected", q);
        if (!limit.ok()) return ErrorResponse(limit.error());
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        const Instant now = service.Now();
        return Json(200,
                    KeyedPage(
                        *list, *limit,
                        [now](const services::ClaimRead& c) { return ClaimJson(c, false, now); },
                        [](const services::ClaimRead& c) { return c.claim.id; }));
      },
      {.summary = "Insurance claims, newest first, with their deadlines; a household sees its own",
       .query = {"household", "company", "state", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Claim",
       .list = true});

  router.Add("GET", "/api/v1/insurance-claims/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, ClaimJson(*read, true, service.Now()));
                  }),
             {.summary = "One insurance claim: the incident, losses, state, deadlines and "
                         "history, and what the caller may do next",
              .query = {},
              .request_schema = "",
              .response_schema = "Claim"});

  router.Add(
      "POST", "/api/v1/insurance-claims/{id}/events",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(
                 req.body, {"type", "amount", "exclusion", "insurer", "reference", "note"});
             if (!body.ok()) return ErrorResponse(body.error());
             auto type = TextField(*body, "type", true);
             if (!type.ok()) return ErrorResponse(type.error());
             auto action = rules::ParseClaimAction(*type);
             if (!action || *action == rules::ClaimAction::kRecord) {
               return ErrorResponse(Error::InvalidArgument(
                   "type must be notify-insurer, agree, pay or reject", "type"));
             }
             auto in = MoveFromJson(*body);
             if (!in.ok()) return ErrorResponse(in.error());
             auto read = service.Act(id, *action, *in, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(200, ClaimJson(*read, true, service.Now()));
           }),
      {.summary = "Move an insurance claim on: notify-insurer (staff; the insurer and its report "
                  "number), agree (admin or manager; the amount, which starts the 30 working "
                  "days of W 13.5), pay (the payment's reference), reject (the exclusion of "
                  "W 13.6 a–d and a note)",
       .query = {},
       .request_schema = "InsuranceClaimEvent",
       .response_schema = "Claim",
       .status = 200});
}

}  // namespace hearth::app::http
