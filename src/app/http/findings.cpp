#include "app/http/findings.hpp"

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "app/http/record_list.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json FindingJson(const services::FindingRead& read, bool with_history) {
  const ports::Finding& f = read.finding;
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(rules::FindingActionName(a));
  ordered_json j = {{"id", f.id},
                    {"company_id", f.company_id},
                    {"household_id", f.household_id},
                    {"kind", rules::FindingKindName(f.kind)},
                    {"description", f.description},
                    {"photos", f.photos},
                    {"found_by", f.found_by},
                    {"found_at", FormatLocal(f.found_at)},
                    {"valid_from", FormatDate(f.valid_from)},
                    {"valid_to", FormatDate(f.valid_to)},
                    {"state", rules::FindingStateName(f.state)},
                    {"effective", read.effective},
                    {"actions", std::move(actions)},
                    {"created_by", f.created_by},
                    {"created_at", FormatLocal(f.created_at)}};
  if (with_history) {
    ordered_json history = ordered_json::array();
    for (const auto& e : f.history) {
      history.push_back({{"action", rules::FindingActionName(e.action)},
                         {"state", rules::FindingStateName(e.state)},
                         {"actor", e.actor},
                         {"role", e.role},
                         {"note", e.note},
                         {"at", FormatLocal(e.at)}});
    }
    j["history"] = std::move(history);
  }
  return j;
}

Result<services::NewFinding> NewFindingFromJson(const nlohmann::json& body) {
  services::NewFinding in;
  auto household = body.find("household");
  if (household == body.end() || !household->is_number_integer() ||
      household->get<int64_t>() <= 0) {
    return Error::InvalidArgument("household is required: the household's id", "household");
  }
  in.household_id = household->get<int64_t>();
  auto kind = TextField(body, "kind", true);
  if (!kind.ok()) return kind.error();
  auto k = rules::ParseFindingKind(*kind);
  if (!k) {
    return Error::InvalidArgument("kind must be one of " + std::string(rules::FindingKindNames()),
                                  "kind");
  }
  in.kind = *k;
  auto description = TextField(body, "description", true);
  if (!description.ok()) return description.error();
  in.description = *description;
  auto photos = PhotoRefs(body);
  if (!photos.ok()) return photos.error();
  in.photos = std::move(*photos);
  auto found_by = TextField(body, "found_by", true);
  if (!found_by.ok()) return found_by.error();
  in.found_by = *found_by;
  auto found_at = TimeField(body, "found_at", true);
  if (!found_at.ok()) return found_at.error();
  in.found_at = *found_at;
  auto from = DateField(body, "valid_from");
  if (!from.ok()) return from.error();
  in.valid_from = *from;
  auto to = DateField(body, "valid_to");
  if (!to.ok()) return to.error();
  in.valid_to = *to;
  return in;
}

}  // namespace

void AddFindingRoutes(adapters::http::Router& router, const services::FindingService& service,
                      ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/findings",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"household", "kind", "description", "photos", "found_by",
                                          "found_at", "valid_from", "valid_to"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewFindingFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Record(*in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, FindingJson(*read, true));
      },
      {.summary = "Record a household-caused finding (R-REFUND-4) with its evidence and "
                  "validity period: on the days it covers the household gets no temperature "
                  "share, never losing the 100 % of a day not heated for the company's reasons; "
                  "the household is told and may dispute it",
       .query = {},
       .request_schema = "FindingNew",
       .response_schema = "Finding"});

  router.Add("GET", "/api/v1/findings",
             [&service, &records, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               const services::OrderActor actor = ActorOf(*p);
               ports::FindingQuery q;
               auto limit =
                   ReadRecordList(req, records, actor.scope, rules::ParseFindingState,
                                  "open, acknowledged, disputed, upheld, rejected or withdrawn", q);
               if (!limit.ok()) return ErrorResponse(limit.error());
               auto list = service.List(q, actor);
               if (!list.ok()) return ErrorResponse(list.error());
               return Json(200,
                           KeyedPage(
                               *list, *limit,
                               [](const services::FindingRead& f) { return FindingJson(f, false); },
                               [](const services::FindingRead& f) { return f.finding.id; }));
             },
             {.summary = "Household-caused findings, newest first; a household sees its own",
              .query = {"household", "company", "state", "cursor", "limit"},
              .request_schema = "",
              .response_schema = "Finding",
              .list = true});

  router.Add("GET", "/api/v1/findings/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, FindingJson(*read, true));
                  }),
             {.summary = "One finding: its evidence, validity period, state and history, and "
                         "what the caller may do next",
              .query = {},
              .request_schema = "",
              .response_schema = "Finding"});

  router.Add(
      "POST", "/api/v1/findings/{id}/actions",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(req.body, {"action", "note"});
             if (!body.ok()) return ErrorResponse(body.error());
             auto action_text = TextField(*body, "action", true);
             if (!action_text.ok()) return ErrorResponse(action_text.error());
             auto action = rules::ParseFindingAction(*action_text);
             if (!action || *action == rules::FindingAction::kRecord) {
               return ErrorResponse(Error::InvalidArgument(
                   "action must be acknowledge, dispute, uphold, reject or withdraw", "action"));
             }
             auto note = TextField(*body, "note", false);
             if (!note.ok()) return ErrorResponse(note.error());
             auto read = service.Act(id, *action, *note, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(200, FindingJson(*read, true));
           }),
      {.summary = "Act on a finding: the household acknowledges or disputes it, the regulator "
                  "upholds or rejects a dispute, the company's admin or manager withdraws it",
       .query = {},
       .request_schema = "FindingAction",
       .response_schema = "Finding",
       .status = 200});
}

}  // namespace hearth::app::http
