#include "app/http/refunds.hpp"

#include <nlohmann/json.hpp>

#include "adapters/json/json_input.hpp"
#include "adapters/json/ledger_json.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "rules/access.hpp"

namespace hearth::app::http {
namespace {

using rules::Role;

Error Denied(const std::string& what) { return Error::PermissionDenied(what); }

}  // namespace

nlohmann::ordered_json RefundRunJson(const services::LedgerRunSummary& summary) {
  return {{"season", summary.season_start_year},
          {"covered_to", FormatDate(summary.covered_to)},
          {"households", summary.households},
          {"written", summary.written},
          {"kept", summary.kept},
          {"without_fee", summary.without_fee},
          {"refund_fen", summary.refund_fen}};
}

nlohmann::ordered_json RefundEntryToJson(const ports::RefundEntry& e, bool overdue) {
  return {
      {"id", e.id},
      {"household_id", e.household_id},
      {"company_id", e.company_id},
      {"season", e.season_start_year},
      {"status", e.status},
      {"fee_fen", e.fee_fen},
      {"refund_fen", e.refund_fen},
      {"refund_yuan", static_cast<double>(e.refund_fen) / 100.0},
      {"official_days", e.official_days},
      {"payment_deadline", e.payment_deadline},
      {"overdue", overdue},
      {"covered_to", e.covered_to},
      {"season_end", e.season_end},
      {"choice", OrNull(e.choice)},
      {"payout", e.status == "paid" && !e.payout_method.empty()
                     ? nlohmann::ordered_json{{"method", e.payout_method},
                                              {"reference", OrNull(e.payout_reference)},
                                              {"paid_at", e.paid_at},
                                              {"late", services::RefundLedgerService::PaidLate(e)}}
                     : nlohmann::ordered_json(nullptr)},
      {"days", adapters::json::LedgerDaysJson(e.days)},
      {"computed_at", e.computed_at},
      {"updated_by", e.updated_by},
      {"updated_at", e.updated_at}};
}

void AddRefundRoutes(adapters::http::Router& router, const services::RefundLedgerService& service,
                     ports::RecordStore& records, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/refunds/runs",
      [&service, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != Role::kAdmin && p->role != Role::kManager) {
          return adapters::http::ErrorResponse(Denied("refund runs are for admins and managers"));
        }
        auto body = ObjectBody(req.body, {"season"});
        if (!body.ok()) return adapters::http::ErrorResponse(body.error());
        auto season = SeasonMember(*body);
        if (!season.ok()) return adapters::http::ErrorResponse(season.error());
        auto summary = service.Run(*season, services::ScopeOf(*p), p->username);
        if (!summary.ok()) return adapters::http::ErrorResponse(summary.error());
        return adapters::http::Json(200, RefundRunJson(*summary));
      },
      {.summary = "Run the refund ledger for a season: one draft entry per heated household with "
                  "a fee; approved and paid entries are kept (R-REFUND-6)",
       .query = {},
       .request_schema = "RefundRun",
       .response_schema = "RefundRunSummary",
       .list = false,
       .csv_too = false,
       .status = 200});

  router.Add(
      "GET", "/api/v1/refunds",
      [&service, &records, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s =
                adapters::http::OnlyParams(req, {"season", "household_id", "company", "company_id",
                                                 "status", "overdue", "cursor", "limit"});
            !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        const ports::Scope scope = services::ScopeOf(*p);
        ports::LedgerQuery q;
        auto season = SeasonParam(req);
        if (!season.ok()) return adapters::http::ErrorResponse(season.error());
        q.season_start_year = *season;
        if (!scope.household_id) {
          auto company = CompanyFilter(req, records, scope);
          if (!company.ok()) return adapters::http::ErrorResponse(company.error());
          q.company_id = *company;
        }
        bool overdue = false;
        for (const auto& [key, value] : req.query) {
          if (key == "status") {
            if (value != "draft" && value != "approved" && value != "paid") {
              return adapters::http::ErrorResponse(
                  Error::InvalidArgument("status must be draft, approved or paid", "status"));
            }
            q.status = value;
          } else if (key == "overdue") {
            if (value != "true" && value != "false") {
              return adapters::http::ErrorResponse(
                  Error::InvalidArgument("overdue must be true or false", "overdue"));
            }
            overdue = value == "true";
          } else if (key == "household_id") {
            auto n = IdParam(value, key);
            if (!n.ok()) return adapters::http::ErrorResponse(n.error());
            q.household_id = *n;
          }
        }
        auto page = ReadPage(req);
        if (!page.ok()) return adapters::http::ErrorResponse(page.error());
        q.after = page->cursor;
        const int limit = page->limit;
        q.limit = limit + 1;  // one more tells whether there is a next page
        auto entries = service.List(q, overdue, scope);
        if (!entries.ok()) return adapters::http::ErrorResponse(entries.error());
        return adapters::http::Json(200, KeyedPage(
                                             *entries, limit,
                                             [&](const ports::RefundEntry& e) {
                                               return RefundEntryToJson(e, service.Overdue(e));
                                             },
                                             [](const ports::RefundEntry& e) { return e.id; }));
      },
      {.summary = "Refund ledger entries, each with its days and evidence, the days it "
                  "covers and whether it is overdue (R-REFUND-6); filters: season, "
                  "household_id, company (id or code), status, overdue=true",
       .query = {"season", "household_id", "company", "status", "overdue", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "RefundEntry",
       .list = true});

  router.Add(
      "GET", "/api/v1/refunds/{id}",
      ById(auth,
           [&service](const adapters::http::Request&, const services::Principal& p, int64_t id) {
             auto e = service.Get(id, services::ScopeOf(p));
             if (!e.ok()) return adapters::http::ErrorResponse(e.error());
             return adapters::http::Json(200, RefundEntryToJson(*e, service.Overdue(*e)));
           }),
      {.summary = "One refund ledger entry",
       .query = {},
       .request_schema = "",
       .response_schema = "RefundEntry",
       .list = false});

  router.Add(
      "PATCH", "/api/v1/refunds/{id}",
      ById(
          auth,
          [&service](const adapters::http::Request& req, const services::Principal& p, int64_t id) {
            auto body = ObjectBody(req.body, {"status", "choice", "method", "reference"});
            if (!body.ok()) return adapters::http::ErrorResponse(body.error());
            if (body->contains("status") == body->contains("choice")) {
              return adapters::http::ErrorResponse(
                  Error::InvalidArgument("give either status or choice", "body"));
            }
            const bool paying = body->contains("status") && (*body)["status"] == "paid";
            for (const char* key : {"method", "reference"}) {
              if (body->contains(key) && !paying) {
                return adapters::http::ErrorResponse(
                    Error::InvalidArgument(std::string(key) + " goes only with status paid", key));
              }
            }
            const ports::Scope scope = services::ScopeOf(p);
            if (auto e = service.Get(id, scope); !e.ok()) {
              return adapters::http::ErrorResponse(e.error());
            }
            Result<ports::RefundEntry> changed = Error::Internal("no change");
            if (body->contains("status")) {
              if (p.role != Role::kAdmin && p.role != Role::kManager) {
                return adapters::http::ErrorResponse(
                    Denied("only admins and managers approve or pay refunds"));
              }
              const auto& to = (*body)["status"];
              if (to == "approved") {
                changed = service.Approve(id, scope, p.username);
              } else if (to == "paid") {
                auto method = TextField(*body, "method", true);
                if (!method.ok()) return adapters::http::ErrorResponse(method.error());
                auto reference = TextField(*body, "reference", false);
                if (!reference.ok()) return adapters::http::ErrorResponse(reference.error());
                changed = service.Pay(id, *method, *reference, scope, p.username);
              } else {
                return adapters::http::ErrorResponse(
                    Error::InvalidArgument("status must be approved or paid", "status"));
              }
            } else {
              if (p.role == Role::kRegulator || p.role == Role::kTechnician) {
                return adapters::http::ErrorResponse(
                    Denied("the household, or its agent, chooses"));
              }
              const auto& choice = (*body)["choice"];
              changed = service.Choose(id, choice.is_string() ? choice.get<std::string>() : "",
                                       scope, p.username);
            }
            if (!changed.ok()) return adapters::http::ErrorResponse(changed.error());
            return adapters::http::Json(200,
                                        RefundEntryToJson(*changed, service.Overdue(*changed)));
          }),
      {.summary = "Approve (after the season's official end, a draft covering the whole "
                  "season) or pay a refund entry with its method and reference (admin, manager; "
                  "not one the household chose to offset), or record the household's choice of "
                  "payment or offset (R-REFUND-6); audited",
       .query = {},
       .request_schema = "RefundPatch",
       .response_schema = "RefundEntry",
       .list = false});
}

}  // namespace hearth::app::http
