#include "app/http/price_notices.hpp"

#include "app/http/actor.hpp"
#include "app/http/auth.hpp"
#include "app/http/filters.hpp"
#include "app/http/paging.hpp"
#include "core/decimal.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::OnlyParams;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json NoticeJson(const services::PriceNoticeRead& r) {
  const ports::PriceNotice& n = r.notice;
  return {{"id", n.id},
          {"tariff_id", n.tariff_id},
          {"company_id", n.company_id},
          {"billing", n.billing},
          {"price", FormatFen(n.price_fen)},
          {"valid_from", FormatDate(n.valid_from)},
          {"text", n.text},
          {"households", n.households},
          {"announced_at", FormatLocal(n.announced_at)},
          {"announced_by", n.announced_by},
          {"late", r.late}};
}

}  // namespace

void AddPriceNoticeRoutes(adapters::http::Router& router,
                          const services::PriceNoticeService& service, ports::RecordStore& records,
                          services::AuthService& auth) {
  router.Add("POST", "/api/v1/tariffs/{id}/notice",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto n = service.Announce(id, ActorOf(p));
                    if (!n.ok()) return ErrorResponse(n.error());
                    return Json(201, NoticeJson(*n));
                  }),
             {.summary = "Announce a tariff to every household of its company billed on its basis "
                         "(W 9.2.1 价格调整时应及时告知热用户): the admin or a manager, once; "
                         "late when told on or after its first day",
              .query = {},
              .request_schema = "",
              .response_schema = "PriceNotice",
              .status = 201});

  router.Add("GET", "/api/v1/tariffs/{id}/notice",
             ById(auth,
                  [&service](const Request&, const services::Principal& p, int64_t id) {
                    auto n = service.OfTariff(id, ActorOf(p));
                    if (!n.ok()) return ErrorResponse(n.error());
                    return Json(200, NoticeJson(*n));
                  }),
             {.summary = "A tariff's price notice: what the households were told, and when",
              .query = {},
              .request_schema = "",
              .response_schema = "PriceNotice"});

  router.Add(
      "GET", "/api/v1/price-notices",
      [&service, &records, &auth](const Request& req) {
        auto p = RequirePrincipal(req, auth);
        if (!p.ok()) return AuthErrorResponse(p.error());
        const services::OrderActor actor = ActorOf(*p);
        if (auto s = OnlyParams(req, {"company", "company_id", "cursor", "limit"}); !s.ok()) {
          return ErrorResponse(s.error());
        }
        ports::PriceNoticeQuery q;
        if (!actor.scope.household_id) {
          auto company = CompanyFilter(req, records, actor.scope);
          if (!company.ok()) return ErrorResponse(company.error());
          q.company_id = *company;
        }
        auto page = ReadPage(req);
        if (!page.ok()) return ErrorResponse(page.error());
        q.before = page->cursor;
        q.limit = page->limit + 1;
        auto list = service.List(q, actor);
        if (!list.ok()) return ErrorResponse(list.error());
        return Json(200, KeyedPage(*list, page->limit, NoticeJson,
                                   [](const services::PriceNoticeRead& n) { return n.notice.id; }));
      },
      {.summary = "Price-change notices, newest first, each with how many households were told "
                  "and whether it came late (W 9.2.1)",
       .query = {"company", "cursor", "limit"},
       .request_schema = "",
       .response_schema = "PriceNotice",
       .list = true});
}

}  // namespace hearth::app::http
