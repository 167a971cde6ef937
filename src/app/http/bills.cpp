#include "app/http/bills.hpp"

#include "app/http/actor.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "core/decimal.hpp"
#include "services/receipt_service.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::OnlyParams;
using adapters::http::Request;
using nlohmann::ordered_json;

}  // namespace

ordered_json BillingRunJson(const ports::BillingRunRecord& r) {
  return {{"id", r.id},
          {"company_id", r.company_id},
          {"season", r.season},
          {"due_on", FormatDate(r.due_on)},
          {"finished", r.finished},
          {"issued", r.issued},
          {"already_billed", r.already_billed},
          {"not_heated", r.not_heated},
          {"meter_by_area", r.meter_by_area},
          {"offsets", FormatFen(r.offsets_fen)},
          {"total", FormatFen(r.total_fen)},
          {"run_by", r.run_by},
          {"run_at", FormatLocal(r.run_at)}};
}

ordered_json BillJson(const ports::BillRecord& b) {
  ordered_json lines = ordered_json::array();
  for (const auto& l : b.bill.lines) {
    lines.push_back({{"code", l.code}, {"text", l.text}, {"amount", FormatFen(l.amount_fen)}});
  }
  return {{"id", b.fee_id},
          {"company_id", b.company_id},
          {"household_id", b.household_id},
          {"household_code", b.household_code},
          {"season", b.season},
          {"due_on", FormatDate(b.due_on)},
          {"basis", b.bill.basis == rules::BillingBasis::kMeter ? "meter" : "area"},
          {"basis_reason", b.bill.basis_reason},
          {"area", FormatFen(b.area_centi)},
          {"lines", std::move(lines)},
          {"total", FormatFen(b.bill.total_fen)},
          {"unapplied_offset", FormatFen(b.bill.unapplied_offset_fen)},
          {"paid", FormatFen(b.paid_fen)},
          {"paid_back", FormatFen(b.paid_back_fen)},
          {"outstanding",
           FormatFen(std::max<int64_t>(0, b.bill.total_fen - (b.paid_fen - b.paid_back_fen)))},
          {"overpaid", FormatFen(b.OverpaidFen())},
          {"run_id", b.run_id},
          {"issued_at", FormatLocal(b.issued_at)},
          {"issued_by", b.issued_by}};
}

Result<services::BillingRunRequest> BillingRunFromJson(const nlohmann::json& body,
                                                       const services::OrderActor& actor) {
  services::BillingRunRequest in;
  auto company = IdMember(body, "company_id", "company_id must be a company id");
  if (!company.ok()) return company.error();
  in.company_id = company->value_or(actor.scope.company_id.value_or(0));
  auto season = SeasonMember(body);
  if (!season.ok()) return season.error();
  in.season = *season;
  if (body.contains("due_on") && !body["due_on"].is_null()) {
    auto due = DateField(body, "due_on");
    if (!due.ok()) return due.error();
    in.due_on = *due;
  }
  return in;
}

void AddBillRoutes(adapters::http::Router& router, const services::BillingService& service,
                   ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/billing-runs",
      [&service, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        auto body = ObjectBody(req.body, {"company_id", "season", "due_on"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto in = BillingRunFromJson(*body, actor);
        if (!in.ok()) return ErrorResponse(in.error());
        auto run = service.Run(*in, actor);
        if (!run.ok()) return ErrorResponse(run.error());
        return Json(201, BillingRunJson(*run));
      },
      {.summary = "Run a company's season bills (R-BILL-1, W 9.2.1): every heated household "
                  "without a fee for the season, by area or by meter (a faulty or unread meter "
                  "by area, W 10.3 (10.3 c)), with the refunds chosen for offset set against "
                  "them (R-REFUND-6); running it again bills only those left",
       .query = {},
       .request_schema = "BillingRunNew",
       .response_schema = "BillingRun"});

  router.Add(
      "GET", "/api/v1/billing-runs",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        if (auto s = OnlyParams(req, {"company", "company_id", "cursor", "limit"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        ports::BillingRunQuery q;
        if (!actor.scope.household_id) {
          auto company = CompanyFilter(req, records, actor.scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.before = page->cursor;
        q.limit = page->limit + 1;
        auto list = service.ListRuns(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200, KeyedPage(*list, page->limit, BillingRunJson,
                                   [](const ports::BillingRunRecord& r) { return r.id; }));
      },
      {.summary = "Billing runs, newest first, with their counts",
       .query = {"company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "BillingRun",
       .list = true});

  router.Add(
      "GET", "/api/v1/bills",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        if (auto s = OnlyParams(
                req, {"company", "company_id", "household", "season", "cursor", "limit"});
            !s.ok()) {
          return ErrorResponse(s.error());
        }
        ports::BillQuery q;
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
        return Json(200, KeyedPage(*list, page->limit, BillJson,
                                   [](const ports::BillRecord& b) { return b.fee_id; }));
      },
      {.summary = "Season bills, newest first: each with its lines, total, paid and outstanding",
       .query = {"company", "household", "season", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "Bill",
       .list = true});

  router.Add("GET", "/api/v1/bills/{id}",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto bill = service.Get(id, ActorOf(p));
                    if (!bill.ok()) return ErrorResponse(bill.error());
                    return Json(200, BillJson(*bill));
                  }),
             {.summary = "One season bill: how it was computed, line by line, and what is "
                         "outstanding",
              .query = {},
              .request_schema = "",
              .response_schema = "Bill"});

  router.Add("POST", "/api/v1/bills/{id}/resettle",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto bill = service.Resettle(id, ActorOf(p));
                    if (!bill.ok()) return ErrorResponse(bill.error());
                    return Json(200, BillJson(*bill));
                  }),
             {.summary = "Settle a bill again as the run would bill it now, with every approved "
                         "增减停复 of its season (R-ACCT-1; an approval does it by itself): the "
                         "admin or a manager; changes nothing when nothing changed",
              .query = {},
              .request_schema = "",
              .response_schema = "Bill",
              .status = 200});

  router.Add("POST", "/api/v1/bills/{id}/payback",
             ById(auth,
                  [&service](const Request& req, const services::Principal& p, int64_t id) {
                    auto body = ObjectBody(req.body, {"method", "reference"});
                    if (!body.ok()) return ErrorResponse(body.error());
                    auto method = TextField(*body, "method", true);
                    if (!method.ok()) return ErrorResponse(method.error());
                    auto reference = TextField(*body, "reference", false);
                    if (!reference.ok()) return ErrorResponse(reference.error());
                    auto bill = service.PayBack(id, *method, *reference, ActorOf(p));
                    if (!bill.ok()) return ErrorResponse(bill.error());
                    return Json(200, BillJson(*bill));
                  }),
             {.summary = "Pay back what a bill holds overpaid (a bill settled again below what "
                         "was paid, R-ACCT-1): the whole of it, by bank, WeChat, Alipay (with the "
                         "channel's reference) or cash; the admin, a manager or an agent",
              .query = {},
              .request_schema = "Payback",
              .response_schema = "Bill",
              .status = 200});

  router.Add(
      "GET", "/api/v1/payments/{id}/receipt",
      ById(auth,
           [&records](const Request&, const services::Principal& p, int64_t id) {
             auto r = services::ReceiptOf(records, id, services::ScopeOf(p));
             if (!r.ok()) return ErrorResponse(r.error());
             return Json(200, ordered_json{{"number", r->number},
                                           {"payment_id", r->payment_id},
                                           {"company_code", r->company_code},
                                           {"company_name", r->company_name},
                                           {"licence_no", OrNull(r->licence_no)},
                                           {"household_id", r->household_id},
                                           {"household_code", r->household_code},
                                           {"address", OrNull(r->address)},
                                           {"season", r->season},
                                           {"fee_id", OrNull(r->fee_id)},
                                           {"fee", YuanOrNull(r->fee_fen)},
                                           {"amount", FormatFen(r->amount_fen)},
                                           {"amount_capitals", r->amount_capitals},
                                           {"paid_at", r->paid_at},
                                           {"method", r->method},
                                           {"reference", r->reference},
                                           {"outstanding", YuanOrNull(r->outstanding_fen)}});
           }),
      {.summary = "A payment's receipt (R-BILL-1): its number, the company, the household, the "
                  "season and fee paid, the amount in figures and in capitals (大写), the "
                  "channel and its reference, and what is left of the fee after it",
       .query = {},
       .request_schema = "",
       .response_schema = "Receipt"});
}

}  // namespace hearth::app::http
