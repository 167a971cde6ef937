// /api/v1/calendar/imports: the holiday years imported at run time (R-CAL-1, issue 11). An admin
// posts a calendar file (the shape of data/calendar/cn-holidays.json); a file with problems is
// answered 400 with every problem listed in the message, one per line, and nothing is stored.
#include "adapters/json/calendar_import_json.hpp"
#include "app/http/admin.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json ImportJson(const ports::CalendarImport& imp) {
  ordered_json years = ordered_json::array();
  size_t entries = 0, holidays = 0;
  for (const auto& y : imp.years) {
    years.push_back(y.year);
    entries += y.entries.size();
    for (const auto& e : y.entries) holidays += e.off ? 1 : 0;
  }
  return {{"id", imp.id},
          {"imported_at", imp.imported_at},
          {"source", imp.source},
          {"replace", imp.replace},
          {"years", years},
          {"holidays", holidays},
          {"make_up_days", entries - holidays}};
}

// `replace`: "true" or "false" (the default).
Result<bool> ReplaceParam(const Request& req) {
  auto it = req.query.find("replace");
  if (it == req.query.end() || it->second == "false") return false;
  if (it->second == "true") return true;
  return Error::InvalidArgument("replace must be true or false", "replace");
}

}  // namespace

void AddCalendarImportRoutes(adapters::http::Router& router, services::CalendarService& calendar,
                             services::AuthService& auth) {
  adapters::http::RouteDoc list_doc;
  list_doc.summary =
      "The calendar imports, oldest first (admin, regulator): source, whether it replaced its "
      "years, the years, and how many holidays and make-up working days; paged with cursor and "
      "limit";
  list_doc.query = {"cursor", "limit"};
  list_doc.response_schema = "CalendarImport";
  list_doc.list = true;
  router.Add(
      "GET", "/api/v1/calendar/imports",
      [&calendar, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != rules::Role::kAdmin && p->role != rules::Role::kRegulator) {
          return ErrorResponse(
              Error::PermissionDenied("calendar imports are for admins and regulators"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"cursor", "limit"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        auto page = ReadPage(req, 50, 1000);
        if (!page.ok()) return ErrorResponse(page.error());
        auto imports = calendar.Imports();
        if (!imports.ok()) return ErrorResponse(imports.error());
        // Few and small: read whole, paged by id.
        ordered_json items = ordered_json::array();
        std::optional<int64_t> next;
        for (const auto& imp : *imports) {
          if (page->cursor && imp.id <= *page->cursor) continue;
          if (static_cast<int>(items.size()) == page->limit) {
            next = items.back()["id"].get<int64_t>();
            break;
          }
          items.push_back(ImportJson(imp));
        }
        return adapters::http::Json(200, PageJson(std::move(items), next));
      },
      list_doc);

  adapters::http::RouteDoc post_doc;
  post_doc.summary =
      "Import holiday years (admin): the body is a calendar file like "
      "data/calendar/cn-holidays.json; replace=true replaces the given years wholly, else "
      "entries merge by date. A file with problems is answered 400 listing every problem with "
      "its JSON path, one per line, and nothing is stored. Audited; a running server uses the "
      "years at once";
  post_doc.query = {"replace"};
  post_doc.request_schema = "CalendarFile";
  post_doc.response_schema = "CalendarImport";
  post_doc.status = 201;
  router.Add(
      "POST", "/api/v1/calendar/imports",
      [&calendar, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (p->role != rules::Role::kAdmin) {
          return ErrorResponse(Error::PermissionDenied("the calendar is imported by admins"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"replace"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        auto replace = ReplaceParam(req);
        if (!replace.ok()) return ErrorResponse(replace.error());
        auto imported = calendar.Import(req.body, adapters::json::DecodeCalendarImport,
                                        "POST /api/v1/calendar/imports by " + p->username, *replace,
                                        p->username);
        if (!imported.ok()) return ErrorResponse(imported.error());
        return adapters::http::Json(201, ImportJson(*imported));
      },
      post_doc);
}

}  // namespace hearth::app::http
