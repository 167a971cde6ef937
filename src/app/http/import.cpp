#include "app/http/import.hpp"

#include <cctype>

#include "adapters/csv/household_import_csv.hpp"
#include "services/import_service.hpp"

namespace hearth::app::http {
namespace {

}  // namespace

void AddImportRoutes(adapters::http::Router& router, ports::RecordStore& store,
                     Authorizer authorize) {
  router.Add(
      "POST", "/api/v1/import/households",
      [&store, authorize](const adapters::http::Request& req) {
        auto access = authorize(req, *model::FindResource("households"), Verb::kWrite);
        if (!access.ok()) return adapters::http::ErrorResponse(access.error());
        auto rooms = authorize(req, *model::FindResource("rooms"), Verb::kWrite);
        if (!rooms.ok()) return adapters::http::ErrorResponse(rooms.error());
        if (auto s = adapters::http::OnlyParams(req, {"company"}); !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        auto company = req.query.find("company");
        if (company == req.query.end() || company->second.empty()) {
          return adapters::http::ErrorResponse(
              Error::InvalidArgument("missing query parameter company (its code)", "company"));
        }
        auto counts =
            services::ImportService(store, adapters::csv::ReadHouseholdImport)
                .ImportHouseholds(company->second, req.body, access->scope, access->actor);
        if (!counts.ok()) return adapters::http::ErrorResponse(counts.error());
        return adapters::http::Json(200, nlohmann::ordered_json{{"created", counts->created},
                                                                {"updated", counts->updated},
                                                                {"unchanged", counts->unchanged}});
      },
      adapters::http::RouteDoc{
          .summary = "Create or update a company's households and rooms from a CSV "
                     "file, all or nothing; every problem is listed with its line and "
                     "column",
          .query = {"company"},
          .request_schema = "csv",
          .response_schema = "",
          .list = false});
}

}  // namespace hearth::app::http
