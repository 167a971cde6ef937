// JudgingService: what judging a household reads besides its days, cached for a batch (where it
// is, its profile, its guarantee from the usage rates, R-TEMP-2; its district's season records,
// R-SEASON-1), and which households can have a judged day at all.
#include "services/judging_service.hpp"

#include <set>

namespace hearth::services {
namespace {

// The usage rates of `company`, from the cache when it has them.
Result<const std::vector<ports::UsageRateRow>*> RatesOf(
    ports::RecordStore& records, ports::UsageGrouping by, int64_t company,
    std::map<int64_t, std::vector<ports::UsageRateRow>>& cache) {
  auto it = cache.find(company);
  if (it == cache.end()) {
    ports::Scope scope;
    scope.company_id = company;
    auto rows = records.UsageRates(by, scope);
    if (!rows.ok()) return rows.error();
    it = cache.emplace(company, std::move(*rows)).first;
  }
  return &it->second;
}

// The record `id` of type View, from the cache when it has it.
template <typename View>
Result<const View*> CachedView(ports::RecordStore& records, int64_t id,
                               std::map<int64_t, View>& cache) {
  auto it = cache.find(id);
  if (it == cache.end()) {
    auto view = ports::GetView<View>(records, id);
    if (!view.ok()) return view.error();
    it = cache.emplace(id, std::move(*view)).first;
  }
  return &it->second;
}

// The profile of the household's company, from the cache when it has it.
Result<std::shared_ptr<const rules::Policy>> CachedPolicy(
    ports::RecordStore& records, const PolicyRegistry& policies,
    const ports::HouseholdView& household,
    std::map<int64_t, std::shared_ptr<const rules::Policy>>& cache) {
  auto it = cache.find(household.company_id);
  if (it == cache.end()) {
    auto found = PolicyOfHousehold(records, policies, household);
    if (!found.ok()) return found.error();
    it = cache.emplace(household.company_id, *found).first;
  }
  return it->second;
}

}  // namespace

Result<JudgingService::Context> JudgingService::ContextOf(const ports::HouseholdView& household,
                                                         Cache& cache) const {
  Context c;
  c.household = household;
  auto partition = CachedView(records_, c.household.partition_id, cache.partition_records);
  if (!partition.ok()) return partition.error();
  auto building = CachedView(records_, (*partition)->building_id, cache.buildings);
  if (!building.ok()) return building.error();
  c.building = **building;
  auto policy = CachedPolicy(records_, policies_, c.household, cache.policies);
  if (!policy.ok()) return policy.error();
  c.policy = *policy;
  const int64_t company = c.household.company_id;

  // R-TEMP-2: the guarantee, from the derived usage rates.
  auto by_partition =
      RatesOf(records_, ports::UsageGrouping::kPartition, company, cache.partitions);
  if (!by_partition.ok()) return by_partition.error();
  auto by_community =
      RatesOf(records_, ports::UsageGrouping::kCommunity, company, cache.communities);
  if (!by_community.ok()) return by_community.error();
  rules::GuaranteeInput in;
  bool have_partition = false, have_community = false;
  for (const auto& r : **by_partition) {
    if (r.partition_id == (*partition)->id) {
      in.partition = {r.heated_centi, r.total_centi};
      have_partition = true;
    }
  }
  for (const auto& r : **by_community) {
    if (r.community == c.building.community) {
      in.community = {r.heated_centi, r.total_centi};
      have_community = true;
    }
  }
  if (!have_partition || !have_community) {
    return Error::Internal("no usage rate for household " + std::to_string(household.id));
  }
  if (c.household.agreed_temp_tenths) {
    in.agreed = static_cast<rules::Tenths>(*c.household.agreed_temp_tenths);
  }
  in.company_heats = c.household.heated();
  auto guarantee = rules::GuaranteeFor(c.policy->temperature, in);
  if (!guarantee.ok()) return guarantee.error();
  c.input = in;
  c.guarantee = std::move(*guarantee);
  return c;
}

Result<const std::vector<rules::TermsUntil>*> JudgingService::ContractsOf(const Context& c,
                                                                           Date lo,
                                                                           Cache& cache) const {
  static const std::vector<rules::TermsUntil> kNone;
  if (facts_.contracts == nullptr) return &kNone;
  const int64_t company = c.household.company_id;
  auto it = cache.contracts.find({company, lo});
  if (it == cache.contracts.end()) {
    auto superseded = facts_.contracts->SupersededFrom(company, lo);
    if (!superseded.ok()) return superseded.error();
    std::map<int64_t, std::vector<rules::TermsUntil>> by_household;
    for (const ports::SupersededTerms& t : *superseded) {
      by_household[t.household_id].push_back(t.until);
    }
    it = cache.contracts.emplace(std::make_pair(company, lo), std::move(by_household)).first;
  }
  auto own = it->second.find(c.household.id);
  return own == it->second.end() ? &kNone : &own->second;
}

Result<std::vector<std::pair<Date, rules::Guarantee>>> JudgingService::GuaranteesOver(
    const Context& c, Date lo, Date hi, Cache& cache) const {
  std::vector<std::pair<Date, rules::Guarantee>> out;
  auto contracts = ContractsOf(c, lo, cache);
  if (!contracts.ok()) return contracts.error();
  const std::vector<rules::TermsUntil>& terms = **contracts;
  if (facts_.changes == nullptr && terms.empty()) {
    out.emplace_back(lo, c.guarantee);
    return out;
  }
  const int64_t company = c.household.company_id;
  auto it = cache.changes.find({company, lo});
  if (facts_.changes != nullptr && it == cache.changes.end()) {
    auto approved = facts_.changes->ApprovedAfter(company, lo);
    if (!approved.ok()) return approved.error();
    Cache::Changes index;
    for (const ports::ApprovedHeatingChange& a : *approved) {
      index.partitions[a.partition_id].push_back(a.shift);
      index.communities[a.community].push_back(a.shift);
      index.households[a.household_id].push_back(a.shift);
    }
    it = cache.changes.emplace(std::make_pair(company, lo), std::move(index)).first;
  }
  static const std::vector<rules::AreaShift> kNone;
  auto of = [&](const auto& member, const auto& key) -> const std::vector<rules::AreaShift>& {
    if (facts_.changes == nullptr) return kNone;
    const auto& map = it->second.*member;
    auto found = map.find(key);
    return found == map.end() ? kNone : found->second;
  };
  using Changes = Cache::Changes;
  const auto& partition = of(&Changes::partitions, c.household.partition_id);
  const auto& community = of(&Changes::communities, c.building.community);
  const auto& own = of(&Changes::households, c.household.id);
  if (partition.empty() && community.empty() && own.empty() && terms.empty()) {
    out.emplace_back(lo, c.guarantee);
    return out;
  }
  // Each run starts on lo, on an effective day within lo..hi, or on the day after a contract
  // version's last day within lo..hi.
  std::set<Date> starts{lo};
  for (const auto* shifts : {&partition, &community, &own}) {
    for (const rules::AreaShift& s : *shifts) {
      if (s.effective > lo && s.effective <= hi) starts.insert(s.effective);
    }
  }
  for (const rules::TermsUntil& t : terms) {
    const Date next = t.last_day + std::chrono::days{1};
    if (next > lo && next <= hi) starts.insert(next);
  }
  const rules::ContractTerms now{c.input.agreed, {}};  // the basis is the billing run's
  for (Date day : starts) {
    rules::GuaranteeInput in = c.input;
    in.partition = rules::RateOn(c.input.partition, partition, day);
    in.community = rules::RateOn(c.input.community, community, day);
    in.company_heats = rules::HeatedOn(c.input.company_heats, own, day);
    in.agreed = rules::TermsOn(now, terms, day).agreed;
    auto g = rules::GuaranteeFor(c.policy->temperature, in);
    if (!g.ok()) return g.error();
    out.emplace_back(day, std::move(*g));
  }
  return out;
}

Result<const std::vector<ports::SeasonView>*> JudgingService::SeasonRecords(int64_t district_id,
                                                                           Cache& cache) const {
  auto it = cache.seasons.find(district_id);
  if (it == cache.seasons.end()) {
    ports::ListQuery q;
    q.equals["district_id"] = district_id;
    q.limit = 1000;
    auto records = records_.List(ports::ResourceNamed("seasons"), q);
    if (!records.ok()) return records.error();
    auto views = ports::ViewsOf<ports::SeasonView>(records->items);
    if (!views.ok()) return views.error();
    it = cache.seasons.emplace(district_id, std::move(*views)).first;
  }
  return &it->second;
}

Result<JudgingService::Seasons> JudgingService::SeasonsOf(const ports::HouseholdView& household,
                                                          Cache& cache) const {
  auto partition = CachedView(records_, household.partition_id, cache.partition_records);
  if (!partition.ok()) return partition.error();
  auto building = CachedView(records_, (*partition)->building_id, cache.buildings);
  if (!building.ok()) return building.error();
  auto policy = CachedPolicy(records_, policies_, household, cache.policies);
  if (!policy.ok()) return policy.error();
  auto records = SeasonRecords((*building)->district_id, cache);
  if (!records.ok()) return records.error();
  return Seasons{*policy, *records};
}

Result<std::vector<int64_t>> JudgingService::WithEvidence(int64_t company_id, Date from,
                                                          Date to) const {
  std::set<int64_t> out;
  auto stored = store_.HouseholdsWithDays(from, to, company_id);
  if (!stored.ok()) return stored.error();
  out.insert(stored->begin(), stored->end());
  // Readings not rolled up yet: a sensor whose newest reading is in or after the range may hold
  // one in it (Judge catches its household up); one whose newest is before cannot.
  auto sensors = store_.LastReadings(company_id);
  if (!sensors.ok()) return sensors.error();
  const int64_t since = StartOfLocalDay(from).time_since_epoch().count();
  for (const auto& s : *sensors) {
    if (s.last_ts && *s.last_ts >= since) out.insert(s.household_id);
  }
  auto measured = store_.MeasuredHouseholds(company_id);
  if (!measured.ok()) return measured.error();
  out.insert(measured->begin(), measured->end());
  return std::vector<int64_t>(out.begin(), out.end());
}

Result<rules::Guarantee> JudgingService::GuaranteeOf(int64_t household_id, Cache* cache) const {
  auto household = ports::GetView<ports::HouseholdView>(records_, household_id);
  if (!household.ok()) return household.error();
  Cache local;
  Cache& shared = cache ? *cache : local;
  auto c = ContextOf(*household, shared);
  if (!c.ok()) return c.error();
  if (facts_.clock == nullptr) return std::move(c->guarantee);
  const Date today = LocalDate(facts_.clock->Now());
  auto over = GuaranteesOver(*c, today, today, shared);
  if (!over.ok()) return over.error();
  return std::move(over->front().second);
}

}  // namespace hearth::services
