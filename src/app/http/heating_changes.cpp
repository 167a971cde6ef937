#include "app/http/heating_changes.hpp"

#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/bills.hpp"
#include "app/http/filters.hpp"
#include "app/http/name_list.hpp"
#include "app/http/paging.hpp"
#include "app/http/record_list.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;
using rules::HeatingChangeDocument;

template <typename Documents>
ordered_json Names(const Documents& documents) {
  return NamesJson(documents, [](auto d) { return rules::HeatingChangeDocumentName(d); });
}

ordered_json SettlementJson(const ports::HeatingChangeRecord& c) {
  if (!c.settlement) return nullptr;
  const rules::HeatingChangeSettlement& s = *c.settlement;
  return {{"amount", FormatFen(s.amount_fen)},
          {"area", FormatFen(s.area)},
          {"days", s.days},
          {"season_days", s.season_days},
          {"season", s.season},
          {"price", FormatFen(s.price_fen)}};
}

Result<std::set<HeatingChangeDocument>> DocumentsOf(const nlohmann::json& body, bool required) {
  return NameListMember(
      body, "documents", [](const std::string& n) { return rules::ParseHeatingChangeDocument(n); },
      rules::HeatingChangeDocumentNames(), required);
}

Result<services::NewHeatingChange> NewFromJson(const nlohmann::json& body) {
  services::NewHeatingChange in;
  auto household = IdMember(body, "household", "a household's");
  if (!household.ok()) return household.error();
  if (!*household) {
    return Error::InvalidArgument("household is required: the household's id", "household");
  }
  in.household_id = **household;
  auto kind_text = TextField(body, "kind", true);
  if (!kind_text.ok()) return kind_text.error();
  auto kind = rules::ParseHeatingChangeKind(*kind_text);
  if (!kind) {
    return Error::InvalidArgument("kind must be one of " + rules::HeatingChangeKindNames(), "kind");
  }
  in.kind = *kind;
  auto effective = DateField(body, "effective");
  if (!effective.ok()) return effective.error();
  in.effective = *effective;
  auto area = AreaMember(body, "area");
  if (!area.ok()) return area.error();
  in.area = *area;
  auto at = TimeField(body, "received_at", false, &in.received_at);
  if (!at.ok()) return at.error();
  for (auto [key, out] : {std::pair{"applicant", &in.applicant}, std::pair{"note", &in.note}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  auto documents = DocumentsOf(body, true);
  if (!documents.ok()) return documents.error();
  in.documents = std::move(*documents);
  return in;
}

Result<rules::HeatingChangeMoveInput> MoveFromJson(const nlohmann::json& body) {
  rules::HeatingChangeMoveInput in;
  auto documents = DocumentsOf(body, false);
  if (!documents.ok()) return documents.error();
  in.documents = std::move(*documents);
  for (auto [key, out] : {std::pair{"reason", &in.reason}, std::pair{"note", &in.note}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  return in;
}

}  // namespace

ordered_json HeatingChangeJson(const services::HeatingChangeRead& read) {
  const ports::HeatingChangeRecord& c = read.record;
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(rules::HeatingChangeActionName(a));
  return {{"id", c.id},
          {"company_id", c.company_id},
          {"household_id", c.household_id},
          {"applicant", c.applicant},
          {"kind", rules::HeatingChangeKindName(c.change.kind)},
          {"received_at", FormatLocal(c.received_at)},
          {"effective", FormatDate(c.change.effective)},
          {"heated", c.change.heated},
          {"area_before", FormatFen(c.change.area_before)},
          {"area_after", FormatFen(c.change.area_after)},
          {"billing", c.metered ? "meter" : "area"},
          {"documents", Names(c.change.documents)},
          {"missing", Names(read.missing)},
          {"note", OrNull(c.note)},
          {"state", rules::HeatingChangeStateName(c.state)},
          {"decided_at", OrNull(c.decided_at)},
          {"decided_by", OrNull(c.decided_by)},
          {"reason", OrNull(c.reason)},
          {"decision_note", OrNull(c.decision_note)},
          {"settlement", SettlementJson(c)},
          {"arrears_fee_id", OrNull(c.arrears_fee_id)},
          {"bill", read.bill ? BillJson(*read.bill) : ordered_json(nullptr)},
          {"actions", std::move(actions)},
          {"created_by", c.created_by},
          {"created_at", FormatLocal(c.created_at)}};
}

void AddHeatingChangeRoutes(adapters::http::Router& router,
                            const services::HeatingChangeService& service,
                            ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/heating-changes",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"household", "kind", "effective", "area", "received_at",
                                          "applicant", "documents", "note"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Apply(*in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, HeatingChangeJson(*read));
      },
      {.summary = "Take in an application to increase, decrease, stop or resume heating "
                  "(增减停复, R-ACCT-1, W 9.1.8): the hall for any household of its company, with "
                  "the time on the form; a household for its own stop or resumption. Documents "
                  "not to hand are listed as missing; the effective day is not before receipt",
       .query = {},
       .request_schema = "HeatingChangeNew",
       .response_schema = "HeatingChange"});

  router.Add(
      "GET", "/api/v1/heating-changes",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        ports::HeatingChangeQuery q;
        auto limit = ReadRecordList(req, records, actor.scope, rules::ParseHeatingChangeState,
                                    "received, approved or refused", q, {"kind"});
        if (!limit.ok()) return ErrorResponse(limit.error());
        if (auto it = req.query.find("kind"); it != req.query.end() && !it->second.empty()) {
          q.kind = rules::ParseHeatingChangeKind(it->second);
          if (!q.kind) {
            return ErrorResponse(Error::InvalidArgument(
                "kind must be one of " + rules::HeatingChangeKindNames(), "kind"));
          }
        }
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200,
                    KeyedPage(*list, *limit, HeatingChangeJson,
                              [](const services::HeatingChangeRead& c) { return c.record.id; }));
      },
      {.summary = "Applications to increase, decrease, stop or resume heating, newest first",
       .query = {"company", "household", "state", "kind", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "HeatingChange",
       .list = true});

  router.Add("GET", "/api/v1/heating-changes/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, HeatingChangeJson(*read));
                  }),
             {.summary = "One application to change heating: its documents, state, decision and "
                         "settlement, and what the caller may do next",
              .query = {},
              .request_schema = "",
              .response_schema = "HeatingChange"});

  router.Add(
      "POST", "/api/v1/heating-changes/{id}/events",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(req.body, {"type", "documents", "reason", "note"});
             if (!body.ok()) return ErrorResponse(body.error());
             auto type = TextField(*body, "type", true);
             if (!type.ok()) return ErrorResponse(type.error());
             auto action = rules::ParseHeatingChangeAction(*type);
             if (!action || *action == rules::HeatingChangeAction::kApply) {
               return ErrorResponse(Error::InvalidArgument(
                   "type must be supply-documents, approve or refuse", "type"));
             }
             auto in = MoveFromJson(*body);
             if (!in.ok()) return ErrorResponse(in.error());
             auto read = service.Act(id, *action, *in, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(200, HeatingChangeJson(*read));
           }),
      {.summary = "Move an application to change heating on: supply-documents (the hall), approve "
                  "(admin or manager, every document checked; settles the fee pro rata and "
                  "changes the household), refuse (admin or manager, with a reason)",
       .query = {},
       .request_schema = "HeatingChangeEvent",
       .response_schema = "HeatingChange",
       .status = 200});
}

}  // namespace hearth::app::http
