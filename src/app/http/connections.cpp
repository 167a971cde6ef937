#include "app/http/connections.hpp"

#include "adapters/json/work_order_json.hpp"
#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/name_list.hpp"
#include "app/http/paging.hpp"
#include "app/http/record_list.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;
using rules::ConnectionDocument;

template <typename Documents>
ordered_json Names(const Documents& documents) {
  return NamesJson(documents, [](auto d) { return rules::ConnectionDocumentName(d); });
}

/// What the applicant is told when a new building comes after the date (Z 2.3 (三)).
ordered_json Notice(const ports::ConnectionRecord& c) {
  if (!c.next_season) return nullptr;
  return "新建建筑报装申请已过当年截止日期，纳入" + std::to_string(c.season) + "—" +
         std::to_string(c.season + 1) + "年采暖季供热（Z 2.3（三））";
}

ordered_json ConnectionJson(const services::ConnectionRead& read, bool with_history, Instant now) {
  const ports::ConnectionRecord& c = read.record;
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(rules::ConnectionActionName(a));
  ordered_json j = {
      {"id", c.id},
      {"company_id", c.company_id},
      {"building_id", c.building_id},
      {"household_id", OrNull(c.household_id)},
      {"applicant", c.applicant},
      {"phone", OrNull(c.phone)},
      {"new_building", c.application.new_building},
      {"outside_works", c.application.outside_works},
      {"received_at", FormatLocal(c.application.received_at)},
      {"season", c.season},
      {"next_season", c.next_season},
      {"notice", Notice(c)},
      {"documents", Names(c.application.documents)},
      {"missing", Names(read.missing)},
      {"state", rules::ConnectionStateName(c.state)},
      {"decided_at", OrNull(c.decided_at)},
      {"reason", OrNull(c.reason)},
      {"suggestion", OrNull(c.suggestion)},
      {"visited_at", OrNull(c.visited_at)},
      {"satisfied", OrNull(c.satisfied)},
      {"visit_note", OrNull(c.visit_note)},
      {"deadlines", {{"decision", adapters::json::DeadlineToJson(read.decision, now)}}},
      {"actions", std::move(actions)},
      {"created_by", c.created_by},
      {"created_at", FormatLocal(c.created_at)}};
  if (with_history) {
    ordered_json history = ordered_json::array();
    for (const auto& e : c.history) {
      ordered_json h = {{"action", rules::ConnectionActionName(e.action)},
                        {"state", rules::ConnectionStateName(e.state)},
                        {"actor", e.actor},
                        {"role", e.role},
                        {"note", e.note},
                        {"at", FormatLocal(e.at)}};
      if (!e.documents.empty()) h["documents"] = Names(e.documents);
      if (!e.reason.empty()) h["reason"] = e.reason;
      if (!e.suggestion.empty()) h["suggestion"] = e.suggestion;
      if (e.satisfied) h["satisfied"] = *e.satisfied;
      history.push_back(std::move(h));
    }
    j["history"] = std::move(history);
  }
  return j;
}

Result<std::set<ConnectionDocument>> DocumentsOf(const nlohmann::json& body, bool required) {
  return NameListMember(
      body, "documents", [](const std::string& n) { return rules::ParseConnectionDocument(n); },
      rules::ConnectionDocumentNames(), required);
}

Result<services::NewConnection> NewConnectionFromJson(const nlohmann::json& body) {
  services::NewConnection in;
  auto building = IdMember(body, "building", "a building's");
  if (!building.ok()) return building.error();
  if (!*building) {
    return Error::InvalidArgument("building is required: the building's id", "building");
  }
  in.building_id = **building;
  auto household = IdMember(body, "household", "a household's");
  if (!household.ok()) return household.error();
  in.household_id = *household;
  auto applicant = TextField(body, "applicant", true);
  if (!applicant.ok()) return applicant.error();
  in.applicant = *applicant;
  auto phone = TextField(body, "phone", false);
  if (!phone.ok()) return phone.error();
  in.phone = *phone;
  auto new_building =
      BoolMember(body, "new_building", true, "a new building applies by the profile's date");
  if (!new_building.ok()) return new_building.error();
  in.application.new_building = **new_building;
  auto outside = BoolMember(body, "outside_works", true,
                            "the decision is due in 3 working days with them, 1 without");
  if (!outside.ok()) return outside.error();
  in.application.outside_works = **outside;
  auto at = TimeField(body, "received_at", true);
  if (!at.ok()) return at.error();
  in.application.received_at = *at;
  auto documents = DocumentsOf(body, true);
  if (!documents.ok()) return documents.error();
  in.application.documents = std::move(*documents);
  return in;
}

Result<rules::ConnectionMoveInput> MoveFromJson(const nlohmann::json& body) {
  rules::ConnectionMoveInput in;
  auto documents = DocumentsOf(body, false);
  if (!documents.ok()) return documents.error();
  in.documents = std::move(*documents);
  for (auto [key, out] : {std::pair{"reason", &in.reason}, std::pair{"suggestion", &in.suggestion},
                          std::pair{"note", &in.note}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  auto satisfied = BoolMember(body, "satisfied", false);
  if (!satisfied.ok()) return satisfied.error();
  in.satisfied = *satisfied;
  return in;
}

/// The filters of the list, and the page's limit (record_list.hpp), in `q`.
Result<int> QueryOf(const Request& req, ports::RecordStore& records,
                    const services::OrderActor& actor, ports::ConnectionQuery& q) {
  auto limit =
      ReadRecordList(req, records, actor.scope, rules::ParseConnectionState,
                     "received, approved or refused", q, {"building", "season", "visited"});
  if (!limit.ok()) return limit.error();
  auto building = OptionalIdParam(req, "building");
  if (!building.ok()) return building.error();
  q.building_id = *building;
  auto season = SeasonParam(req);
  if (!season.ok()) return season.error();
  q.season = *season;
  if (auto it = req.query.find("visited"); it != req.query.end() && !it->second.empty()) {
    if (it->second != "true" && it->second != "false") {
      return Error::InvalidArgument("visited must be true or false", "visited");
    }
    q.visited = it->second == "true";
  }
  return limit;
}

}  // namespace

void AddConnectionRoutes(adapters::http::Router& router, const services::ConnectionService& service,
                         ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/connections",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body =
            ObjectBody(req.body, {"building", "household", "applicant", "phone", "new_building",
                                  "outside_works", "received_at", "documents"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewConnectionFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Apply(*in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, ConnectionJson(*read, true, service.Now()));
      },
      {.summary = "Take in a connection application (R-CONN-1, W 9.1.4): one form is enough, the "
                  "rest is listed as missing (容缺); a new building after the profile's date "
                  "(31 July) catches the next season and is told so; the decision is due in 3 "
                  "working days with outside works, 1 without",
       .query = {},
       .request_schema = "ConnectionNew",
       .response_schema = "Connection"});

  router.Add("GET", "/api/v1/connections",
             [&service, &records, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               const services::OrderActor actor = ActorOf(*p);
               ports::ConnectionQuery q;
               auto limit = QueryOf(req, records, actor, q);
               if (!limit.ok()) return ErrorResponse(limit.error());
               auto list = service.List(q, actor);
               if (!list.ok()) return ErrorResponse(list.error());
               const Instant now = service.Now();
               return Json(200, KeyedPage(
                                    *list, *limit,
                                    [now](const services::ConnectionRead& c) {
                                      return ConnectionJson(c, false, now);
                                    },
                                    [](const services::ConnectionRead& c) { return c.record.id; }));
             },
             {.summary = "Connection applications, newest first, with their decision deadlines; "
                         "visited=false lists the decided ones whose return visit is owed (R-WO-6)",
              .query = {"company", "building", "household", "state", "season", "visited", "cursor",
                        "limit"},
              .request_schema = "",
              .response_schema = "Connection",
              .list = true});

  router.Add("GET", "/api/v1/connections/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, ConnectionJson(*read, true, service.Now()));
                  }),
             {.summary = "One connection application: the season it catches, its documents, "
                         "state, decision deadline and history, and what the caller may do next",
              .query = {},
              .request_schema = "",
              .response_schema = "Connection"});

  router.Add(
      "POST", "/api/v1/connections/{id}/events",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(
                 req.body, {"type", "documents", "reason", "suggestion", "note", "satisfied"});
             if (!body.ok()) return ErrorResponse(body.error());
             auto type = TextField(*body, "type", true);
             if (!type.ok()) return ErrorResponse(type.error());
             auto action = rules::ParseConnectionAction(*type);
             if (!action || *action == rules::ConnectionAction::kApply) {
               return ErrorResponse(Error::InvalidArgument(
                   "type must be supply-documents, approve, refuse or visit", "type"));
             }
             auto in = MoveFromJson(*body);
             if (!in.ok()) return ErrorResponse(in.error());
             auto read = service.Act(id, *action, *in, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(200, ConnectionJson(*read, true, service.Now()));
           }),
      {.summary = "Move a connection application on: supply-documents (the hall; those supplied "
                  "later), approve (admin or manager; an existing building needs its retrofit "
                  "and owners' decision; connects the named household), refuse (admin or "
                  "manager; a reason and a suggestion), visit (the hall, after the decision: "
                  "what the applicant said and whether satisfied, W 10.1.7)",
       .query = {},
       .request_schema = "ConnectionEvent",
       .response_schema = "Connection",
       .status = 200});
}

}  // namespace hearth::app::http
