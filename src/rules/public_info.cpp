#include "rules/public_info.hpp"

#include <cstdlib>

#include "rules/deadline.hpp"

namespace hearth::rules {
namespace {

/// What the public calls a complaint channel.
const char* ChannelTitle(Channel c) {
  switch (c) {
    case Channel::kCityHotline:
      return "12345热线转办";
    case Channel::kProvincialHotline:
      return "省级热线转办";
    case Channel::kOnReceipt:
      return "接诉即办";
    case Channel::kInternetPlus:
      return "互联网+督查";
    case Channel::kFirstQuestion:
      return "首问负责";
    case Channel::kUrgent:
      return "紧急事项";
    case Channel::kPhone:
      return "企业服务电话";
    case Channel::kWeb:
      return "企业网站或App";
    case Channel::kHall:
      return "营业厅";
  }
  return "其他渠道";
}

PublicItem Item(std::string key, std::string title, std::string text, Basis basis) {
  return {std::move(key), std::move(title), std::move(text), std::move(basis)};
}

std::string Within(const Period& p) {
  return p.unit == PeriodUnit::kImmediate ? "立即" : PeriodText(p) + "内";
}

}  // namespace

std::string PeriodText(const Period& p) {
  const std::string n = std::to_string(p.amount);
  switch (p.unit) {
    case PeriodUnit::kWorkingDays:
      return n + "个工作日";
    case PeriodUnit::kCalendarDays:
      return n + "日";
    case PeriodUnit::kHours:
      return n + "小时";
    case PeriodUnit::kMinutes:
      return n + "分钟";
    case PeriodUnit::kImmediate:
      return "立即";
  }
  return n;
}

std::string TenthsText(Tenths t) {
  const std::string sign = t < 0 ? "-" : "";
  const int a = std::abs(t);
  return sign + std::to_string(a / 10) + "." + std::to_string(a % 10) + " °C";
}

std::string MonthDayText(MonthDay md) {
  return std::to_string(md.month) + "月" + std::to_string(md.day) + "日";
}

std::vector<PublicItem> PublicProcedures(const Policy& policy) {
  const DeadlinePolicy& d = policy.deadlines;
  std::vector<PublicItem> out;
  out.push_back(Item("connection-application", "新建建筑报装申请截止",
                     "当年" + MonthDayText(d.connection_application.value) +
                         "前申请，可于当年采暖季供热；逾期顺延至下一采暖季",
                     d.connection_application.basis));
  out.push_back(Item("connection-decision.outside-works", "报装受理决定（需室外工程）",
                     Within(d.connection_with_outside_works),
                     d.connection_with_outside_works.basis));
  out.push_back(Item("connection-decision", "报装受理决定（无需室外工程）",
                     Within(d.connection_without_outside_works),
                     d.connection_without_outside_works.basis));
  for (Channel c : kAllChannels) {
    auto it = d.reply.find(c);
    if (it == d.reply.end()) continue;
    std::string text = Within(it->second) + "答复";
    if (auto ext = d.reply_extension.find(c); ext != d.reply_extension.end()) {
      text += "；情况复杂的可延期一次，延期后" + Within(ext->second) + "答复";
    }
    out.push_back(Item("reply." + std::string(ChannelName(c)),
                       std::string(ChannelTitle(c)) + "投诉的答复", std::move(text),
                       it->second.basis));
  }
  out.push_back(Item("response", "报修响应", Within(d.response), d.response.basis));
  out.push_back(
      Item("response.early-season",
           "报修响应（正式供热后前" + std::to_string(d.response_early_season_days.value) + "日）",
           Within(d.response_early_season), d.response_early_season.basis));
  out.push_back(Item("leak", "漏水抢修", Within(d.leak) + "开始处置", d.leak.basis));
  out.push_back(Item("arrival", "维修人员到达现场", Within(d.arrival), d.arrival.basis));
  out.push_back(
      Item("return-visit", "服务完成后回访", Within(d.return_visit), d.return_visit.basis));
  out.push_back(Item("outage-notice", "计划停热公告",
                     "停热超过" + std::to_string(d.outage_notice_over_hours.value) +
                         "小时的，提前" + PeriodText(d.outage_notice_lead) + "公告",
                     d.outage_notice_lead.basis));
  out.push_back(Item("emergency-notice", "突发停热通知", Within(d.emergency_notice),
                     d.emergency_notice.basis));
  out.push_back(Item("refund-payment", "不达标退费支付",
                     "采暖季结束后次年" + MonthDayText(d.refund_payment.value) +
                         "前支付，或按住户选择冲抵下一采暖季热费",
                     d.refund_payment.basis));
  out.push_back(Item("insurance-payout", "保险理赔支付",
                     "双方就赔偿数额达成一致后" + Within(d.insurance_payout) + "支付",
                     d.insurance_payout.basis));
  return out;
}

std::vector<PublicItem> PublicStandards(const Policy& policy) {
  const TemperaturePolicy& t = policy.temperature;
  const SeasonPolicy& s = policy.season;
  std::vector<PublicItem> out;
  out.push_back(Item("guarantee", "室内温度",
                     "供热期间卧室、起居室室内温度不低于" + TenthsText(t.guarantee.value) +
                         "；合同约定更高温度的，从其约定",
                     t.guarantee.basis));
  out.push_back(Item("usage-rate", "用热率不足时的温度",
                     "小区用热率低于" + std::to_string(t.usage_rate.community_min.value) +
                         "%或单元用热率低于" + std::to_string(t.usage_rate.partition_full.value) +
                         "%的，执行供用热双方合同约定的温度",
                     t.usage_rate.community_min.basis));
  out.push_back(
      Item("design-outdoor", "室外设计温度",
           "日平均气温不低于" + TenthsText(t.design_outdoor.value) + "时，企业应保证上述室温",
           t.design_outdoor.basis));
  out.push_back(Item("season", "采暖期",
                     MonthDayText(s.official_start.value) + "至次年" +
                         MonthDayText(s.official_end.value) +
                         "；当年日期以政府公布为准，企业提前公告",
                     s.official_start.basis));
  return out;
}

std::vector<PublicItem> PublicRights(const Policy& policy) {
  const RefundPolicy& r = policy.refund;
  const Tenths g = policy.temperature.guarantee.value;
  std::vector<PublicItem> out;
  Tenths upper = g;
  for (size_t i = 0; i < r.tiers.size(); ++i) {
    const RefundTier& tier = r.tiers[i];
    std::string range = tier.min_offset ? "室温在" + TenthsText(g + *tier.min_offset) + "（含）至" +
                                              TenthsText(upper) + "之间"
                                        : "室温低于" + TenthsText(upper);
    out.push_back(Item("refund.tier-" + std::to_string(i + 1), "室温不达标退费",
                       "按面积收费的住户，因企业原因" + range + "的日子，退还当日热费的" +
                           std::to_string(tier.share_percent) + "%",
                       r.tiers_basis));
    if (tier.min_offset) upper = g + *tier.min_offset;
  }
  out.push_back(
      Item("refund.unheated", "企业原因停热退费",
           "因企业原因一日停热满" + std::to_string(r.outage_unheated_hours.value) +
               "小时的，退还当日热费的" + std::to_string(r.unheated_share_percent.value) + "%",
           {r.unheated_share_percent.basis.source + ", " + r.outage_unheated_hours.basis.source,
            r.unheated_share_percent.basis.platform_default ||
                r.outage_unheated_hours.basis.platform_default,
            ""}));
  if (!r.meter_temperature_share.value) {
    out.push_back(Item("refund.meter", "按热计量收费的住户",
                       "不适用上述室温退费；企业原因停热的日子，按上条退还基本热费",
                       r.meter_temperature_share.basis));
  }
  out.push_back(Item("complaint", "投诉与监督",
                     "可通过企业服务电话、网站、营业厅或12345等政府热线投诉，企业按上述时限答复",
                     {"W 10.1.1–10.1.4", false, ""}));
  out.push_back(Item("measurement", "入户测温",
                     "对室温有异议的，可申请入户测温；测温结果须经住户签字确认",
                     {"W 10.3 (10.1 a)", false, ""}));
  out.push_back(Item("insurance", "损失理赔",
                     "因企业供热设施造成损失的，企业第一时间通知保险公司并与住户共同清点损失；"
                     "住户自有或自行拆改的设施、建设单位维保期内的故障及间接损失除外",
                     {"W 13.3, W 13.6", false, ""}));
  return out;
}

std::vector<PublicItem> PublicDuties() {
  return {
      Item("household.pay", "住户义务：缴费",
           "按照约定时间交纳热费；逾期的，企业催缴并保留催缴证明", {"W 9.2.2", false, ""}),
      Item("household.installation", "住户义务：室内设施",
           "擅自放水、改动管道、加装水泵或增加散热器等造成室温不达标的，不予退费",
           {"Z 2.4, W 10.3", false, ""}),
      Item("company.price", "企业义务：收费", "按照物价部门核准的标准收费，价格调整时及时告知",
           {"W 9.2.1", false, ""}),
      Item("company.information", "企业义务：信息公开",
           "公示服务流程、时限、收费依据与标准、服务及监督电话、营业场所",
           {"W 4.5, W 12.2", false, ""}),
      Item("company.privacy", "企业义务：信息保护",
           "依法保护住户信息：仅因工作需要的人员查看，每次修改均留痕", {"W 12.1", false, ""}),
  };
}

}  // namespace hearth::rules
