// R-REFUND-3 output: the documented key order and the days with a share.
#include "adapters/json/refund_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

TEST(RefundJson, KeysInTheDocumentedOrder) {
  rules::SeasonPolicy dates;
  dates.official_start.value = {11, 15};
  dates.official_end.value = {3, 15};
  const rules::SeasonDates season = rules::SeasonOf(dates, 2025);
  rules::SeasonRefund refund;
  refund.official_days = 121;
  refund.fee_fen = 264000;
  refund.refund_fen = 1309;
  refund.days.push_back({*ParseDate("2025-12-01"), 20, rules::RefundCause::kTemperature,
                         "unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)"});
  EXPECT_EQ(RefundToJson(season, refund).dump(),
            R"({"season":"2025-2026","official_days":121,"fee_fen":264000,"refund_fen":1309,)"
            R"("days":[{"date":"2025-12-01","share_percent":20,)"
            R"j("reason":"unqualified: 17.5 °C against 18.0 °C guaranteed (20 %)"}]})j");
  refund.days.clear();
  EXPECT_EQ(RefundToJson(season, refund)["days"].dump(), "[]");
}

}  // namespace
}  // namespace hearth::adapters::json
