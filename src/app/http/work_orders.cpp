#include "app/http/work_orders.hpp"

#include <algorithm>
#include <charconv>

#include "adapters/json/json_input.hpp"
#include "adapters/json/work_order_json.hpp"
#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "rules/deadline.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

// W 12.1: the regulator works on aggregates and sees callers' phones masked.
std::string Phone(const std::string& phone, rules::Role role) {
  return role == rules::Role::kRegulator ? rules::MaskValue(phone) : phone;
}

ordered_json DeadlinesJson(const std::vector<rules::DeadlineStatus>& deadlines, Instant now) {
  ordered_json out = ordered_json::object();
  for (const auto& d : deadlines) {
    if (d.lapsed) continue;  // no longer applies
    out[std::string(rules::OrderDeadlineName(d.name))] = adapters::json::DeadlineToJson(d, now);
  }
  return out;
}

ordered_json HeadJson(const ports::WorkOrder& o, rules::Role role, Instant now) {
  const auto& h = o.head;
  return {{"id", h.id},
          {"company_id", h.company_id},
          {"household_id", h.household_id},
          {"channel", rules::ChannelName(h.channel)},
          {"external_id", OrNull(h.external_id)},
          {"category", rules::CategoryName(h.category)},
          {"received_at", FormatLocal(h.received_at)},
          {"content", h.content},
          {"caller_phone", Phone(h.caller_phone, role)},
          {"parent_id", OrNull(h.parent_id)},
          {"second_complaint", h.second_complaint},
          {"season", h.season},
          {"state", rules::OrderStateName(o.projection.state)},
          {"extended", o.projection.extended},
          {"deadlines", DeadlinesJson(o.projection.deadlines, now)},
          {"created_by", h.created_by},
          {"created_at", FormatLocal(h.created_at)}};
}

// A time given later than an hour after it happened is shown as backdated: the company records
// its own events, and the reader can see which were entered late.
constexpr auto kBackdated = std::chrono::hours{1};

ordered_json TimelineJson(const std::vector<ports::OrderEntry>& entries) {
  ordered_json out = ordered_json::array();
  for (const auto& e : entries) {
    ordered_json j = {{"seq", e.seq}};
    if (e.system.empty()) {
      // Kept in a variable: items() of a temporary would be read after the temporary's end.
      const ordered_json event = adapters::json::OrderEventToJson(e.event);
      for (const auto& [k, v] : event.items()) j[k] = v;
    } else {
      j["type"] = e.system;
      j["at"] = FormatLocal(e.event.at);
      j["detail"] = e.detail;
    }
    j["actor"] = e.event.actor;
    j["recorded_at"] = FormatLocal(e.recorded_at);
    j["backdated"] = e.recorded_at - e.event.at > kBackdated;
    out.push_back(std::move(j));
  }
  return out;
}

// "90m", "2h", "3d": the due_within filter.
Result<std::chrono::seconds> DurationParam(const std::string& text) {
  int64_t n = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, n);
  const Error bad = Error::InvalidArgument(
      "due_within must be a number of minutes, hours or days, e.g. 90m, 2h, 3d", "due_within");
  if (ec != std::errc() || p + 1 != end || n <= 0 || n > 366 * 24 * 60) return bad;
  switch (*p) {
    case 'm':
      return std::chrono::seconds{n * 60};
    case 'h':
      return std::chrono::seconds{n * 3600};
    case 'd':
      return std::chrono::seconds{n * 86400};
    default:
      return bad;
  }
}

}  // namespace

ordered_json WorkOrderSummaryJson(const ports::WorkOrder& order, rules::Role role, Instant now) {
  return HeadJson(order, role, now);
}

ordered_json WorkOrderToJson(const services::WorkOrderRead& read, rules::Role role, Instant now) {
  ordered_json j = HeadJson(read.order, role, now);
  const auto& v = read.view;
  j["returned"] = v.returned;
  j["children"] = read.children;
  j["replied_at"] = OrNull(v.replied_at);
  j["visited_at"] = OrNull(v.visited_at);
  j["closed_at"] = OrNull(v.closed_at);
  j["process_satisfaction"] = v.process_satisfaction
                                  ? ordered_json(rules::SatisfactionName(*v.process_satisfaction))
                                  : ordered_json(nullptr);
  j["result_satisfaction"] = v.result_satisfaction
                                 ? ordered_json(rules::SatisfactionName(*v.result_satisfaction))
                                 : ordered_json(nullptr);
  j["reasonable"] = OrNull(v.reasonable);
  j["timeline"] = TimelineJson(read.order.entries);
  return j;
}

Result<services::NewWorkOrder> NewWorkOrderFromJson(const nlohmann::json& body) {
  services::NewWorkOrder in;
  auto channel = TextField(body, "channel", true);
  if (!channel.ok()) return channel.error();
  auto c = rules::ParseChannel(*channel);
  if (!c) {
    return Error::InvalidArgument("channel must be one of " + rules::AllChannelNames(), "channel");
  }
  in.channel = *c;
  auto external = TextField(body, "external_id", false);
  if (!external.ok()) return external.error();
  in.external_id = *external;
  auto received = TextField(body, "received_at", true);
  if (!received.ok()) return received.error();
  auto at = ParseRfc3339(*received);
  if (!at.ok()) {
    return Error::InvalidArgument("received_at must be an RFC 3339 time with an offset",
                                  "received_at");
  }
  in.received_at = *at;
  if (auto it = body.find("household"); it != body.end() && it->is_number_integer()) {
    in.household = std::to_string(it->get<int64_t>());
  } else {
    auto household = TextField(body, "household", true);
    if (!household.ok()) return household.error();
    in.household = *household;
  }
  auto category = TextField(body, "category", true);
  if (!category.ok()) return category.error();
  auto cat = rules::ParseCategory(*category);
  if (!cat) {
    return Error::InvalidArgument("category must be one of " + rules::AllCategoryNames(),
                                  "category");
  }
  in.category = *cat;
  auto content = TextField(body, "content", true);
  if (!content.ok()) return content.error();
  in.content = *content;
  auto phone = TextField(body, "caller_phone", false);
  if (!phone.ok()) return phone.error();
  in.caller_phone = *phone;
  auto parent = IdMember(body, "parent", "an order");
  if (!parent.ok()) return parent.error();
  in.parent_id = *parent;
  return in;
}

void AddWorkOrderRoutes(adapters::http::Router& router, const services::WorkOrderService& service,
                        ports::WorkOrderStore& store, ports::RecordStore& records,
                        services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/work-orders",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto body = ObjectBody(req.body, {"channel", "external_id", "received_at", "household",
                                          "category", "content", "caller_phone", "parent"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = NewWorkOrderFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto received = service.Receive(*in, ActorOf(*p));
        if (!received.ok()) return ErrorResponse(received.error());
        return Json(received->created ? 201 : 200,
                    WorkOrderToJson(received->order, p->role, service.Now()));
      },
      {.summary = "Receive a complaint or repair order (R-WO-1): its deadlines from the "
                  "deadline engine; the same channel and external_id again answers 200 with the "
                  "order received before",
       .query = {},
       .request_schema = "WorkOrderNew",
       .response_schema = "WorkOrderDetail",
       .list = false,
       .same_body = {{200, "the order was received before (a platform's re-send)"}}});

  router.Add(
      "GET", "/api/v1/work-orders",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(
                req, {"state", "channel", "overdue", "due_within", "household", "company",
                      "company_id", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        services::WorkOrderFilter f;
        for (const auto& [key, value] : req.query) {
          if (key == "state") {
            f.state = rules::ParseOrderState(value);
            if (!f.state) {
              return ErrorResponse(Error::InvalidArgument(
                  "state must be one of " + rules::AllOrderStateNames(), "state"));
            }
          } else if (key == "channel") {
            f.channel = rules::ParseChannel(value);
            if (!f.channel) {
              return ErrorResponse(Error::InvalidArgument(
                  "channel must be one of " + rules::AllChannelNames(), "channel"));
            }
          } else if (key == "overdue") {
            if (value != "true" && value != "false") {
              return ErrorResponse(
                  Error::InvalidArgument("overdue must be true or false", "overdue"));
            }
            f.overdue = value == "true";
          } else if (key == "due_within") {
            auto d = DurationParam(value);
            if (!d.ok()) return ErrorResponse(d.error());
            f.due_within = *d;
          } else if (key == "household") {
            auto id = IdParam(value, "household");
            if (!id.ok()) return ErrorResponse(id.error());
            f.household_id = *id;
          }
        }
        if (!scope.household_id) {
          auto company = CompanyFilter(req, records, scope);
          if (!company.ok()) return ErrorResponse(company.error());
          f.company_id = *company;
        }
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        f.after = page->cursor;
        f.limit = page->limit + 1;  // one more tells whether another page follows
        auto orders = service.List(f, scope);
        if (!orders.ok()) return ErrorResponse(orders.error());
        const Instant now = service.Now();
        return Json(200, KeyedPage(
                             *orders, page->limit,
                             [&](const auto& o) { return WorkOrderSummaryJson(o, p->role, now); },
                             [](const auto& o) { return o.head.id; }));
      },
      {.summary = "Work orders, paged by id, each deadline ok, warning (75 % of its time "
                  "used) or overdue; filters: state, channel, overdue=true, due_within "
                  "(90m, 2h, 3d: an open deadline falls due within it), household (id), company",
       .query = {"state", "channel", "overdue", "due_within", "household", "company", "cursor",
                 "limit"},
       .request_schema = "",
       .response_schema = "WorkOrder",
       .list = true});

  router.Add("GET", "/api/v1/work-orders/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto read = service.Get(id, services::ScopeOf(p));
                    if (!read.ok()) return ErrorResponse(read.error());
                    return Json(200, WorkOrderToJson(*read, p.role, service.Now()));
                  }),
             {.summary = "One work order: its deadlines with their basis, its duplicates and its "
                         "whole timeline (append-only; each entry says who recorded it, when, "
                         "and whether it was entered more than an hour late)",
              .query = {},
              .request_schema = "",
              .response_schema = "WorkOrderDetail",
              .list = false});

  router.Add(
      "POST", "/api/v1/work-orders/{id}/events",
      ById(auth,
           [&service](const Request& req, const services::Principal& p, int64_t id) {
             auto parsed = adapters::json::ParseInput(req.body);
             if (!parsed.ok()) return ErrorResponse(parsed.error());
             auto event = adapters::json::OrderEventFromJson(*parsed, /*from_client=*/true);
             if (!event.ok()) return ErrorResponse(event.error());
             auto read = service.Record(id, std::move(*event), ActorOf(p));
             if (!read.ok()) {
               adapters::http::Response resp = ErrorResponse(read.error());
               // Well formed, but what it records is refused by the rules.
               if (read.error().code == ErrorCode::kInvalidArgument) resp.status = 422;
               return resp;
             }
             return Json(200, WorkOrderToJson(*read, p.role, service.Now()));
           }),
      {.summary = "Record an event of a work order: accept, respond, dispatch, arrive, repair, "
                  "reply, return, extend, visit, close, reopen. 409 when its state does not "
                  "allow it; 422 when the rules refuse what it records (R-WO-2, R-WO-3, R-WO-6, "
                  "R-REPAIR-1)",
       .query = {},
       .request_schema = "WorkOrderEvent",
       .response_schema = "WorkOrderDetail",
       .list = false,
       .status = 200});

  router.Add("GET", "/api/v1/notifications",
             [&store, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               if (!p->household_id) {
                 return ErrorResponse(Error::PermissionDenied(
                     "notifications are a household's own; staff read the orders"));
               }
               auto page = ReadPage(req);
               if (!page.ok()) return ErrorResponse(page.error());
               auto messages =
                   store.HouseholdMessages(*p->household_id, page->cursor, page->limit + 1);
               if (!messages.ok()) return ErrorResponse(messages.error());
               auto message_json = [](const ports::OutboxMessage& m) {
                 ordered_json fields = ordered_json::object();
                 for (const auto& [k, v] : m.fields) fields[k] = v;
                 return ordered_json{{"id", m.id},
                                     {"topic", m.topic},
                                     {"order_id", OrNull(m.order_id)},
                                     {"created_at", FormatLocal(m.created_at)},
                                     {"fields", fields}};
               };
               return Json(200, KeyedPage(*messages, page->limit, message_json,
                                          [](const ports::OutboxMessage& m) { return m.id; }));
             },
             {.summary = "The household's own notifications, newest first: orders received, "
                         "technicians dispatched, extensions and replies",
              .query = {"cursor", "limit"},
              .request_schema = "",
              .response_schema = "Notification",
              .list = true});
}

}  // namespace hearth::app::http
