// Public service information (R-INFO-1): the time limits, standards and refund rules published
// are generated from the profile's own numbers, so the page cannot disagree with the engine; the
// texts for each period unit, temperature and date; every item cites its clause.
#include "rules/public_info.hpp"

#include <gtest/gtest.h>

#include <map>

namespace hearth::rules {
namespace {

Period P(PeriodUnit unit, int amount, const char* source) {
  return {unit, amount, {source, false, ""}};
}

Policy TestPolicy() {
  Policy p;
  using U = PeriodUnit;
  auto& d = p.deadlines;
  d.reply = {{Channel::kCityHotline, P(U::kWorkingDays, 5, "W 10.1.4")},
             {Channel::kUrgent, P(U::kHours, 24, "W 10.1.4")},
             {Channel::kPhone, P(U::kWorkingDays, 5, "W 10.1.4")}};
  d.reply_extension = {{Channel::kCityHotline, P(U::kWorkingDays, 10, "W 10.1.4")}};
  d.response = P(U::kMinutes, 30, "W 10.1.4");
  d.response_early_season = P(U::kMinutes, 90, "W 10.1.4");
  d.response_early_season_days.value = 15;
  d.return_visit = P(U::kCalendarDays, 3, "W 10.1.6");
  d.leak = P(U::kHours, 1, "W 10.2.3");
  d.arrival = P(U::kMinutes, 30, "W 10.2.4 a)");
  d.outage_notice_lead = P(U::kHours, 48, "Z 2.4");
  d.outage_notice_over_hours.value = 24;
  d.emergency_notice = P(U::kImmediate, 0, "R-OUT-1");
  d.refund_payment = {{6, 30}, {"W 10.4", false, ""}};
  d.insurance_payout = P(U::kWorkingDays, 30, "W 13.5");
  d.connection_with_outside_works = P(U::kWorkingDays, 3, "W 9.1.4");
  d.connection_without_outside_works = P(U::kWorkingDays, 1, "W 9.1.4");
  d.connection_application = {{7, 31}, {"Z 2.3", true, ""}};
  p.temperature.guarantee = {180, {"W 5.1", false, ""}};
  p.temperature.design_outdoor = {-54, {"GB 50736-2012", false, ""}};
  p.temperature.usage_rate.community_min = {30, {"Z 2.2", true, ""}};
  p.temperature.usage_rate.partition_full = {70, {"Z 2.2", true, ""}};
  p.season.official_start = {{11, 15}, {"R-SEASON-1", true, ""}};
  p.season.official_end = {{3, 15}, {"R-SEASON-1", true, ""}};
  p.refund.tiers = {{-20, 20}, {-60, 50}, {std::nullopt, 100}};
  p.refund.tiers_basis = {"Z 2.4", true, ""};
  p.refund.unheated_share_percent = {100, {"Z 2.4", true, ""}};
  p.refund.outage_unheated_hours = {12, {"R-REFUND-2", true, ""}};
  p.refund.meter_temperature_share = {false, {"Z 2.4", false, ""}};
  return p;
}

std::map<std::string, PublicItem> ByKey(const std::vector<PublicItem>& items) {
  std::map<std::string, PublicItem> out;
  for (const auto& i : items) {
    EXPECT_TRUE(out.emplace(i.key, i).second) << "twice: " << i.key;
    EXPECT_FALSE(i.title.empty()) << i.key;
    EXPECT_FALSE(i.text.empty()) << i.key;
    EXPECT_FALSE(i.basis.source.empty()) << i.key << " cites no clause";
  }
  return out;
}

TEST(PublicInfo, Texts) {
  const struct {
    Period period;
    const char* text;
  } periods[] = {{P(PeriodUnit::kWorkingDays, 30, ""), "30个工作日"},
                 {P(PeriodUnit::kCalendarDays, 3, ""), "3日"},
                 {P(PeriodUnit::kHours, 24, ""), "24小时"},
                 {P(PeriodUnit::kMinutes, 30, ""), "30分钟"},
                 {P(PeriodUnit::kImmediate, 0, ""), "立即"}};
  for (const auto& row : periods) EXPECT_EQ(PeriodText(row.period), row.text);
  EXPECT_EQ(TenthsText(180), "18.0 °C");
  EXPECT_EQ(TenthsText(-54), "-5.4 °C");
  EXPECT_EQ(TenthsText(-5), "-0.5 °C");
  EXPECT_EQ(MonthDayText({7, 31}), "7月31日");
}

// Each procedure's limit is the profile's period, as the deadline engine counts it.
TEST(PublicInfo, ProceduresFollowTheProfile) {
  Policy policy = TestPolicy();
  auto items = ByKey(PublicProcedures(policy));
  const std::map<std::string, std::string> expected = {
      {"connection-application", "当年7月31日前申请，可于当年采暖季供热；逾期顺延至下一采暖季"},
      {"connection-decision.outside-works", "3个工作日内"},
      {"connection-decision", "1个工作日内"},
      {"reply.city-hotline", "5个工作日内答复；情况复杂的可延期一次，延期后10个工作日内答复"},
      {"reply.urgent", "24小时内答复"},
      {"reply.phone", "5个工作日内答复"},
      {"response", "30分钟内"},
      {"response.early-season", "90分钟内"},
      {"leak", "1小时内开始处置"},
      {"arrival", "30分钟内"},
      {"return-visit", "3日内"},
      {"outage-notice", "停热超过24小时的，提前48小时公告"},
      {"emergency-notice", "立即"},
      {"refund-payment", "采暖季结束后次年6月30日前支付，或按住户选择冲抵下一采暖季热费"},
      {"insurance-payout", "双方就赔偿数额达成一致后30个工作日内支付"},
  };
  EXPECT_EQ(items.size(), expected.size());
  for (const auto& [key, text] : expected) {
    ASSERT_TRUE(items.count(key)) << key;
    EXPECT_EQ(items.at(key).text, text) << key;
  }
  EXPECT_EQ(items.at("response.early-season").title, "报修响应（正式供热后前15日）");
  EXPECT_EQ(items.at("insurance-payout").basis.Display(), "W 13.5");
  EXPECT_EQ(items.at("connection-application").basis.Display(), "platform default (Z 2.3)");

  // A profile with other numbers publishes other limits.
  policy.deadlines.insurance_payout = P(PeriodUnit::kWorkingDays, 20, "X 1");
  policy.deadlines.reply_extension.clear();
  auto changed = ByKey(PublicProcedures(policy));
  EXPECT_EQ(changed.at("insurance-payout").text, "双方就赔偿数额达成一致后20个工作日内支付");
  EXPECT_EQ(changed.at("reply.city-hotline").text, "5个工作日内答复");
}

TEST(PublicInfo, StandardsAndRefundTiers) {
  auto standards = ByKey(PublicStandards(TestPolicy()));
  EXPECT_EQ(standards.at("guarantee").text,
            "供热期间卧室、起居室室内温度不低于18.0 °C；合同约定更高温度的，从其约定");
  // R-TEMP-2 (Z 2.2): below the usage rates the contract's temperature applies, even a lower one.
  EXPECT_EQ(standards.at("usage-rate").text,
            "小区用热率低于30%或单元用热率低于70%的，执行供用热双方合同约定的温度");
  EXPECT_EQ(standards.at("usage-rate").basis.Display(), "platform default (Z 2.2)");
  EXPECT_EQ(standards.at("design-outdoor").text, "日平均气温不低于-5.4 °C时，企业应保证上述室温");
  EXPECT_EQ(standards.at("season").text,
            "11月15日至次年3月15日；当年日期以政府公布为准，企业提前公告");

  auto rights = ByKey(PublicRights(TestPolicy()));
  // R-REFUND-1's tiers against 18 °C: [16, 18) 20 %, [12, 16) 50 %, below 12 100 %.
  // Z 2.4: for households billed by area, for the company's reasons.
  EXPECT_EQ(
      rights.at("refund.tier-1").text,
      "按面积收费的住户，因企业原因室温在16.0 °C（含）至18.0 °C之间的日子，退还当日热费的20%");
  EXPECT_EQ(
      rights.at("refund.tier-2").text,
      "按面积收费的住户，因企业原因室温在12.0 °C（含）至16.0 °C之间的日子，退还当日热费的50%");
  EXPECT_EQ(rights.at("refund.tier-3").text,
            "按面积收费的住户，因企业原因室温低于12.0 °C的日子，退还当日热费的100%");
  EXPECT_EQ(rights.at("refund.unheated").text, "因企业原因一日停热满12小时的，退还当日热费的100%");
  // The 12 hours are the platform's (R-REFUND-2), the 100 % Z 2.4's.
  EXPECT_EQ(rights.at("refund.unheated").basis.Display(), "platform default (Z 2.4, R-REFUND-2)");
  EXPECT_EQ(rights.at("refund.meter").text,
            "不适用上述室温退费；企业原因停热的日子，按上条退还基本热费");
  EXPECT_EQ(rights.at("measurement").basis.Display(), "W 10.3 (10.1 a)");
  Policy meter_refunded = TestPolicy();
  meter_refunded.refund.meter_temperature_share.value = true;
  EXPECT_EQ(ByKey(PublicRights(meter_refunded)).count("refund.meter"), 0u);
  ByKey(PublicDuties());
}

}  // namespace
}  // namespace hearth::rules
