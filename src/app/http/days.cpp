// GET /api/v1/households/{id}/days: each day judged (R-TEMP-1..5, R-REFUND-1..5), with its
// company-caused stop hours (R-REFUND-2) and the household-caused finding covering it (R-REFUND-4).
#include <nlohmann/json.hpp>

#include "adapters/json/monitoring_json.hpp"
#include "app/http/answer_json.hpp"
#include "app/http/monitoring.hpp"

namespace hearth::app::http {
namespace {

using nlohmann::ordered_json;

ordered_json TenthsOrNull(const std::optional<rules::Tenths>& v) {
  return v ? ordered_json(*v / 10.0) : ordered_json(nullptr);
}

ordered_json DayJson(const services::JudgedDay& d) {
  ordered_json evidence{{"source", rules::EvidenceSourceName(d.source)}};
  if (d.measured_on) evidence["measured_on"] = FormatDate(*d.measured_on);
  if (d.measurement_id) evidence["measurement_id"] = *d.measurement_id;
  evidence["room"] = OrNull(d.room);
  evidence["rooms"] = adapters::json::RoomSummariesJson<ordered_json>(d.rooms);
  return {{"date", FormatDate(d.date)},
          {"value", TenthsOrNull(d.value)},
          {"guarantee", TenthsOrNull(d.guarantee)},
          {"status", rules::DayStatusName(d.status)},
          {"share_percent", d.share_percent},
          {"reason", d.reason},
          {"in_season", d.in_season},
          {"extra_day", d.extra_day},
          {"outdoor_mean", TenthsOrNull(d.outdoor_mean)},
          {"outage_hours", d.outage / 100.0},  // company-caused stops (R-REFUND-2)
          {"finding_id", OrNull(d.finding_id)},
          {"evidence", std::move(evidence)}};
}

Result<Date> DateParam(const adapters::http::Request& req, const std::string& name, Date fallback) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  auto d = ParseDate(it->second);
  if (!d.ok()) return Error::InvalidArgument(name + ": " + d.error().message, name);
  return *d;
}

adapters::http::Response Get(const adapters::http::Request& req,
                             const services::JudgingService& judging, ports::RecordStore& records,
                             const Authorizer& authorize, const ports::Clock& clock) {
  const model::Resource& households = *model::FindResource("households");
  auto access = authorize(req, households, Verb::kRead);
  if (!access.ok()) return AuthErrorResponse(access.error());
  if (auto s = adapters::http::OnlyParams(req, {"from", "to"}); !s.ok()) {
    return adapters::http::ErrorResponse(s.error());
  }
  const std::string& id_text = req.params.at("id");
  auto parsed_id = adapters::http::ParseDigits(id_text);
  if (!parsed_id)
    return adapters::http::ErrorResponse(Error::NotFound("no household " + id_text, "id"));
  const int64_t id = *parsed_id;
  // The household record decides visibility: outside the caller's scope it is not_found.
  if (auto h = records.Get(households, id, access->scope); !h.ok()) {
    return adapters::http::ErrorResponse(h.error());
  }
  // Without `to`: today; without `from`: the 30 days up to `to`.
  auto to = DateParam(req, "to", LocalDate(clock.Now()));
  if (!to.ok()) return adapters::http::ErrorResponse(to.error());
  auto from = DateParam(req, "from", *to - std::chrono::days{29});
  if (!from.ok()) return adapters::http::ErrorResponse(from.error());
  auto judged = judging.Judge(id, *from, *to);
  if (!judged.ok()) return adapters::http::ErrorResponse(judged.error());
  ordered_json items = ordered_json::array();
  for (const auto& d : judged->days) items.push_back(DayJson(d));
  return adapters::http::Json(200, {{"household_id", id},
                                    {"policy", judged->policy},
                                    {"guarantee_case", judged->guarantee_case},
                                    {"guarantee_reason", judged->guarantee_reason},
                                    {"items", std::move(items)}});
}

}  // namespace

void AddDayRoutes(adapters::http::Router& router, const services::JudgingService& judging,
                  ports::RecordStore& records, Authorizer authorize, const ports::Clock& clock) {
  router.Add(
      "GET", "/api/v1/households/{id}/days",
      [&judging, &records, authorize, &clock](const adapters::http::Request& req) {
        return Get(req, judging, records, authorize, clock);
      },
      {.summary = "A household's days from..to (YYYY-MM-DD, inclusive; default the 30 days to "
                  "today; at most 366): the daily value, the guarantee (R-TEMP-2), the status "
                  "(qualified, unqualified, exempt, not-judged: R-TEMP-5), the refund share and "
                  "its reason (R-REFUND-1), and the evidence (remote, manual, manual-period, "
                  "none: R-REFUND-5); pending readings are rolled up first",
       .query = {"from", "to"},
       .request_schema = "",
       .response_schema = "HouseholdDays",
       .list = false});
}

}  // namespace hearth::app::http
