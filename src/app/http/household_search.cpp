#include "app/http/household_search.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "adapters/json/record_json.hpp"
#include "app/http/auth.hpp"
#include "app/http/paging.hpp"
#include "services/record_service.hpp"

namespace hearth::app::http {

void AddHouseholdSearchRoutes(adapters::http::Router& router, ports::RecordStore& store,
                              const ports::Clock& clock, services::AuthService& auth) {
  auto service = std::make_shared<services::RecordService>(store, clock);
  router.Add(
      "GET", "/api/v1/households/search",
      [service, &auth](const adapters::http::Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        if (auto s = adapters::http::OnlyParams(req, {"q", "cursor", "limit"}); !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        auto page = ReadPage(req);
        if (!page.ok()) return adapters::http::ErrorResponse(page.error());
        auto q = req.query.find("q");
        auto found = service->SearchHouseholds(
            *p, {q == req.query.end() ? std::string() : q->second, page->cursor, page->limit});
        if (!found.ok()) return adapters::http::ErrorResponse(found.error());
        const model::Resource& households = *model::FindResource("households");
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const auto& rec : found->items) {
          items.push_back(adapters::json::RecordToJson(households, rec));
        }
        return adapters::http::Json(200, PageJson(std::move(items), found->next_cursor));
      },
      {.summary = "Find a caller: the households whose household number, address, building "
                  "community or building address holds every space-separated term of q (2–100 "
                  "characters; ASCII case ignored), and whose phone does, for roles that see "
                  "phones in full (not the regulator, which sees them masked); not for "
                  "households (403). Masked as GET /api/v1/households masks them",
       .query = {"q", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "household",
       .list = true});
}

}  // namespace hearth::app::http
