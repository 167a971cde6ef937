#include "app/http/outages.hpp"

#include "adapters/json/json_input.hpp"
#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/outage_register.hpp"
#include "app/http/paging.hpp"
#include "app/http/reports.hpp"
#include "core/decimal.hpp"
#include "ports/record_views.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json OutageJson(const services::OutageRead& read, bool with_notices) {
  const ports::Outage& o = read.outage;
  ordered_json scope = {{"heat_sources", o.scope.heat_sources},
                        {"network_sections", o.scope.network_sections},
                        {"substations", o.scope.substations},
                        {"buildings", o.scope.buildings}};
  std::optional<Instant> notice_due;
  bool late = false, overrun = false;
  ordered_json obligations = ordered_json::array();
  for (const auto& ob : read.obligations) {
    if (ob.duty != rules::NoticeDuty::kOverrun && !notice_due) notice_due = ob.due;
    if (ob.state == rules::DutyState::kLate || ob.state == rules::DutyState::kOverdue) late = true;
    if (ob.duty == rules::NoticeDuty::kOverrun) overrun = true;
    obligations.push_back({{"duty", rules::NoticeDutyName(ob.duty)},
                           {"due", FormatLocal(ob.due)},
                           {"basis", ob.basis.Display()},
                           {"calendar_incomplete", ob.calendar_incomplete},
                           {"state", rules::DutyStateName(ob.state)},
                           {"met_at", OrNull(ob.met_at)},
                           {"announced_end", OrNull(ob.announced_end)}});
  }
  ordered_json j = {{"id", o.id},
                    {"company_id", o.company_id},
                    {"kind", rules::OutageKindName(o.kind)},
                    {"company_caused", o.company_caused},
                    {"cause", o.cause},
                    {"scope", std::move(scope)},
                    {"start", FormatLocal(o.start)},
                    {"expected_end", FormatLocal(o.expected_end)},
                    {"actual_end", OrNull(o.actual_end)},
                    {"road_sections", o.road_sections},
                    {"affected_households", o.affected_households},
                    {"affected_area_m2", ordered_json::parse(FormatFen(o.affected_area_m2))},
                    {"notice_due", OrNull(notice_due)},
                    {"notice_late", late},
                    {"overrun", overrun},
                    {"obligations", std::move(obligations)},
                    {"notice_count", o.notices.size()},
                    {"created_by", o.created_by},
                    {"created_at", FormatLocal(o.created_at)}};
  if (with_notices) {
    ordered_json notices = ordered_json::array();
    for (const auto& n : o.notices) {
      notices.push_back({{"seq", n.seq},
                         {"at", FormatLocal(n.at)},
                         {"expected_end", FormatLocal(n.expected_end)},
                         {"text", n.text},
                         {"actor", n.actor},
                         {"recorded_at", FormatLocal(n.recorded_at)}});
    }
    j["notices"] = std::move(notices);
  }
  return j;
}

Result<services::ScopeRefs> ScopeFromJson(const nlohmann::json& body) {
  auto it = body.find("scope");
  if (it == body.end() || !it->is_object()) {
    return Error::InvalidArgument(
        "scope is required: an object of heat_sources, network_sections, substations and "
        "buildings, each a list of ids or codes",
        "scope");
  }
  services::ScopeRefs refs;
  const std::pair<const char*, std::vector<services::ScopeRef>*> levels[] = {
      {"heat_sources", &refs.heat_sources},
      {"network_sections", &refs.network_sections},
      {"substations", &refs.substations},
      {"buildings", &refs.buildings}};
  for (const auto& [key, value] : it->items()) {
    std::vector<services::ScopeRef>* list = nullptr;
    for (const auto& [name, target] : levels)
      if (key == name) list = target;
    if (!list) {
      return Error::InvalidArgument("scope." + key +
                                        " is not a level of the network; use "
                                        "heat_sources, network_sections, substations or buildings",
                                    "scope." + key);
    }
    if (!value.is_array()) {
      return Error::InvalidArgument("scope." + key + " must be a list of ids or codes",
                                    "scope." + key);
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const auto& ref = value[i];
      const std::string field = "scope." + key + "[" + std::to_string(i) + "]";
      if (ref.is_number_integer() && ref.get<int64_t>() > 0) {
        list->push_back({ref.get<int64_t>(), ""});  // an id
      } else if (ref.is_string() && !ref.get<std::string>().empty()) {
        list->push_back({0, ref.get<std::string>()});  // a code
      } else {
        return Error::InvalidArgument(field + " must be a record id or code", field);
      }
    }
  }
  return refs;
}

Result<services::NewOutage> NewOutageFromJson(const nlohmann::json& body) {
  services::NewOutage in;
  auto kind = TextField(body, "kind", true);
  if (!kind.ok()) return kind.error();
  auto k = rules::ParseOutageKind(*kind);
  if (!k) return Error::InvalidArgument("kind must be planned or emergency", "kind");
  in.kind = *k;
  if (auto it = body.find("company_caused"); it != body.end()) {
    if (!it->is_boolean()) {
      return Error::InvalidArgument("company_caused must be true or false", "company_caused");
    }
    in.company_caused = it->get<bool>();
  } else {
    return Error::InvalidArgument("company_caused is required (R-REFUND-2 depends on it)",
                                  "company_caused");
  }
  auto cause = TextField(body, "cause", true);
  if (!cause.ok()) return cause.error();
  in.cause = *cause;
  auto scope = ScopeFromJson(body);
  if (!scope.ok()) return scope.error();
  in.scope = std::move(*scope);
  auto start = TimeField(body, "start", true);
  if (!start.ok()) return start.error();
  in.start = *start;
  auto end = TimeField(body, "expected_end", true);
  if (!end.ok()) return end.error();
  in.expected_end = *end;
  auto roads = TextField(body, "road_sections", false);
  if (!roads.ok()) return roads.error();
  in.road_sections = *roads;
  auto company = IdMember(body, "company", "a company");
  if (!company.ok()) return company.error();
  in.company_id = *company;
  return in;
}

// The register holds at most this many stops; a longer period is refused (narrow from/to).
constexpr size_t kRegisterRows = 20000;

// Every stop of `q` (all pages), as the register's workbook answer.
adapters::http::Response Register(const services::OutageService& service,
                                  ports::RecordStore& records, ports::OutageQuery q,
                                  const ports::Scope& scope, const std::string& period) {
  std::vector<services::OutageRead> stops;
  q.limit = 1000;
  for (;;) {
    auto page = service.List(q, scope);
    if (!page.ok()) return ErrorResponse(page.error());
    for (auto& s : *page) stops.push_back(std::move(s));
    if (stops.size() > kRegisterRows) {
      return ErrorResponse(Error::InvalidArgument("the register holds at most " +
                                                      std::to_string(kRegisterRows) +
                                                      " stops: narrow the period with from and to",
                                                  "from"));
    }
    if (page->size() < 1000) break;
    q.before = stops.back().outage.id;
  }
  std::map<int64_t, std::string> companies;
  for (const auto& s : stops) {
    const int64_t id = s.outage.company_id;
    if (companies.count(id) != 0) continue;
    auto v = ports::GetView<ports::CompanyView>(records, id, scope);
    companies[id] = v.ok() ? v->name : std::to_string(id);
  }
  return XlsxAttachment(OutageRegisterXlsx(stops, companies, period, service.Now()),
                        "outage-register.xlsx");
}

}  // namespace

void AddOutageRoutes(adapters::http::Router& router, const services::OutageService& service,
                     ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/outages",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"kind", "company_caused", "cause", "scope", "start",
                                          "expected_end", "road_sections", "company"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewOutageFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Record(*in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, OutageJson(*read, true));
      },
      {.summary = "Record a heating stop (R-OUT-1, R-OUT-2): the affected households and area "
                  "are derived from its scope in the network; the answer carries the notice "
                  "it owes (notice_due) with its basis",
       .query = {},
       .request_schema = "OutageNew",
       .response_schema = "OutageDetail"});

  router.Add(
      "GET", "/api/v1/outages",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(
                req, {"company", "company_id", "from", "to", "format", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        ports::OutageQuery q;
        if (!scope.household_id) {
          auto company = CompanyFilter(req, records, scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        auto from = TimeParam(req, "from", false);
        if (!from.ok()) return ErrorResponse(from.error());
        auto to = TimeParam(req, "to", true);
        if (!to.ok()) return ErrorResponse(to.error());
        if (*from && *to && **from > **to) {
          return ErrorResponse(Error::InvalidArgument("from must not be after to", "from"));
        }
        q.overlaps_from = *from;
        if (*to) q.overlaps_until = **to + std::chrono::seconds(1);  // `to` is inclusive
        auto xlsx = XlsxFormat(req);
        if (!xlsx.ok()) return ErrorResponse(xlsx.error());
        if (*xlsx) {
          if (scope.household_id) {
            return AuthErrorResponse(
                Error::PermissionDenied("the outage register is for companies and regulators"));
          }
          const std::string period =
              "统计期 " + (*from ? FormatLocal(**from) : std::string("最早")) + " 至 " +
              (*to ? FormatLocal(**to) : std::string("今")) + "（与该期间有交叠的停热）";
          return Register(service, records, q, scope, period);
        }
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.before = page->cursor;
        q.limit = page->limit + 1;  // one more tells whether another page follows
        auto list = service.List(q, scope);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200, KeyedPage(
                             *list, page->limit,
                             [](const services::OutageRead& o) { return OutageJson(o, false); },
                             [](const services::OutageRead& o) { return o.outage.id; }));
      },
      {.summary = "Heating stops, newest first, each with its notice obligations; a household "
                  "sees the stops that cut it off; from/to keep the stops overlapping that "
                  "period; format=xlsx answers the outage register (停热登记簿, every stop of "
                  "the filter, at most 20,000) as outage-register.xlsx, for staff and regulators",
       .query = {"company", "from", "to", "format", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Outage",
       .list = true});

  router.Add("GET", "/api/v1/outages/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, services::ScopeOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, OutageJson(*read, true));
                  }),
             {.summary = "One heating stop: its scope, affected households and area, notices "
                         "and each notice obligation (advance, emergency, overrun) with its due "
                         "time, basis and state",
              .query = {},
              .request_schema = "",
              .response_schema = "OutageDetail"});

  router.Add(
      "POST", "/api/v1/outages/{id}/notices",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto body = ObjectBody(req.body, {"at", "expected_end", "text"});
             if (!body.ok()) return ErrorResponse(body.error());
             services::NewNotice in;
             auto at = TimeField(*body, "at", true);
             if (!at.ok()) return ErrorResponse(at.error());
             in.at = *at;
             if (auto end = TimeField(*body, "expected_end", false, &in.expected_end); !end.ok()) {
               return ErrorResponse(end.error());
             }
             auto text = TextField(*body, "text", false);
             if (!text.ok()) return ErrorResponse(text.error());
             in.text = *text;
             auto read = service.Announce(id, in, ActorOf(p));
             if (!read.ok()) return ErrorResponse(read.error());
             return Json(201, OutageJson(*read, true));
           }),
      {.summary = "Publish a notice of a heating stop (R-OUT-1): it goes to every affected "
                  "household through the notifications outbox, stating cause, scope, expected "
                  "restoration and road sections; a later expected_end announces an overrun",
       .query = {},
       .request_schema = "OutageNotice",
       .response_schema = "OutageDetail"});

  router.Add("POST", "/api/v1/outages/{id}/end",
             ById(auth,
                  [&service](const Request& req, const services::Principal& p, int64_t id) {
                    auto body = ObjectBody(req.body, {"at"});
                    if (!body.ok()) return ErrorResponse(body.error());
                    auto at = TimeField(*body, "at", true);
                    if (!at.ok()) return ErrorResponse(at.error());
                    auto read = service.End(id, *at, ActorOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, OutageJson(*read, true));
                  }),
             {.summary = "End a heating stop: the time heat was back",
              .query = {},
              .request_schema = "OutageEnd",
              .response_schema = "OutageDetail",
              .status = 200});
}

}  // namespace hearth::app::http
