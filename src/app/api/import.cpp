#include "app/api/import.hpp"

#include <cctype>

#include "services/import_service.hpp"

namespace hearth::app::api {
namespace {

// CSV, or no declared type (curl --data-binary sends form encoding unless told otherwise, so
// that one is tolerated too); JSON and the like are a mistake worth naming.
Status CheckCsvBody(const http::Request& req) {
  auto it = req.headers.find("content-type");
  if (it == req.headers.end()) return OkStatus();
  std::string type = it->second.substr(0, it->second.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type.empty() || type == "text/csv" || type == "text/plain" ||
      type == "application/octet-stream" || type == "application/x-www-form-urlencoded") {
    return OkStatus();
  }
  return Error::InvalidArgument("the body must be the CSV file (Content-Type: text/csv), not " +
                                    type,
                                "body");
}

}  // namespace

void AddImportRoutes(http::Router& router, ports::RecordStore& store, Authorizer authorize) {
  router.Add(
      "POST", "/api/v1/import/households",
      [&store, authorize](const http::Request& req) {
        auto access = authorize(req, *model::FindResource("households"), Verb::kWrite);
        if (!access.ok()) return http::ErrorResponse(access.error());
        auto rooms = authorize(req, *model::FindResource("rooms"), Verb::kWrite);
        if (!rooms.ok()) return http::ErrorResponse(rooms.error());
        if (auto s = http::OnlyParams(req, {"company"}); !s.ok()) {
          return http::ErrorResponse(s.error());
        }
        auto company = req.query.find("company");
        if (company == req.query.end() || company->second.empty()) {
          return http::ErrorResponse(
              Error::InvalidArgument("missing query parameter company (its code)", "company"));
        }
        if (auto s = CheckCsvBody(req); !s.ok()) return http::ErrorResponse(s.error());
        auto counts = services::ImportService(store).ImportHouseholds(
            company->second, req.body, access->scope, access->actor);
        if (!counts.ok()) return http::ErrorResponse(counts.error());
        return http::Json(200, nlohmann::ordered_json{{"created", counts->created},
                                                      {"updated", counts->updated},
                                                      {"unchanged", counts->unchanged}});
      },
      http::RouteDoc{.summary = "Create or update a company's households and rooms from a CSV "
                                "file, all or nothing; every problem is listed with its line and "
                                "column",
                     .query = {"company"},
                     .request_schema = "csv",
                     .response_schema = "",
                     .list = false});
}

}  // namespace hearth::app::api
