// The profile's schema, read section by section in the order of the file (policies/weihai.toml is
// a complete, commented example): every key with its range and clause. The value readers and the
// parser's class are here; its sections are in profile_parser.cpp ([profile], [season],
// [deadlines], [temperature]) and profile_parser_tables.cpp ([refund], [sampling],
// [indicators], [subsidy], [other]). The generic TOML walking is toml_reader.hpp's. Internal to
// the policy adapter (policy_loader.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>

#include "adapters/policy/toml_reader.hpp"
#include "core/civil_time.hpp"
#include "rules/deadline.hpp"

namespace hearth::adapters::policy::detail {

using rules::Basis;
using rules::Cited;
using rules::MonthDay;
using rules::Period;
using rules::PeriodUnit;

template <typename T>
using ValueReader = std::function<std::optional<T>(Scope&, const toml::node&, const std::string&)>;

inline ValueReader<int> IntIn(long long min, long long max) {
  return [=](Scope& s, const toml::node& n, const std::string& k) -> std::optional<int> {
    auto v = ReadInt(s, n, k, min, max);
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
  };
}

inline ValueReader<int> TenthsIn(int min, int max) {
  return [=](Scope& s, const toml::node& n, const std::string& k) {
    return ReadTenths(s, n, k, min, max);
  };
}

// "MM-DD" that exists in every year (so not 02-29).
inline std::optional<MonthDay> ReadMonthDay(Scope& s, const toml::node& n, const std::string& k) {
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
inline std::optional<Period> ReadPeriod(Scope& parent, const std::string& key,
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
inline int DaysBetween(MonthDay from, MonthDay to) {
  Date a = *MakeDate(2001, from.month, from.day);
  Date b = *MakeDate(2001, to.month, to.day);
  if (b <= a) b = *MakeDate(2002, to.month, to.day);
  return static_cast<int>((b - a).count());
}

inline constexpr std::initializer_list<PeriodUnit> kAnyUnit = {
    PeriodUnit::kWorkingDays, PeriodUnit::kCalendarDays, PeriodUnit::kHours, PeriodUnit::kMinutes,
    PeriodUnit::kImmediate};
inline constexpr std::initializer_list<PeriodUnit> kClockUnit = {PeriodUnit::kHours,
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

  bool Profile(Scope& top, rules::Policy& p);

  bool Season(Scope& top, rules::SeasonPolicy& out);

  // A period per channel of `channels`; with `all_required`, every one must be given. Keys of
  // other channels are unknown keys.
  bool ChannelPeriods(Scope& parent, const std::string& key, std::span<const rules::Channel> channels,
                      bool all_required, std::map<rules::Channel, Period>& out);

  bool Deadlines(Scope& top, rules::DeadlinePolicy& d);

  bool Temperature(Scope& top, rules::TemperaturePolicy& out);

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

  bool Refund(Scope& top, rules::RefundPolicy& out);

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

  bool Sampling(Scope& top, rules::SamplingPolicy& out);

  bool Indicators(Scope& top, rules::IndicatorPolicy& out);

  bool Subsidy(Scope& top, rules::SubsidyPolicy& out);

  bool Other(Scope& top, rules::Policy& p);

  Reader& r_;
};

}  // namespace hearth::adapters::policy::detail
