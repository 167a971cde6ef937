#include "sim/demo_order_plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "model/resources.hpp"
#include "rules/season.hpp"
#include "sim/demo_city_data.hpp"
#include "sim/season_simulator.hpp"

namespace hearth::sim::orders {
namespace {

using demo::Rng;
using rules::Channel;
using rules::OrderCategory;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// Per mille of the orders (R-WO-1's channels and the company's own).
constexpr std::array<std::pair<Channel, int>, 9> kChannels = {{
    {Channel::kCityHotline, 340},
    {Channel::kPhone, 300},
    {Channel::kProvincialHotline, 80},
    {Channel::kWeb, 80},
    {Channel::kHall, 50},
    {Channel::kOnReceipt, 50},
    {Channel::kInternetPlus, 40},
    {Channel::kFirstQuestion, 30},
    {Channel::kUrgent, 30},
}};
constexpr std::array<std::pair<OrderCategory, int>, 4> kInSeason = {{
    {OrderCategory::kHeatingQuality, 700},
    {OrderCategory::kLeak, 100},
    {OrderCategory::kRepair, 120},
    {OrderCategory::kBilling, 80},
}};
constexpr std::array<std::pair<OrderCategory, int>, 3> kOffSeason = {{
    {OrderCategory::kLeak, 300},
    {OrderCategory::kRepair, 400},
    {OrderCategory::kBilling, 300},
}};

// Per mille of the orders that can have it.
constexpr int kReturned = 30, kReturnedLate = 100, kExtended = 60, kExtendedLate = 150,
              kLateResponse = 30, kLateReply = 50, kDuplicate = 80, kRepeat = 50;
constexpr double kOffSeasonFactor = 0.04, kCommissioningFactor = 0.6;
constexpr int kRecent = 6;  // orders of the last two days when now is out of season

template <typename T, size_t N>
T Pick(Rng& rng, const std::array<std::pair<T, int>, N>& table) {
  int64_t total = 0;
  for (const auto& [v, w] : table) total += w;
  int64_t x = rng.Between(0, total - 1);
  for (const auto& [v, w] : table) {
    if (x < w) return v;
    x -= w;
  }
  return table.back().first;
}

// How many orders a day brings, relative to an ordinary day of the official period.
class DayFactor {
 public:
  DayFactor(const rules::Policy& policy, uint64_t seed) : policy_(policy), seed_(seed) {}

  double operator()(Date day, bool& in_season) {
    const rules::SeasonDates s = rules::SeasonOf(policy_.season, rules::SeasonYearOf(day));
    in_season = s.IsOfficial(day);
    if (day >= s.commissioning_start && day < s.official_start) {
      in_season = true;  // the first heat: complaints about it
      return kCommissioningFactor;
    }
    if (!in_season) return kOffSeasonFactor;
    const auto k = (day - s.official_start).count();
    const double early = k < 14 ? 2.0 : k < 28 ? 1.4 : 1.0;
    // The simulator's outdoor curve for the same seed: its cold spells bring complaints.
    SimOptions o;
    o.seed = seed_;
    o.design_outdoor_tenths = policy_.temperature.design_outdoor.value;
    const int32_t mean =
        SeasonSimulator({}, o, s.official_start, s.official_end).OutdoorMeanTenths(day);
    return early * (1.0 + std::clamp((-20.0 - mean) / 20.0, 0.0, 2.0));
  }

 private:
  const rules::Policy& policy_;
  uint64_t seed_;
};

Instant Clock(Rng& rng, Date day) {
  // Most calls in the day and the evening; some at night.
  const int64_t minute = rng.Chance(850) ? rng.Between(7 * 60, 22 * 60 - 1) : rng.Between(0, 1439);
  return StartOfLocalDay(day) + minutes{minute} + std::chrono::seconds{rng.Between(0, 59)};
}

Plan Draw(Rng& rng, const Company& c, bool in_season, Instant received) {
  Plan p;
  p.received = received;
  p.key = rng.Next();
  p.channel = Pick(rng, kChannels);
  p.category = in_season ? Pick(rng, kInSeason) : Pick(rng, kOffSeason);
  if (p.channel == Channel::kUrgent && rng.Chance(600)) p.category = OrderCategory::kLeak;
  const bool heated = p.category != OrderCategory::kBilling && !c.heated.empty();
  const auto& pool = heated ? c.heated : c.all;
  p.household = pool[static_cast<size_t>(rng.Between(0, static_cast<int64_t>(pool.size()) - 1))];
  const bool can_return = rules::IsHotline(p.channel) && p.channel != Channel::kUrgent;
  const bool can_extend =
      p.channel == Channel::kCityHotline || p.channel == Channel::kProvincialHotline;
  if (can_return && rng.Chance(kReturned)) {
    p.returned = true;
    p.late_return = rng.Chance(kReturnedLate);
    return p;
  }
  if (can_extend && rng.Chance(kExtended)) {
    p.extended = true;
    p.late_extended = rng.Chance(kExtendedLate);
  }
  p.late_response = rng.Chance(kLateResponse);
  p.late_reply = !p.extended && rng.Chance(kLateReply);
  p.duplicate = p.channel == Channel::kCityHotline && rng.Chance(kDuplicate);
  return p;
}

}  // namespace

Status LoadCity(ports::RecordStore& records, const services::PolicyRegistry& policies,
                std::vector<Company>& companies, std::vector<Household>& households) {
  ports::ListQuery q;
  q.limit = 1000;
  for (;;) {
    auto page = records.List(*model::FindResource("companies"), q);
    if (!page.ok()) return page.error();
    for (const auto& r : page->items) {
      Company c;
      c.id = r.id;
      c.code = r.Text("code");
      auto policy = policies.Find(r.Text("policy"));
      if (!policy.ok()) return policy.error();
      c.policy = *policy;
      const ports::Scope scope{c.id, std::nullopt};
      c.agent = {"demo-" + c.code + "-agent", rules::Role::kAgent, scope};
      c.technician = {"demo-" + c.code + "-technician", rules::Role::kTechnician, scope};
      c.manager = {"demo-" + c.code + "-manager", rules::Role::kManager, scope};
      companies.push_back(std::move(c));
    }
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  q.after.reset();
  for (;;) {
    auto page = records.List(*model::FindResource("households"), q);
    if (!page.ok()) return page.error();
    for (const auto& r : page->items) {
      const int64_t company_id = r.Int("company_id").value_or(0);
      auto it = std::find_if(companies.begin(), companies.end(),
                             [&](const Company& c) { return c.id == company_id; });
      if (it == companies.end()) continue;
      const size_t index = households.size();
      households.push_back({r.id, static_cast<size_t>(it - companies.begin()), r.Text("phone"),
                            r.Int("partition_id").value_or(0)});
      it->all.push_back(index);
      if (r.Text("heating_status") == "heated") it->heated.push_back(index);
    }
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  return OkStatus();
}

std::vector<Plan> PlanOrders(const std::vector<Company>& companies,
                             const std::vector<Household>& households, const DemoOrderOptions& o) {
  Rng rng(o.seed * 0x9E3779B97F4A7C15ull + 13);
  std::vector<Plan> plans;
  const Date today = LocalDate(o.now);
  for (const Company& c : companies) {
    bool in_season_today = false;
    if (c.all.empty()) continue;
    DayFactor factor(*c.policy, o.seed);
    const rules::SeasonDates first = rules::SeasonOf(c.policy->season, o.season);
    double sum = 0;
    for (Date d = first.official_start; d <= first.official_end; d += days{1}) {
      bool in = false;
      sum += factor(d, in);
    }
    const double base = static_cast<double>(o.per_season) * static_cast<double>(c.all.size()) /
                        static_cast<double>(households.size()) / sum;
    for (Date d = first.official_start; d <= today; d += days{1}) {
      bool in_season = false;
      const double expected = base * factor(d, in_season);
      if (d == today) in_season_today = in_season;
      auto n = static_cast<int64_t>(expected);
      if (rng.Chance(static_cast<int64_t>((expected - static_cast<double>(n)) * 1000))) ++n;
      for (int64_t i = 0; i < n; ++i) {
        const Instant at = Clock(rng, d);
        if (at >= o.now) continue;
        plans.push_back(Draw(rng, c, in_season, at));
      }
    }
    if (!in_season_today) {
      for (int i = 0; i < kRecent / static_cast<int>(companies.size()) + 1; ++i) {
        plans.push_back(Draw(rng, c, false, o.now - minutes{rng.Between(10, 48 * 60)}));
      }
    }
  }
  // Second complaints: the same household and category again, later in the same season.
  const size_t first_round = plans.size();
  for (size_t i = 0; i < first_round; ++i) {
    if (!rng.Chance(kRepeat)) continue;
    const Plan& p = plans[i];
    const Instant again = p.received + days{rng.Between(2, 20)} + minutes{rng.Between(-300, 300)};
    if (again >= o.now ||
        rules::SeasonYearOf(LocalDate(again)) != rules::SeasonYearOf(LocalDate(p.received))) {
      continue;
    }
    Plan r = Draw(rng, companies[households[p.household].company], true, again);
    r.household = p.household;
    r.category = p.category;
    r.duplicate = false;
    plans.push_back(r);
  }
  // A mass complaint (see the header): a cold evening at one building entrance.
  const auto burst = std::find_if(companies.begin(), companies.end(),
                                  [](const Company& c) { return !c.heated.empty(); });
  auto EveningOf = [&](int season) {
    return StartOfLocalDay(rules::SeasonOf(burst->policy->season, season).official_start +
                           days{5}) +
           hours{18};
  };
  int season = o.season;  // the latest season filled whose evening is over
  while (EveningOf(season + 1) + hours{5} < o.now) ++season;
  const Instant evening = EveningOf(season);
  if (evening + hours{5} < o.now) {
    const size_t pick = burst->heated[static_cast<size_t>(
        rng.Between(0, static_cast<int64_t>(burst->heated.size()) - 1))];
    std::vector<size_t> entrance;
    for (size_t h : burst->heated) {
      if (households[h].partition_id == households[pick].partition_id) entrance.push_back(h);
    }
    for (int i = 0; i < kMassComplaintBurst; ++i) {
      Plan p = Draw(rng, *burst, true, evening + minutes{i * 11 + rng.Between(0, 10)});
      p.household = entrance[static_cast<size_t>(i) % entrance.size()];
      p.category = OrderCategory::kHeatingQuality;
      p.duplicate = false;
      plans.push_back(p);
    }
  }
  std::stable_sort(plans.begin(), plans.end(),
                   [](const Plan& a, const Plan& b) { return a.received < b.received; });
  return plans;
}

}  // namespace hearth::sim::orders
