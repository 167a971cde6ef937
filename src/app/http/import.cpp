#include "app/http/import.hpp"

#include <memory>

#include "adapters/csv/household_import_csv.hpp"
#include "app/http/jobs.hpp"
#include "model/resources.hpp"
#include "services/import_service.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json CountsJson(const services::ImportCounts& counts) {
  return {{"created", counts.created},
          {"updated", counts.updated},
          {"unchanged", counts.unchanged}};
}

// The id of the company coded `code` within `scope`: not_found (field "company") otherwise, as
// the import itself answers.
Result<int64_t> CompanyOf(ports::RecordStore& store, const std::string& code,
                          const ports::Scope& scope) {
  ports::ListQuery q;
  q.equals = {{"code", code}};
  q.scope = scope;
  q.limit = 1;
  auto found = store.List(*model::FindResource("companies"), q);
  if (!found.ok()) return found.error();
  if (found->items.empty()) return Error::NotFound("no company " + code, "company");
  return found->items.front().id;
}

}  // namespace

void AddImportRoutes(adapters::http::Router& router, ports::RecordStore& store,
                     const ports::Clock& clock, Authorizer authorize,
                     services::JobRunner* jobs) {
  router.Add(
      "POST", "/api/v1/import/households",
      [&store, &clock, authorize, jobs](const adapters::http::Request& req) {
        auto access = authorize(req, *model::FindResource("households"), Verb::kWrite);
        if (!access.ok()) return adapters::http::ErrorResponse(access.error());
        auto rooms = authorize(req, *model::FindResource("rooms"), Verb::kWrite);
        if (!rooms.ok()) return adapters::http::ErrorResponse(rooms.error());
        if (auto s = adapters::http::OnlyParams(req, {"company", "async"}); !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        auto company = req.query.find("company");
        if (company == req.query.end() || company->second.empty()) {
          return adapters::http::ErrorResponse(
              Error::InvalidArgument("missing query parameter company (its code)", "company"));
        }
        bool async = false;
        if (auto a = req.query.find("async"); a != req.query.end()) {
          if (a->second != "true" && a->second != "false") {
            return adapters::http::ErrorResponse(
                Error::InvalidArgument("async must be true or false", "async"));
          }
          async = a->second == "true" && jobs != nullptr;
        }
        if (!async) {
          auto counts = services::ImportService(store, clock, adapters::csv::ReadHouseholdImport)
                            .ImportHouseholds(company->second, req.body, access->scope,
                                              access->actor);
          if (!counts.ok()) return adapters::http::ErrorResponse(counts.error());
          return adapters::http::Json(200, CountsJson(*counts));
        }
        // Issue 14: a large file as a job, its progress the households written of the file's.
        auto id = CompanyOf(store, company->second, access->scope);
        if (!id.ok()) return adapters::http::ErrorResponse(id.error());
        ports::Job job;
        job.kind = "household-import";
        job.company_id = *id;
        job.params_json =
            ordered_json{{"company", company->second}, {"bytes", req.body.size()}}.dump();
        job.started_by = access->actor;
        auto csv = std::make_shared<const std::string>(req.body);
        services::JobRunner::Work work = [&store, &clock, csv, code = company->second,
                                          scope = access->scope, actor = access->actor](
                                             const services::Progress& progress)
            -> Result<std::string> {
          auto counts = services::ImportService(store, clock, adapters::csv::ReadHouseholdImport)
                            .ImportHouseholds(code, *csv, scope, actor, progress);
          if (!counts.ok()) return counts.error();
          return CountsJson(*counts).dump();
        };
        auto started = jobs->Start(std::move(job), std::move(work));
        if (!started.ok()) return adapters::http::ErrorResponse(started.error());
        return JobAccepted(*started);
      },
      adapters::http::RouteDoc{
          .summary = "Create or update a company's households and rooms from a CSV "
                     "file, all or nothing; every problem is listed with its line and "
                     "column. With async=true it answers 202 with a job of kind "
                     "household-import (GET /api/v1/jobs/{id}: households written of the "
                     "file's; its result the counts, or its error the problems)",
          .query = {"company", "async"},
          .request_schema = "csv",
          .response_schema = "ImportCounts",
          .list = false});
}

}  // namespace hearth::app::http
