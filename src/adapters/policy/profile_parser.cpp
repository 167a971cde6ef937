// The profile's first sections: [profile], [season], [deadlines] and [temperature]
// (profile_parser.hpp).
#include "adapters/policy/profile_parser.hpp"

namespace hearth::adapters::policy::detail {

bool ProfileParser::Profile(Scope& top, rules::Policy& p) {
  const toml::table* t = top.Table("profile");
  if (!t) return false;
  Scope s(r_, *t, "profile");
  bool ok = true;
  bool id_read = false;
  for (auto [key, out] : {std::pair{"id", &p.id}, {"name", &p.name}, {"city", &p.city}}) {
    const toml::node* n = s.Get(key);
    bool read = n != nullptr && Set(ReadString(s, *n, s.Path(key)), *out);
    if (out == &p.id) id_read = read;
    ok &= read;
  }
  // Checked whenever the id was read, so a bad name does not hide a bad id.
  if (id_read &&
      (p.id.empty() ||
       p.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)) {
    s.Problem(s.Get("id"), "profile.id", "must be lower-case letters, digits and '-'");
    ok = false;
  }
  return ok;
}

bool ProfileParser::Season(Scope& top, rules::SeasonPolicy& out) {
  const toml::table* t = top.Table("season");
  if (!t) return false;
  Scope s(r_, *t, "season");
  bool commissioning = Set(ReadCited<MonthDay>(s, "commissioning-start", "date", ReadMonthDay),
                           out.commissioning_start);
  bool start =
      Set(ReadCited<MonthDay>(s, "official-start", "date", ReadMonthDay), out.official_start);
  bool end = Set(ReadCited<MonthDay>(s, "official-end", "date", ReadMonthDay), out.official_end);
  bool ok = commissioning && start && end;
  // Each check runs when its own two dates were read, so one bad date hides no other problem.
  if (commissioning && start &&
      DaysBetween(out.commissioning_start.value, out.official_start.value) > 60) {
    s.Problem(s.Get("commissioning-start"), "season.commissioning-start",
              "must fall within the 60 days before the official start");
    ok = false;
  }
  if (start && end) {
    int length = DaysBetween(out.official_start.value, out.official_end.value) + 1;
    if (length < 30 || length > 300) {
      s.Problem(s.Get("official-end"), "season.official-end",
                "gives a season of " + std::to_string(length) + " days; expected 30 to 300");
      ok = false;
    }
  }
  return ok;
}

// A period per channel of `channels`; with `all_required`, every one must be given. Keys of
// other channels are unknown keys.
bool ProfileParser::ChannelPeriods(Scope& parent, const std::string& key,
                                   std::span<const rules::Channel> channels, bool all_required,
                                   std::map<rules::Channel, Period>& out) {
  const toml::table* t = parent.Table(key);
  if (!t) return false;
  Scope s(r_, *t, parent.Path(key));
  bool ok = true;
  for (rules::Channel c : channels) {
    std::string name{rules::ChannelName(c)};
    if (!all_required && s.table().get(name) == nullptr) {
      s.Get(name, false);
      continue;
    }
    auto p = ReadPeriod(s, name, kAnyUnit);
    if (p) out[c] = *p; else ok = false;
  }
  return ok;
}

bool ProfileParser::Deadlines(Scope& top, rules::DeadlinePolicy& d) {
  const toml::table* t = top.Table("deadlines");
  if (!t) return false;
  Scope s(r_, *t, "deadlines");
  // R-WO-2 returns are to a hotline platform; R-WO-3 replies are owed on every channel (the
  // own channels' as a platform default, R-WO-1 decision); extensions only where allowed.
  bool ok = ChannelPeriods(s, "return", rules::kHotlineChannels, true, d.return_order);
  ok &= ChannelPeriods(s, "reply", rules::kAllChannels, true, d.reply);
  ok &= ChannelPeriods(s, "reply-extension", rules::kHotlineChannels, false, d.reply_extension);
  if (const toml::table* rt = s.Table("response")) {
    Scope rs(r_, *rt, "deadlines.response");
    ok &= Set(ReadPeriod(rs, "normal", kClockUnit), d.response);
    ok &= Set(ReadPeriod(rs, "early-season", kClockUnit), d.response_early_season);
    ok &= Set(ReadCited<int>(rs, "early-season-days", "days", IntIn(0, 90)),
              d.response_early_season_days);
  } else {
    ok = false;
  }
  ok &= Set(ReadPeriod(s, "return-visit", kAnyUnit), d.return_visit);
  ok &= Set(ReadPeriod(s, "leak", kAnyUnit), d.leak);
  ok &= Set(ReadPeriod(s, "arrival", kAnyUnit), d.arrival);
  ok &= Set(ReadPeriod(s, "outage-notice", kClockUnit), d.outage_notice_lead);
  ok &= Set(ReadCited<int>(s, "outage-notice-over", "hours", IntIn(1, 24 * 30)),
            d.outage_notice_over_hours);
  ok &= Set(ReadPeriod(s, "emergency-notice", kAnyUnit), d.emergency_notice);
  ok &= Set(ReadCited<MonthDay>(s, "refund-payment", "date", ReadMonthDay), d.refund_payment);
  ok &= Set(ReadPeriod(s, "insurance-payout", kAnyUnit), d.insurance_payout);
  ok &= Set(ReadCited<MonthDay>(s, "connection-application", "date", ReadMonthDay),
            d.connection_application);
  if (const toml::table* ct = s.Table("connection-decision")) {
    Scope cs(r_, *ct, "deadlines.connection-decision");
    ok &= Set(ReadPeriod(cs, "with-outside-works", kAnyUnit), d.connection_with_outside_works);
    ok &= Set(ReadPeriod(cs, "without-outside-works", kAnyUnit),
              d.connection_without_outside_works);
  } else {
    ok = false;
  }
  return ok;
}

bool ProfileParser::Temperature(Scope& top, rules::TemperaturePolicy& out) {
  const toml::table* t = top.Table("temperature");
  if (!t) return false;
  Scope s(r_, *t, "temperature");
  bool ok = Set(ReadCited<int>(s, "guarantee", "celsius", TenthsIn(50, 300)), out.guarantee);
  ok &= Set(ReadCited<int>(s, "design-outdoor", "celsius", TenthsIn(-600, 150)),
            out.design_outdoor);
  ok &= GroupScope(s, "usage-rate", [&](Scope& g) {
    bool community = Set(ReadCited<int>(g, "community-min", "value", IntIn(0, 100)),
                         out.usage_rate.community_min);
    bool full = Set(ReadCited<int>(g, "partition-full", "value", IntIn(0, 100)),
                    out.usage_rate.partition_full);
    bool agreed = Set(ReadCited<int>(g, "partition-agreed-min", "value", IntIn(0, 100)),
                      out.usage_rate.partition_agreed_min);
    bool k = community && full && agreed;
    if (full && agreed &&
        out.usage_rate.partition_agreed_min.value > out.usage_rate.partition_full.value) {
      g.Problem(g.Get("partition-agreed-min"), g.Path("partition-agreed-min"),
                "must not exceed partition-full");
      k = false;
    }
    return k;
  });
  ok &= GroupScope(s, "sensor", [&](Scope& g) {
    bool has_min = Set(ReadCited<int>(g, "valid-min-celsius", "value", TenthsIn(-500, 500)),
                       out.sensor.valid_min);
    bool has_max = Set(ReadCited<int>(g, "valid-max-celsius", "value", TenthsIn(-500, 800)),
                       out.sensor.valid_max);
    bool k = has_min && has_max;
    k &= Set(ReadCited<int>(g, "min-hours", "value", IntIn(1, 24)), out.sensor.min_hours);
    if (has_min && has_max && out.sensor.valid_min.value >= out.sensor.valid_max.value) {
      g.Problem(g.Get("valid-max-celsius"), g.Path("valid-max-celsius"),
                "must be above valid-min-celsius");
      k = false;
    }
    return k;
  });
  ok &= GroupScope(s, "manual", [&](Scope& g) {
    auto& m = out.manual;
    bool k = Set(ReadCited<int>(g, "max-resolution-celsius", "value", TenthsIn(1, 10)),
                 m.max_resolution);
    k &= Set(ReadCited<int>(g, "closed-minutes", "value", IntIn(0, 240)), m.closed_minutes);
    k &= Set(ReadCited<int>(g, "readings", "value", IntIn(1, 10)), m.readings);
    k &= Set(ReadCited<int>(g, "gap-seconds", "value", IntIn(0, 3600)), m.gap_seconds);
    k &= Set(ReadCited<int>(g, "gap-tolerance-seconds", "value", IntIn(0, 3600)),
             m.gap_tolerance_seconds);
    k &= Set(ReadCited<int>(g, "height-cm", "value", IntIn(10, 300)), m.height_cm);
    k &= Set(ReadCited<int>(g, "height-tolerance-cm", "value", IntIn(0, 100)),
             m.height_tolerance_cm);
    return k;
  });
  return ok;
}

}  // namespace hearth::adapters::policy::detail
