// One CompanyBuilder writes a company's whole city through one Writer and one random stream, in
// dependency order (districts, seasons, tariffs and contacts, network, buildings); each flat's
// household, rooms and fees, and the sensors, are demo_households.*.
#include "sim/demo_city.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/civil_time.hpp"
#include "core/decimal.hpp"
#include "model/resources.hpp"
#include "rules/season.hpp"
#include "sim/demo_city_data.hpp"
#include "sim/demo_households.hpp"
#include "sim/demo_login.hpp"
#include "sim/season_simulator.hpp"

namespace hearth::sim {
namespace {

using demo::AddSensors;
using demo::CompanySpec;
using demo::DistrictSpec;
using demo::LoginHousehold;
using demo::Padded;
using demo::Rng;
using demo::Sensored;
using demo::SourceSpec;
using demo::Specs;
using demo::Writer;

using ports::Fields;

// One company's city: its districts, seasons, network, buildings, households and fees.
class CompanyBuilder {
 public:
  CompanyBuilder(Writer& w, Rng& rng, const CompanySpec& spec, const rules::Policy& policy,
                 size_t index, int season, DemoSummary& summary)
      : w_(w),
        rng_(rng),
        spec_(spec),
        policy_(policy),
        index_(index),
        season_(season),
        summary_(summary) {}

  void Build(int64_t min_households, std::vector<Sensored>& bedrooms) {
    company_ = w_.Make("companies", {{"code", spec_.code},
                                     {"name", spec_.name},
                                     {"policy", spec_.policy},
                                     {"licence_no", spec_.licence}});
    ++summary_.companies;
    for (const auto& d : spec_.districts) AddDistrict(d);
    area_tariff_from_ = FormatDate(rules::SeasonOf(policy_.season, season_ - 1).official_start);
    AddTariffs();
    for (size_t i = 0; i < spec_.sources.size(); ++i) {
      const auto& s = spec_.sources[i];
      int64_t source =
          w_.Make("heat_sources",
                  {{"company_id", company_}, {"code", s.code}, {"name", s.name}, {"kind", s.kind}});
      for (const char* side : {"北线", "南线"}) {
        sections_.push_back(
            {w_.Make("network_sections",
                     {{"company_id", company_},
                      {"heat_source_id", source},
                      {"code", spec_.prefix + "-N" + std::to_string(sections_.size() + 1)},
                      {"name", s.name + side}}),
             i});
      }
    }
    for (int64_t s = 0; households_ < min_households && !w_.error(); ++s) {
      AddSubstation(s);
    }
    households_batch_.Write(w_, spec_, policy_, season_, bedrooms, summary_);
  }

  int64_t company() const { return company_; }

 private:
  struct Section {
    int64_t id;
    size_t district;  ///< index in spec_.districts, the district of its heat source
  };

  // R-SEASON-1 (W 5.2.5): the company's announcements of the commissioning and of the first
  // heated day, each a week ahead in the city's paper, but as `d` says for the demo season's.
  void Announce(const DistrictSpec& d, int64_t district, int year, const rules::SeasonDates& dates,
                const Fields& season) {
    Date first_heated = dates.official_start;
    if (auto it = season.find("early_start"); it != season.end()) {
      first_heated = *ParseDate(std::get<std::string>(it->second));
    }
    const std::string notice = year == season_ ? d.heating_start_notice : "";
    const struct {
      const char* kind;
      Date day;
      std::string lapse;
    } duties[] = {{"commissioning", dates.commissioning_start, ""},
                  {"heating_start", first_heated, notice}};
    for (const auto& duty : duties) {
      if (duty.lapse == "missing") continue;
      const Date on = duty.lapse == "late" ? duty.day : duty.day - std::chrono::days(7);
      w_.Make("season_announcements",
              {{"company_id", company_},
               {"district_id", district},
               {"season", int64_t{year}},
               {"kind", duty.kind},
               {"published_on", FormatDate(on)},
               {"channel", "newspaper"},
               {"reference", spec_.city + "供热公告 " + FormatDate(on) + "（演示）"}});
    }
  }

  void AddDistrict(const DistrictSpec& d) {
    int64_t district = w_.Make(
        "districts",
        {{"code", d.code}, {"name", d.name}, {"city", spec_.city}, {"policy", spec_.policy}});
    districts_.push_back(district);
    ++summary_.districts;
    w_.Make("licensed_districts", {{"company_id", company_}, {"district_id", district}});
    for (int year = season_ - 1; year <= season_ + 1; ++year) {
      // R-SEASON-1: the profile's dates; the district decides early starts and extensions.
      const rules::SeasonDates dates = rules::SeasonOf(policy_.season, year);
      Fields season = {{"district_id", district},
                       {"season", int64_t{year}},
                       {"commissioning_start", FormatDate(dates.commissioning_start)},
                       {"official_start", FormatDate(dates.official_start)},
                       {"official_end", FormatDate(dates.official_end)}};
      if (year == season_ && d.early_start_days > 0) {
        season["early_start"] =
            FormatDate(dates.official_start - std::chrono::days(d.early_start_days));
      }
      if (year == season_ && d.extension_days > 0) {
        season["extension_end"] =
            FormatDate(dates.official_end + std::chrono::days(d.extension_days));
      }
      if (season.count("early_start") || season.count("extension_end")) {
        season["decision_ref"] =
            d.name + "人民政府关于调整" + std::to_string(year) + "年供热期的通知（演示）";
      }
      w_.Make("seasons", season);
      ++summary_.seasons;
      if (year <= season_) Announce(d, district, year, dates, season);
    }
  }

  void AddTariffs() {
    w_.Make("tariffs", {{"company_id", company_},
                        {"name", "居民供暖（按面积，元/m²·季）"},
                        {"billing", "area"},
                        {"price", spec_.area_price_fen},
                        {"valid_from", area_tariff_from_},
                        {"approval", spec_.approval}});
    w_.Make("tariffs", {{"company_id", company_},
                        {"name", "居民供暖（按热计量，元/GJ）"},
                        {"billing", "meter"},
                        {"price", spec_.meter_price_fen},
                        {"valid_from", area_tariff_from_},
                        {"approval", spec_.approval}});
    summary_.tariffs += 2;
    // W 9.3: the government's temporary relief for 低保 and 特困 households (an invented notice).
    const std::string notice = (spec_.policy == "zibo" ? "淄" : "威") + std::string("政办字（演示）");
    const std::string to = FormatDate(rules::SeasonOf(policy_.season, season_).official_end);
    w_.Make("reliefs", {{"company_id", company_}, {"name", "低保家庭供热费减免"},
                        {"reference", notice + "1号"}, {"applies_to", "minimum-living"},
                        {"percent", int64_t{3000}}, {"valid_from", area_tariff_from_},
                        {"valid_to", to}});
    w_.Make("reliefs", {{"company_id", company_}, {"name", "特困供养人员供热费减免"},
                        {"reference", notice + "2号"}, {"applies_to", "extreme-poverty"},
                        {"amount", int64_t{50000}}, {"valid_from", area_tariff_from_},
                        {"valid_to", to}});
    // R-INFO-1: the numbers and hall its public page shows (invented, in the city's area code).
    const std::string area = spec_.policy == "zibo" ? "0533-" : "0631-";
    const std::string n = std::to_string(index_ + 1);
    const std::pair<const char*, std::vector<std::pair<std::string, ports::FieldValue>>>
        contacts[] = {
            {"hotline",
             {{"name", "24小时客服热线"}, {"phone", area + "520000" + n}, {"hours", "24小时"}}},
            {"repair", {{"name", "抢修电话"}, {"phone", area + "520110" + n}, {"hours", "24小时"}}},
            {"supervision", {{"name", "服务监督电话"}, {"phone", area + "520315" + n}}},
            {"hall",
             {{"name", spec_.districts[0].name + "营业厅"},
              {"phone", area + "520200" + n},
              {"address", spec_.city + spec_.districts[0].name + "人民路 1 号"},
              {"hours", "8:30-17:30（节假日照常）"}}},
        };
    for (const auto& [kind, fields] : contacts) {
      ports::Fields f = {{"company_id", company_}, {"kind", std::string(kind)}};
      for (const auto& [k, v] : fields) f[k] = v;
      w_.Make("service_contacts", f);
    }
  }

  struct BuildingPlan {
    int64_t floors, units, per_floor, pipe_distance_m, built_year, area_lo, area_hi;
    std::string position;
  };

  BuildingPlan PlanBuilding() {
    BuildingPlan b{};
    int64_t kind = rng_.Between(0, 99);
    if (kind < 35) {  // walk-up
      b.floors = rng_.Between(2, 7);
      b.units = rng_.Between(2, 4);
      b.per_floor = 2;
      b.built_year = rng_.Between(1988, 2010);
      b.area_lo = 5500;
      b.area_hi = 11000;
    } else if (kind < 70) {  // mid-rise
      b.floors = rng_.Between(8, 18);
      b.units = rng_.Between(1, 3);
      b.per_floor = 2;
      b.built_year = rng_.Between(2000, 2018);
      b.area_lo = 7000;
      b.area_hi = 12500;
    } else {  // high-rise
      b.floors = rng_.Between(19, 33);
      b.units = rng_.Between(1, 2);
      b.per_floor = 4;
      b.built_year = rng_.Between(2008, 2022);
      b.area_lo = 7500;
      b.area_hi = 14500;
    }
    b.pipe_distance_m = rng_.Between(60, 1800);
    return b;
  }

  void AddSubstation(int64_t s) {
    const Section& section = sections_[static_cast<size_t>(s) % sections_.size()];
    const auto n_communities = static_cast<int64_t>(spec_.communities.size());
    const std::string community = spec_.communities[static_cast<size_t>(s % n_communities)] +
                                  (s >= n_communities ? "二期" : "");
    int64_t substation = w_.Make("substations", {{"company_id", company_},
                                                 {"network_section_id", section.id},
                                                 {"code", spec_.prefix + "-S" + Padded(s + 1, 2)},
                                                 {"name", community + "换热站"}});
    ++summary_.substations;
    std::vector<BuildingPlan> plans(static_cast<size_t>(rng_.Between(8, 14)));
    for (auto& p : plans) p = PlanBuilding();
    // R-SAMPLE-2: network position by thirds of pipe distance within the substation.
    std::vector<size_t> order(plans.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return plans[a].pipe_distance_m < plans[b].pipe_distance_m;
    });
    for (size_t k = 0; k < order.size(); ++k) {
      plans[order[k]].position = 3 * k < order.size()        ? "near"
                                 : 3 * k >= 2 * order.size() ? "far"
                                                             : "middle";
    }
    for (size_t i = 0; i < plans.size(); ++i) {
      AddBuilding(plans[i], community, static_cast<int64_t>(i) + 1, substation, section);
    }
  }

  void AddBuilding(const BuildingPlan& p, const std::string& community, int64_t number,
                   int64_t substation, const Section& section) {
    const DistrictSpec& district = spec_.districts[section.district];
    ++building_seq_;
    const std::string code = spec_.prefix + "-B" + Padded(building_seq_, 4);
    const std::string name = community + std::to_string(number) + "号楼";
    int64_t building = w_.Make("buildings", {{"company_id", company_},
                                             {"district_id", districts_[section.district]},
                                             {"substation_id", substation},
                                             {"code", code},
                                             {"community", community},
                                             {"address", spec_.city + district.name + name},
                                             {"floors", p.floors},
                                             {"built_year", p.built_year},
                                             {"pipe_distance_m", p.pipe_distance_m},
                                             {"network_position", p.position}});
    ++summary_.buildings;
    for (int64_t u = 1; u <= p.units; ++u) {
      int64_t partition = w_.Make("partitions", {{"company_id", company_},
                                                 {"building_id", building},
                                                 {"code", "U" + std::to_string(u)},
                                                 {"name", std::to_string(u) + "单元"}});
      ++summary_.partitions;
      // Flats above one another share their plan: one area per door of the unit.
      std::vector<int64_t> areas;
      for (int64_t door = 0; door < p.per_floor; ++door) {
        areas.push_back(rng_.Between(p.area_lo, p.area_hi));
      }
      for (int64_t floor = 1; floor <= p.floors; ++floor) {
        for (int64_t door = 1; door <= p.per_floor; ++door) {
          const demo::Flat flat{
              company_,
              index_,
              partition,
              building,
              code + "-" + std::to_string(u) + "-" + Padded(floor * 100 + door, 4),
              name + std::to_string(u) + "单元" + std::to_string(floor * 100 + door) + "室",
              areas[static_cast<size_t>(door - 1)],
              floor,
              door <= p.per_floor / 2 ? "sun" : "shade"};
          households_batch_.Draw(rng_, district, flat);
          ++households_;
        }
      }
    }
  }

  Writer& w_;
  Rng& rng_;
  const CompanySpec& spec_;
  const rules::Policy& policy_;
  size_t index_;
  int season_;
  DemoSummary& summary_;
  int64_t company_ = 0;
  std::vector<int64_t> districts_;
  std::vector<Section> sections_;
  std::string area_tariff_from_;
  int64_t building_seq_ = 0;
  int64_t households_ = 0;
  demo::HouseholdBatch households_batch_;  // drawn as the buildings are laid out, written last
};

}  // namespace

Result<bool> HasNoCompanies(ports::RecordStore& store) {
  ports::ListQuery q;
  q.limit = 1;
  auto page = store.List(*model::FindResource("companies"), q);
  if (!page.ok()) return page.error();
  return page->items.empty();
}

Result<DemoSummary> GenerateDemoCity(ports::RecordStore& store,
                                     const services::PolicyRegistry& policies,
                                     services::AuthService* auth, const DemoOptions& options) {
  std::vector<std::shared_ptr<const rules::Policy>> profiles;
  for (const auto& spec : Specs()) {
    auto p = policies.Find(spec.policy);
    if (!p.ok()) {
      return Error::FailedPrecondition("the demo city needs the policy profile '" + spec.policy +
                                       "': " + p.error().message);
    }
    profiles.push_back(*p);
  }
  DemoSummary summary;
  demo::UserScopes scopes;
  Status s = store.Transact([&](ports::RecordTransaction& tx) -> Status {
    summary = DemoSummary{};
    Rng rng(options.seed);
    Writer w(tx, options.actor);
    std::vector<Sensored> bedrooms;
    const int64_t per_company =
        (options.min_households + static_cast<int64_t>(Specs().size()) - 1) /
        static_cast<int64_t>(Specs().size());
    for (size_t i = 0; i < Specs().size(); ++i) {
      CompanyBuilder b(w, rng, Specs()[i], *profiles[i], i, options.season, summary);
      b.Build(per_company, bedrooms);
      scopes.companies.push_back({b.company(), Specs()[i].code});
    }
    if (w.error()) return *w.error();
    if (bedrooms.empty()) {
      return Error::InvalidArgument("the demo city needs at least one household", "min_households");
    }
    SimOptions sim;
    sim.seed = options.seed;
    const size_t login = LoginHousehold(bedrooms, sim);
    scopes.household = bedrooms[login].household_id;
    scopes.household_code = bedrooms[login].household_code;
    // Installed a month before the official start of the city's first season.
    const Date start = rules::SeasonOf(profiles[0]->season, options.season - 1).official_start;
    AddSensors(w, rng, std::move(bedrooms), login, FormatDate(start - std::chrono::days(30)),
               summary);
    if (w.error()) return *w.error();
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  if (auth == nullptr) return summary;

  auto logins = demo::AddDemoUsers(*auth, scopes, options.password, options.actor);
  if (!logins.ok()) return logins.error();
  summary.logins = std::move(*logins);
  return summary;
}

}  // namespace hearth::sim
