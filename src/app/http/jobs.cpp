#include "app/http/jobs.hpp"

#include <algorithm>

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/bills.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "app/http/refunds.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;
using rules::Role;

constexpr const char* kRefundRun = "refund-run";
constexpr const char* kBillingRun = "billing-run";
constexpr const char* kHouseholdImport = "household-import";  // app/http/import.cpp

/// How far a job is, in whole percent: 100 once it succeeded, at most 99 before.
int64_t Percent(const ports::Job& j) {
  if (j.state == ports::JobState::kSucceeded) return 100;
  if (j.total <= 0) return 0;
  return std::clamp<int64_t>(j.done * 100 / j.total, 0, 99);
}

}  // namespace

ordered_json JobToJson(const ports::Job& j) {
  auto parsed = [](const std::string& text) {
    return text.empty() ? ordered_json(nullptr) : ordered_json::parse(text, nullptr, false);
  };
  ordered_json error = nullptr;
  if (!j.error_code.empty()) {
    error = {
        {"code", j.error_code},
        {"message", j.error_message},
        {"field", j.error_field.empty() ? ordered_json(nullptr) : ordered_json(j.error_field)}};
  }
  return {{"id", j.id},
          {"kind", j.kind},
          {"company_id", j.company_id ? ordered_json(j.company_id) : ordered_json(nullptr)},
          {"params", parsed(j.params_json)},
          {"state", ports::JobStateName(j.state)},
          {"done", j.done},
          {"total", j.total},
          {"percent", Percent(j)},
          {"started_by", j.started_by},
          {"started_at", FormatLocal(j.started_at)},
          {"updated_at", FormatLocal(j.updated_at)},
          {"finished_at",
           j.finished_at ? ordered_json(FormatLocal(*j.finished_at)) : ordered_json(nullptr)},
          {"result", parsed(j.result_json)},
          {"error", std::move(error)}};
}

adapters::http::Response JobAccepted(const ports::Job& job) {
  auto answer = Json(202, JobToJson(job));
  answer.headers.emplace_back("Location", "/api/v1/jobs/" + std::to_string(job.id));
  return answer;
}

namespace {

bool Runs(Role role) { return role == Role::kAdmin || role == Role::kManager; }

// A refund run of the caller's scope: every company for the admin, a manager's own.
Result<std::pair<ports::Job, services::JobRunner::Work>> RefundJob(
    const nlohmann::json& body, const services::Principal& p,
    const services::RefundLedgerService& refunds) {
  auto season = SeasonMember(body);
  if (!season.ok()) return season.error();
  const ports::Scope scope = services::ScopeOf(p);
  ports::Job job;
  job.kind = kRefundRun;
  job.company_id = scope.company_id.value_or(0);
  job.params_json = ordered_json{{"season", *season}}.dump();
  services::JobRunner::Work work = [&refunds, scope, year = *season, user = p.username](
                                       const services::Progress& progress) -> Result<std::string> {
    auto summary = refunds.Run(year, scope, user, progress);
    if (!summary.ok()) return summary.error();
    return RefundRunJson(*summary).dump();
  };
  return std::pair{std::move(job), std::move(work)};
}

// A billing run of one company: the admin names any, a manager its own.
Result<std::pair<ports::Job, services::JobRunner::Work>> BillingJob(
    const nlohmann::json& body, const services::Principal& p,
    const services::BillingService& billing) {
  const services::OrderActor actor = ActorOf(p);
  auto in = BillingRunFromJson(body, actor);
  if (!in.ok()) return in.error();
  if (in->company_id <= 0) {
    return Error::InvalidArgument("company_id is required for the admin", "company_id");
  }
  if (actor.scope.company_id && *actor.scope.company_id != in->company_id) {
    return Error::NotFound("no company " + std::to_string(in->company_id), "company_id");
  }
  ports::Job job;
  job.kind = kBillingRun;
  job.company_id = in->company_id;
  ordered_json params = {{"company_id", in->company_id}, {"season", in->season}};
  if (in->due_on) params["due_on"] = FormatDate(*in->due_on);
  job.params_json = params.dump();
  services::JobRunner::Work work =
      [&billing, request = *in, actor](const services::Progress& progress) -> Result<std::string> {
    auto run = billing.Run(request, actor, progress);
    if (!run.ok()) return run.error();
    return BillingRunJson(*run).dump();
  };
  return std::pair{std::move(job), std::move(work)};
}

}  // namespace

void AddJobRoutes(adapters::http::Router& router, services::JobRunner& jobs,
                  const services::RefundLedgerService& refunds,
                  const services::BillingService& billing, services::AuthService& auth) {
  router.Add(
      "POST", "/api/v1/jobs",
      [&jobs, &refunds, &billing, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (!Runs(p->role)) {
          return ErrorResponse(Error::PermissionDenied("long runs are for admins and managers"));
        }
        auto body = ObjectBody(req.body, {"kind", "season", "company_id", "due_on"});
        if (!body.ok()) return ErrorResponse(body.error());
        auto kind = TextField(*body, "kind", true);
        if (!kind.ok()) return ErrorResponse(kind.error());
        Result<std::pair<ports::Job, services::JobRunner::Work>> asked =
            Error::InvalidArgument("kind must be refund-run or billing-run", "kind");
        if (*kind == kRefundRun) {
          if (body->contains("company_id") || body->contains("due_on")) {
            return ErrorResponse(Error::InvalidArgument(
                "a refund run takes season only: it covers the caller's scope",
                body->contains("company_id") ? "company_id" : "due_on"));
          }
          asked = RefundJob(*body, *p, refunds);
        } else if (*kind == kBillingRun) {
          asked = BillingJob(*body, *p, billing);
        }
        if (!asked.ok()) return ErrorResponse(asked.error());
        asked->first.started_by = p->username;
        auto job = jobs.Start(std::move(asked->first), std::move(asked->second));
        if (!job.ok()) return ErrorResponse(job.error());
        return JobAccepted(*job);
      },
      {.summary = "Start a long run as a job and answer at once (202): a refund run of the "
                  "caller's scope (R-REFUND-1..6) or a company's billing run (R-BILL-1); poll "
                  "GET /api/v1/jobs/{id} for its progress and its answer. One run of a kind per "
                  "company at a time (409); at most two at once per server (429)",
       .query = {},
       .request_schema = "JobNew",
       .response_schema = "Job",
       .status = 202});

  router.Add(
      "GET", "/api/v1/jobs/{id}",
      ById(auth,
           [&jobs](const Request&, const services::Principal& p, int64_t id) {
             auto job = jobs.Get(id, services::ScopeOf(p));
             if (!job.ok()) return ErrorResponse(job.error());
             return Json(200, JobToJson(*job));
           }),
      {.summary = "A job: its state (running, succeeded, failed, interrupted), done of total "
                  "and percent, and its answer or error; a company's staff see its own jobs",
       .query = {},
       .request_schema = "",
       .response_schema = "Job"});

  router.Add("GET", "/api/v1/jobs",
             [&jobs, &auth](const Request& req) {
               auto p = RequirePrincipal(req, auth);
               if (!p.ok()) return AuthErrorResponse(p.error());
               if (auto s = adapters::http::OnlyParams(req, {"kind", "cursor", "limit"}); !s.ok()) {
                 return ErrorResponse(s.error());
               }
               ports::JobQuery q;
               if (auto k = req.query.find("kind"); k != req.query.end()) {
                 if (k->second != kRefundRun && k->second != kBillingRun &&
                     k->second != kHouseholdImport) {
                   return ErrorResponse(Error::InvalidArgument(
                       "kind must be refund-run, billing-run or household-import", "kind"));
                 }
                 q.kind = k->second;
               }
               auto page = ReadPage(req, 20);
               if (!page.ok()) return ErrorResponse(page.error());
               q.before = page->cursor;
               q.limit = page->limit + 1;
               auto list = jobs.List(q, services::ScopeOf(*p));
               if (!list.ok()) return ErrorResponse(list.error());
               return Json(200, KeyedPage(*list, page->limit, JobToJson,
                                          [](const ports::Job& j) { return j.id; }));
             },
             {.summary = "Jobs, newest first (a company's staff: its own; a household: none)",
              .query = {"kind", "cursor", "limit"},
              .request_schema = "",
              .response_schema = "Job",
              .list = true});
}

}  // namespace hearth::app::http
