#include "app/http/arrears.hpp"

#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/heating_changes.hpp"
#include "app/http/paging.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::OnlyParams;
using adapters::http::Request;
using nlohmann::ordered_json;

const char* Delivery(const ports::ReminderRecord& r) {
  if (!rules::SentByPlatform(r.channel)) return "recorded";
  if (r.delivered_at) return "delivered";
  return r.attempts > 0 ? "failed" : "pending";
}

ordered_json ReminderJson(const ports::ReminderRecord& r) {
  return {{"id", r.id},
          {"channel", rules::ReminderChannelName(r.channel)},
          {"sent_at", FormatLocal(r.sent_at)},
          {"sent_by", r.sent_by},
          {"content", r.content},
          {"proof", OrNull(r.proof)},
          {"delivery", Delivery(r)},
          {"delivered_at", OrNull(r.delivered_at)},
          {"attempts", r.attempts},
          {"last_error", OrNull(r.last_error)},
          {"proven", r.proven()}};
}

ordered_json ArrearsJson(const services::ArrearsRead& read) {
  const ports::ArrearsRecord& f = read.record;
  const rules::ArrearsStanding& s = read.standing;
  ordered_json reminders = ordered_json::array();
  for (const ports::ReminderRecord& r : f.reminders) reminders.push_back(ReminderJson(r));
  ordered_json actions = ordered_json::array();
  for (auto a : read.actions) actions.push_back(a == services::ArrearsRead::kStop ? "stop" : "remind");
  return {{"fee_id", f.fee_id},
          {"company_id", f.company_id},
          {"household_id", f.household_id},
          {"household_code", f.household_code},
          {"address", OrNull(f.address)},
          {"season", f.season},
          {"due_on", FormatDate(f.due_on)},
          {"amount", FormatFen(f.amount_fen)},
          {"paid", FormatFen(f.paid_fen)},
          {"outstanding", FormatFen(s.outstanding_fen)},
          {"days_overdue", s.days_overdue},
          {"heating_status", f.heated ? "heated" : "stopped"},
          {"reminders_proven", s.reminders_proven},
          {"reminders_needed", f.steps.reminders},
          {"notice_days", f.steps.notice_days},
          {"last_reminded_on", OrNull(s.last_proven)},
          {"may_stop_from", OrNull(s.may_stop_from)},
          {"stop_heating_change_id", OrNull(f.stop_id)},
          {"actions", std::move(actions)},
          {"reminders", std::move(reminders)}};
}

Result<services::NewReminder> ReminderFromJson(const nlohmann::json& body) {
  services::NewReminder in;
  auto channel_text = TextField(body, "channel", true);
  if (!channel_text.ok()) return channel_text.error();
  auto channel = rules::ParseReminderChannel(*channel_text);
  if (!channel) {
    return Error::InvalidArgument("channel must be one of notice, sms, wechat, letter", "channel");
  }
  in.channel = *channel;
  for (auto [key, out] : {std::pair{"content", &in.content}, std::pair{"proof", &in.proof}}) {
    auto text = TextField(body, key, false);
    if (!text.ok()) return text.error();
    *out = std::move(*text);
  }
  auto at = TimeField(body, "sent_at", false, &in.sent_at);
  if (!at.ok()) return at.error();
  return in;
}

Result<int64_t> FeeId(const Request& req) { return IdParam(req.params.at("fee_id"), "fee_id"); }

}  // namespace

void AddArrearsRoutes(adapters::http::Router& router, const services::ArrearsService& service,
                      ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "GET", "/api/v1/arrears",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        if (auto s = OnlyParams(
                req, {"company", "company_id", "household", "season", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        ports::ArrearsQuery q;
        if (!actor.scope.household_id) {
          auto company = CompanyFilter(req, records, actor.scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        auto household = OptionalIdParam(req, "household");
        if (!household.ok()) return ErrorResponse(household.error());
        q.household_id = *household;
        auto season = SeasonParam(req);
        if (!season.ok()) return ErrorResponse(season.error());
        q.season = *season;
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.before = page->cursor;
        q.limit = page->limit + 1;
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200, KeyedPage(*list, page->limit, ArrearsJson,
                                   [](const services::ArrearsRead& a) { return a.record.fee_id; }));
      },
      {.summary = "Fees past their due day and still owed (W 9.2.2), newest first: what is owed, "
                  "the reminders with their proof, and when heat may stop by the contract's steps",
       .query = {"company", "household", "season", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Arrears",
       .list = true});

  router.Add("GET", "/api/v1/arrears/{fee_id}",
             [&service, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               auto id = FeeId(req);
               if (!id.ok()) return ErrorResponse(id.error());
               auto read = service.Get(*id, ActorOf(*p));
               if (!read.ok()) return ErrorResponse(read.error());
               return Json(200, ArrearsJson(*read));
             },
             {.summary = "One fee's arrears standing and reminders, owed or not",
              .query = {},
              .request_schema = "",
              .response_schema = "Arrears"});

  router.Add(
      "POST", "/api/v1/arrears/{fee_id}/reminders",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto id = FeeId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto body = ObjectBody(req.body, {"channel", "content", "proof", "sent_at"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = ReminderFromJson(*body);
        if (!in.ok()) return ErrorResponse(in.error());
        auto read = service.Remind(*id, *in, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, ArrearsJson(*read));
      },
      {.summary = "Remind a household of an overdue fee (催费, W 9.2.2): by SMS or WeChat through "
                  "the outbox, proven by its delivery; or a posted notice or letter recorded with "
                  "its proof",
       .query = {},
       .request_schema = "ReminderNew",
       .response_schema = "Arrears"});

  router.Add(
      "POST", "/api/v1/arrears/{fee_id}/stop",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        auto id = FeeId(req);
        if (!id.ok()) return ErrorResponse(id.error());
        auto body = ObjectBody(req.body, {"effective", "note"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto effective = DateField(*body, "effective");
        if (!effective.ok()) return ErrorResponse(effective.error());
        auto note = TextField(*body, "note", false);
        if (!note.ok()) return ErrorResponse(note.error());
        auto read = service.Stop(*id, *effective, *note, ActorOf(*p));
        if (!read.ok()) return ErrorResponse(read.error());
        return Json(201, HeatingChangeJson(*read));
      },
      {.summary = "Stop a household's heat for arrears (W 9.2.2: 经催收后仍不交纳), once the "
                  "contract's steps are done: an approved stop, settled pro rata",
       .query = {},
       .request_schema = "ArrearsStop",
       .response_schema = "HeatingChange"});
}

}  // namespace hearth::app::http
