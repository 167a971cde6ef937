#include "app/http/usage_rates.hpp"

#include <nlohmann/json.hpp>

#include "app/http/filters.hpp"
#include "app/http/paging.hpp"

namespace hearth::app::http {
namespace {

// Percent with two decimals, rounded half up, from exact integers.
double RatePercent(int64_t heated, int64_t total) {
  if (total <= 0) return 0;
  int64_t basis_points = (heated * 20000 + total) / (2 * total);
  return static_cast<double>(basis_points) / 100.0;
}

}  // namespace

void AddUsageRateRoutes(adapters::http::Router& router, ports::RecordStore& store,
                        Authorizer authorize) {
  router.Add(
      "GET", "/api/v1/usage-rates",
      [&store, authorize = std::move(authorize)](const adapters::http::Request& req) {
        auto access = authorize(req, *model::FindResource("households"), Verb::kRead);
        if (!access.ok()) return adapters::http::ErrorResponse(access.error());
        if (access->scope.household_id) {
          return adapters::http::ErrorResponse(
              Error::PermissionDenied("usage rates are for company staff and regulators"));
        }
        if (auto s = adapters::http::OnlyParams(req, {"by", "company", "company_id", "cursor",
                                                      "limit"});
            !s.ok()) {
          return adapters::http::ErrorResponse(s.error());
        }
        auto page = ReadPage(req);
        if (!page.ok()) return adapters::http::ErrorResponse(page.error());
        auto by_it = req.query.find("by");
        std::string by = by_it == req.query.end() ? "partition" : by_it->second;
        if (by != "partition" && by != "community") {
          return adapters::http::ErrorResponse(
              Error::InvalidArgument("by must be partition or community", "by"));
        }
        ports::Scope scope = access->scope;
        auto company = CompanyFilter(req, store, scope);
        if (!company.ok()) return adapters::http::ErrorResponse(company.error());
        scope.company_id = *company;
        auto rows = store.UsageRates(
            by == "partition" ? ports::UsageGrouping::kPartition : ports::UsageGrouping::kCommunity,
            scope);
        if (!rows.ok()) return adapters::http::ErrorResponse(rows.error());
        nlohmann::ordered_json items = nlohmann::ordered_json::array();
        for (const auto& u : *rows) {
          nlohmann::ordered_json item{{"company_id", u.company_id}, {"community", u.community}};
          if (by == "partition") {
            item["partition_id"] = u.partition_id;
            item["partition"] = u.partition_code;
            item["building_id"] = u.building_id;
          }
          item["households"] = u.households;
          item["heated_households"] = u.heated_households;
          item["heated_area_m2"] = static_cast<double>(u.heated_centi) / 100.0;
          item["total_area_m2"] = static_cast<double>(u.total_centi) / 100.0;
          item["rate_percent"] = RatePercent(u.heated_centi, u.total_centi);
          items.push_back(std::move(item));
        }
        return adapters::http::Json(200, PositionPage(items, *page));
      },
      {.summary = "Heat-usage rates by partition or community (R-TEMP-2), derived from the "
                  "households' heating status and area",
       .query = {"by", "company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "UsageRate",
       .list = true});
}

}  // namespace hearth::app::http
