#include "app/http/public_info.hpp"

#include "app/http/answer_json.hpp"
#include "core/decimal.hpp"
#include "model/resources.hpp"
#include "rules/season.hpp"
#include "services/public_info.hpp"

namespace hearth::app::http {
namespace {

using adapters::http::ErrorResponse;
using adapters::http::Json;
using adapters::http::Request;
using nlohmann::ordered_json;

ordered_json Items(const std::vector<rules::PublicItem>& items) {
  ordered_json out = ordered_json::array();
  for (const auto& i : items) {
    out.push_back(
        {{"key", i.key}, {"title", i.title}, {"text", i.text}, {"basis", i.basis.Display()}});
  }
  return out;
}

/// How to pay: the methods a payment is recorded with (records `payments`), but an offset.
ordered_json PaymentMethods() {
  const std::map<std::string, std::string> zh = {
      {"cash", "营业厅现金"}, {"bank", "银行代收或转账"}, {"wechat", "微信"}, {"alipay", "支付宝"}};
  ordered_json out = ordered_json::array();
  const model::Field* method = model::FindResource("payments")->Find("method");
  for (const auto& v : method->values) {
    if (v == "offset") continue;  // not a way to pay: a refund set against a bill
    auto it = zh.find(v);
    out.push_back({{"method", v}, {"name", it == zh.end() ? v : it->second}});
  }
  return out;
}

ordered_json InfoJson(const services::PublicCompanyInfo& info, int season) {
  ordered_json contacts = ordered_json::array();
  for (const auto& c : info.contacts) {
    contacts.push_back({{"kind", c.kind},
                        {"name", c.name},
                        {"phone", c.phone},
                        {"address", OrNull(c.address)},
                        {"hours", OrNull(c.hours)}});
  }
  ordered_json seasons = ordered_json::array();
  for (const auto& s : info.seasons) {
    seasons.push_back({{"district_code", s.district_code},
                       {"district_name", s.district_name},
                       {"official_start", FormatDate(s.official_start)},
                       {"official_end", FormatDate(s.official_end)},
                       {"early_start", OrNull(s.early_start)},
                       {"extension_end", OrNull(s.extension_end)},
                       {"decided", s.decided}});
  }
  ordered_json prices = ordered_json::array();
  for (const auto& p : info.prices) {
    prices.push_back({{"name", p.name},
                      {"billing", p.billing},
                      {"price", FormatFen(p.price_fen)},
                      {"unit", p.billing == "meter" ? "元/GJ" : "元/平方米·采暖季"},
                      {"valid_from", FormatDate(p.valid_from)},
                      {"valid_to", OrNull(p.valid_to)},
                      {"approval", OrNull(p.approval)}});
    if (p.base_price_fen) {
      prices.back()["base_price"] = FormatFen(*p.base_price_fen);  // 元/平方米·采暖季
    }
  }
  return {{"company",
           {{"code", info.code}, {"name", info.name}, {"licence_no", OrNull(info.licence_no)}}},
          {"policy", info.policy},
          {"contacts", std::move(contacts)},
          {"season", season},
          {"seasons", std::move(seasons)},
          {"prices", std::move(prices)},
          {"payment_methods", PaymentMethods()},
          {"procedures", Items(info.procedures)},
          {"standards", Items(info.standards)},
          {"rights", Items(info.rights)},
          {"duties", Items(info.duties)}};
}

}  // namespace

void AddPublicInfoRoutes(adapters::http::Router& router, ports::RecordStore& records,
                         const services::PolicyRegistry& policies, const ports::Clock& clock) {
  router.Add(
      "GET", "/api/v1/public/companies/{code}",
      [&records, &policies, &clock](const Request& req) {
        if (auto s = adapters::http::OnlyParams(req, {}); !s.ok()) return ErrorResponse(s.error());
        const std::string& code = req.params.at("code");
        if (code.empty() || code.size() > 100) {
          return ErrorResponse(Error::InvalidArgument("code must be a company's code", "code"));
        }
        const Date today = LocalDate(clock.Now());
        auto info = services::PublicInfoOf(records, policies, code, today);
        if (!info.ok()) return ErrorResponse(info.error());
        return Json(200, InfoJson(*info, rules::SeasonYearOf(today)));
      },
      {.summary = "A company's public service information, for anyone without signing in "
                  "(R-INFO-1, W 4.5, W 12.2): service numbers and halls, the season's dates, "
                  "prices and how to pay, and the procedures with their time limits, the quality "
                  "standard, rights and duties, each with its clause, from the company's policy "
                  "profile",
       .query = {},
       .request_schema = "",
       .response_schema = "PublicCompanyInfo"});
}

}  // namespace hearth::app::http
