#include "adapters/json/refund_json.hpp"

namespace hearth::adapters::json {

nlohmann::ordered_json RefundToJson(const rules::SeasonDates& season,
                                    const rules::SeasonRefund& refund) {
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (const rules::RefundedDay& d : refund.days) {
    nlohmann::ordered_json day;
    day["date"] = FormatDate(d.date);
    day["share_percent"] = d.share_percent;
    day["reason"] = d.reason;
    days.push_back(std::move(day));
  }
  nlohmann::ordered_json j;
  j["season"] = season.Label();
  j["official_days"] = refund.official_days;
  j["fee_fen"] = refund.fee_fen;
  j["refund_fen"] = refund.refund_fen;
  j["days"] = std::move(days);
  return j;
}

}  // namespace hearth::adapters::json
