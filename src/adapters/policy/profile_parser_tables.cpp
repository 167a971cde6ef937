// The profile's tables of numbers: [refund], [sampling], [indicators], [subsidy] and [other]
// (profile_parser.hpp).
#include "adapters/policy/profile_parser.hpp"

namespace hearth::adapters::policy::detail {

bool ProfileParser::Refund(Scope& top, rules::RefundPolicy& out) {
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

bool ProfileParser::Sampling(Scope& top, rules::SamplingPolicy& out) {
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

bool ProfileParser::Indicators(Scope& top, rules::IndicatorPolicy& out) {
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

bool ProfileParser::Subsidy(Scope& top, rules::SubsidyPolicy& out) {
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

bool ProfileParser::Other(Scope& top, rules::Policy& p) {
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

}  // namespace hearth::adapters::policy::detail
