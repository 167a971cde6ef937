// Over 400 lines on purpose (not split): one parser reads the profile section by section in the
// order of the file, so every key, its range and its clause are found in one place; the generic
// TOML reading is in toml_reader.hpp. Each table added (the last, [subsidy]) grows it by a
// section; a table could move to a file of its own once the reader's helpers are shared. This is
// the schema of a policy profile: see policies/weihai.toml for a complete, commented example.
#include "adapters/policy/policy_loader.hpp"

#include <fstream>
#include <span>
#include <sstream>

#include "adapters/policy/toml_reader.hpp"
#include "core/civil_time.hpp"
#include "rules/deadline.hpp"

namespace hearth::adapters::policy {
namespace {

using namespace detail;  // NOLINT(google-build-using-namespace): internal helpers
using rules::Basis;
using rules::Cited;
using rules::MonthDay;
using rules::Period;
using rules::PeriodUnit;

template <typename T>
using ValueReader = std::function<std::optional<T>(Scope&, const toml::node&, const std::string&)>;

ValueReader<int> IntIn(long long min, long long max) {
  return [=](Scope& s, const toml::node& n, const std::string& k) -> std::optional<int> {
    auto v = ReadInt(s, n, k, min, max);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
  };
}

ValueReader<int> TenthsIn(int min, int max) {
  return [=](Scope& s, const toml::node& n, const std::string& k) {
    return ReadTenths(s, n, k, min, max);
  };
}

// "MM-DD" that exists in every year (so not 02-29).
std::optional<MonthDay> ReadMonthDay(Scope& s, const toml::node& n, const std::string& k) {
  auto text = ReadString(s, n, k);
  if (!text) return std::nullopt;
  auto date = ParseDate("2001-" + *text);
  if (text->size() != 5 || !date.ok()) {
    s.Problem(&n, k, "'" + *text + "' is not a month-day MM-DD that exists in every year");
    return std::nullopt;
  }
  return MonthDay{MonthOf(*date), DayOf(*date)};
}

// A period table: exactly one of working-days, calendar-days, hours, minutes, immediate = true,
// plus its basis. `allowed` lists the units admitted for this key.
std::optional<Period> ReadPeriod(Scope& parent, const std::string& key,
                                 std::initializer_list<PeriodUnit> allowed) {
  static const std::pair<const char*, PeriodUnit> kUnits[] = {
      {"working-days", PeriodUnit::kWorkingDays}, {"calendar-days", PeriodUnit::kCalendarDays},
      {"hours", PeriodUnit::kHours},              {"minutes", PeriodUnit::kMinutes},
      {"immediate", PeriodUnit::kImmediate}};
  const toml::table* t = parent.Table(key);
  if (t == nullptr) return std::nullopt;
  Scope s(parent.reader(), *t, parent.Path(key));
  auto basis = s.OwnBasis(true);
  std::string names;
  std::optional<Period> period;
  int found = 0;
  for (const auto& [name, unit] : kUnits) {
    bool ok = std::find(allowed.begin(), allowed.end(), unit) != allowed.end();
    if (ok) names += std::string(names.empty() ? "" : ", ") + name;
    const toml::node* n = s.Get(name, false);
    if (n == nullptr) continue;
    ++found;
    if (!ok) {
      s.Problem(n, s.Path(name), std::string("unit ") + name + " is not allowed here");
      continue;
    }
    if (unit == PeriodUnit::kImmediate) {
      if (!n->is_boolean() || !n->as_boolean()->get()) {
        s.Problem(n, s.Path(name), "immediate must be true when given");
        continue;
      }
      period = Period{unit, 0, {}};
    } else if (auto v = ReadInt(s, *n, s.Path(name), 1, 100000)) {
      period = Period{unit, static_cast<int>(*v), {}};
    }
  }
  // Reported on the period's own table and key (s.Path(key) would repeat the key).
  if (found == 0) s.Problem(nullptr, parent.Path(key), "needs exactly one of: " + names);
  if (found > 1) {
    s.Problem(nullptr, parent.Path(key), "has more than one unit; give one of: " + names);
  }
  if (found != 1 || !period || !basis) return std::nullopt;
  period->basis = *basis;
  return period;
}

// Days from a (month, day) to the next (month, day), on a non-leap year.
int DaysBetween(MonthDay from, MonthDay to) {
  Date a = *MakeDate(2001, from.month, from.day);
  Date b = *MakeDate(2001, to.month, to.day);
  if (b <= a) b = *MakeDate(2002, to.month, to.day);
  return static_cast<int>((b - a).count());
}

constexpr std::initializer_list<PeriodUnit> kAnyUnit = {
    PeriodUnit::kWorkingDays, PeriodUnit::kCalendarDays, PeriodUnit::kHours, PeriodUnit::kMinutes,
    PeriodUnit::kImmediate};
constexpr std::initializer_list<PeriodUnit> kClockUnit = {PeriodUnit::kHours,
                                                          PeriodUnit::kMinutes};

class ProfileParser {
 public:
  explicit ProfileParser(Reader& r) : r_(r) {}

  std::optional<rules::Policy> Parse(const toml::table& root) {
    Scope top(r_, root, "");
    rules::Policy p;
    bool ok = true;
    ok &= Profile(top, p);
    ok &= Season(top, p.season);
    ok &= Deadlines(top, p.deadlines);
    ok &= Temperature(top, p.temperature);
    ok &= Refund(top, p.refund);
    ok &= Sampling(top, p.sampling);
    ok &= Indicators(top, p.indicators);
    ok &= Other(top, p);
    ok &= Subsidy(top, p.subsidy);
    if (!ok) return std::nullopt;
    return p;
  }

 private:
  template <typename T>
  bool Set(std::optional<T> v, T& out) {
    if (!v) return false;
    out = std::move(*v);
    return true;
  }

  bool Profile(Scope& top, rules::Policy& p) {
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

  bool Season(Scope& top, rules::SeasonPolicy& out) {
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
  bool ChannelPeriods(Scope& parent, const std::string& key, std::span<const rules::Channel> channels,
                      bool all_required, std::map<rules::Channel, Period>& out) {
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

  bool Deadlines(Scope& top, rules::DeadlinePolicy& d) {
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

  bool Temperature(Scope& top, rules::TemperaturePolicy& out) {
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

  // Reads sub-table `key` whose own `source` is the basis of its bare values.
  template <typename Fn>
  bool GroupScope(Scope& parent, const std::string& key, Fn&& body) {
    const toml::table* t = parent.Table(key);
    if (!t) return false;
    Scope g(r_, *t, parent.Path(key));
    auto basis = g.OwnBasis(true);
    // Without a source, keep reading with a placeholder so the group's other problems show too.
    g.set_group(basis ? *basis : Basis{"(missing source)", false, {}});
    bool ok = body(g);
    return ok && basis.has_value();
  }

  bool Refund(Scope& top, rules::RefundPolicy& out) {
    const toml::table* t = top.Table("refund");
    if (!t) return false;
    Scope s(r_, *t, "refund");
    bool ok = Set(ReadCited<int>(s, "unheated-share", "percent", IntIn(1, 100)),
                  out.unheated_share_percent);
    ok &= Set(ReadCited<int>(s, "outage-unheated-hours", "hours", IntIn(1, 24)),
              out.outage_unheated_hours);
    ok &= Set(ReadCited<bool>(s, "meter-temperature-share", "refunded",
                              [](Scope& sc, const toml::node& n, const std::string& path)
                                  -> std::optional<bool> {
                                if (!n.is_boolean()) {
                                  sc.Problem(&n, path, "expected true or false");
                                  return std::nullopt;
                                }
                                return n.as_boolean()->get();
                              }),
              out.meter_temperature_share);
    ok &= GroupScope(s, "temperature-tiers", [&](Scope& g) {
      out.tiers_basis = g.group().value_or(Basis{});
      const toml::node* n = g.Get("tiers");
      if (n == nullptr) return false;
      const toml::array* arr = n->as_array();
      if (arr == nullptr || arr->empty()) {
        g.Problem(n, g.Path("tiers"), "expected a non-empty array of tables");
        return false;
      }
      bool k = true;
      // The previous tier's values that were read well; each is compared with the tier after it
      // on its own, so a problem in one tier does not hide an order problem in the next.
      // The previous tier's values that were read well (plain ints: GCC 12 warns falsely on
      // std::optional<int> here).
      bool has_prev_offset = false, has_prev_share = false;
      rules::Tenths prev_offset = 0;
      int prev_share = 0;
      for (size_t i = 0; i < arr->size(); ++i) {
        std::string path = g.Path("tiers") + "[" + std::to_string(i) + "]";
        const toml::table* tt = (*arr)[i].as_table();
        if (tt == nullptr) {
          g.Problem(&(*arr)[i], path, "expected a table, got " + TypeName((*arr)[i]));
          k = false;
          has_prev_offset = has_prev_share = false;
          continue;
        }
        Scope ts(r_, *tt, path);
        rules::RefundTier tier;
        bool last = i + 1 == arr->size();
        const toml::node* off = ts.Get("min-offset-celsius", !last);
        if (off && last) {
          ts.Problem(off, ts.Path("min-offset-celsius"),
                     "the last tier takes every lower value and has no bound");
          k = false;
        } else if (off) {
          auto v = ReadTenths(ts, *off, ts.Path("min-offset-celsius"), -300, 0);
          if (!v) k = false;
          tier.min_offset = v;
        }
        const toml::node* share = ts.Get("share-percent");
        auto sv = share ? ReadInt(ts, *share, ts.Path("share-percent"), 1, 100) : std::nullopt;
        if (!sv) k = false; else tier.share_percent = static_cast<int>(*sv);
        if (tier.min_offset && has_prev_offset && *tier.min_offset >= prev_offset) {
          ts.Problem(off, ts.Path("min-offset-celsius"),
                     "tiers must go from the mildest shortfall down: offsets must decrease");
          k = false;
        }
        if (sv && has_prev_share && tier.share_percent <= prev_share) {
          ts.Problem(share, ts.Path("share-percent"), "shares must increase from tier to tier");
          k = false;
        }
        has_prev_offset = tier.min_offset.has_value();
        prev_offset = tier.min_offset.value_or(0);
        has_prev_share = sv.has_value();
        prev_share = tier.share_percent;
        out.tiers.push_back(tier);
      }
      return k;
    });
    return ok;
  }

  // Reads `{ a = x, b = y, ... }` whose values must sum to 100.
  template <size_t N>
  bool Shares(Scope& parent, const std::string& key, const std::array<const char*, N>& names,
              std::array<int, N>& out) {
    const toml::table* t = parent.Table(key);
    if (!t) return false;
    Scope s(r_, *t, parent.Path(key));
    bool ok = true;
    int sum = 0;
    for (size_t i = 0; i < N; ++i) {
      const toml::node* n = s.Get(names[i]);
      auto v = n ? ReadInt(s, *n, s.Path(names[i]), 0, 100) : std::nullopt;
      if (!v) { ok = false; continue; }
      out[i] = static_cast<int>(*v);
      sum += out[i];
    }
    if (ok && sum != 100) {
      parent.Problem(parent.Get(key), parent.Path(key),
                     "shares sum to " + std::to_string(sum) + ", not 100");
      ok = false;
    }
    return ok;
  }

  bool Sampling(Scope& top, rules::SamplingPolicy& out) {
    const toml::table* t = top.Table("sampling");
    if (!t) return false;
    Scope s(r_, *t, "sampling");
    bool ok = GroupScope(s, "rate", [&](Scope& g) {
      out.bands_basis = g.group().value_or(Basis{});
      const toml::node* n = g.Get("bands");
      if (n == nullptr) return false;
      const toml::array* arr = n->as_array();
      if (arr == nullptr || arr->empty()) {
        g.Problem(n, g.Path("bands"), "expected a non-empty array of tables");
        return false;
      }
      bool k = true;
      for (size_t i = 0; i < arr->size(); ++i) {
        std::string path = g.Path("bands") + "[" + std::to_string(i) + "]";
        const toml::table* bt = (*arr)[i].as_table();
        if (bt == nullptr) {
          g.Problem(&(*arr)[i], path, "expected a table, got " + TypeName((*arr)[i]));
          k = false;
          continue;
        }
        Scope bs(r_, *bt, path);
        rules::SamplingBand band;
        bool last = i + 1 == arr->size();
        const toml::node* max = bs.Get("max-area-m2", !last);
        if (max && last) {
          bs.Problem(max, bs.Path("max-area-m2"), "the last band covers every larger area");
          k = false;
        } else if (max) {
          auto v = ReadInt(bs, *max, bs.Path("max-area-m2"), 1, 1'000'000'000'000LL);
          if (!v) k = false;
          band.max_area_m2 = v;
          if (v && !out.bands.empty() && out.bands.back().max_area_m2 &&
              *v <= *out.bands.back().max_area_m2) {
            bs.Problem(max, bs.Path("max-area-m2"), "bands must be in increasing area");
            k = false;
          }
        }
        const toml::node* pct = bs.Get("percent");
        auto pv = pct ? ReadInt(bs, *pct, bs.Path("percent"), 1, 100) : std::nullopt;
        if (!pv) k = false; else band.percent = static_cast<int>(*pv);
        out.bands.push_back(band);
      }
      return k;
    });
    ok &= GroupScope(s, "shares", [&](Scope& g) {
      out.shares_basis = g.group().value_or(Basis{});
      bool k = Shares<3>(g, "position", {"near", "middle", "far"}, out.position);
      k &= Shares<2>(g, "orientation", {"shade", "sun"}, out.orientation);
      k &= Shares<3>(g, "floor", {"upper", "middle", "lower"}, out.floor);
      return k;
    });
    return ok;
  }

  bool Indicators(Scope& top, rules::IndicatorPolicy& out) {
    return GroupScope(top, "indicators", [&](Scope& g) {
      // Targets are held in per mille; percents are read with one decimal.
      auto percent = TenthsIn(0, 1000);
      bool k = Set(ReadCited<int>(g, "accident-rate-max-permille", "value", IntIn(0, 1000)),
                   out.accident_rate_max);
      k &= Set(ReadCited<int>(g, "repair-response-min-percent", "value", percent),
               out.repair_response_min);
      k &= Set(ReadCited<int>(g, "qualification-min-percent", "value", percent),
               out.qualification_min);
      k &= Set(ReadCited<int>(g, "process-satisfaction-min-percent", "value", percent),
               out.process_satisfaction_min);
      k &= Set(ReadCited<int>(g, "result-satisfaction-min-percent", "value", percent),
               out.result_satisfaction_min);
      return k;
    });
  }

  bool Subsidy(Scope& top, rules::SubsidyPolicy& out) {
    return GroupScope(top, "subsidy", [&](Scope& g) {
      const std::pair<const char*, rules::Cited<int>*> weights[] = {
          {"accident-rate-weight", &out.accident_rate},
          {"repair-response-weight", &out.repair_response},
          {"qualification-weight", &out.qualification},
          {"process-satisfaction-weight", &out.process_satisfaction},
          {"result-satisfaction-weight", &out.result_satisfaction},
          {"complaint-rate-weight", &out.complaint_rate},
          {"on-time-reply-weight", &out.on_time_reply}};
      bool k = true;
      int sum = 0;
      for (const auto& [key, weight] : weights) {
        const bool read = Set(ReadCited<int>(g, key, "value", IntIn(0, 100)), *weight);
        k &= read;
        if (read) sum += weight->value;
      }
      if (k && sum != 100) {
        top.Problem(top.Get("subsidy"), "subsidy", "weights sum to " + std::to_string(sum) +
                                                        ", not 100");
        k = false;
      }
      return k;
    });
  }

  bool Other(Scope& top, rules::Policy& p) {
    const toml::table* t = top.Table("other");
    if (!t) return false;
    Scope s(r_, *t, "other");
    bool ok = Set(ReadCited<int>(s, "energy-reserve-days", "days", IntIn(1, 365)),
                  p.energy_reserve_days);
    ok &= Set(ReadCited<int>(s, "mass-complaint-count", "value", IntIn(1, 100000)),
              p.mass_complaint_count);
    ok &= Set(ReadCited<int>(s, "mass-complaint-window-hours", "hours", IntIn(1, 24 * 31)),
              p.mass_complaint_window_hours);
    return ok;
  }

  Reader& r_;
};

}  // namespace

PolicyLoad ParsePolicy(std::string_view text) {
  PolicyLoad out;
  Reader reader;
  try {
    toml::table root = toml::parse(text);
    ProfileParser parser(reader);
    auto policy = parser.Parse(root);
    out.problems = reader.TakeProblems();
    if (out.problems.empty() && policy) out.policy = std::move(policy);
    if (out.problems.empty() && !out.policy) {
      out.problems.push_back({1, 1, "", "the profile is incomplete"});
    }
  } catch (const toml::parse_error& e) {
    out.problems.push_back({static_cast<int>(e.source().begin.line),
                            static_cast<int>(e.source().begin.column), "",
                            "TOML syntax: " + std::string(e.description())});
  }
  return out;
}

std::string FormatProblem(std::string_view file, const PolicyProblem& p) {
  std::string out = std::string(file) + ":" + std::to_string(p.line) + ":" +
                    std::to_string(p.column) + ": ";
  if (!p.key.empty()) out += p.key + ": ";
  return out + p.message;
}

Result<rules::Policy> LoadPolicyFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::InvalidArgument("cannot read policy file " + path.string(), "policy");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  PolicyLoad load = ParsePolicy(buf.str());
  if (load.policy) return std::move(*load.policy);
  std::string message;
  for (const auto& p : load.problems) {
    if (!message.empty()) message += "\n";
    message += FormatProblem(path.string(), p);
  }
  return Error::InvalidArgument(message, "policy");
}

Result<std::map<std::string, rules::Policy>> LoadPolicyDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Error::NotFound("no policy directory at " + dir.string(), "policy");
  }
  std::map<std::string, rules::Policy> profiles;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    auto policy = LoadPolicyFile(entry.path());
    if (!policy.ok()) return policy.error();
    profiles.emplace(entry.path().stem().string(), std::move(*policy));
  }
  return profiles;
}

}  // namespace hearth::adapters::policy
