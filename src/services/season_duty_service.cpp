#include "services/season_duty_service.hpp"

#include <map>
#include <utility>

#include "rules/season.hpp"

namespace hearth::services {

Result<SeasonDutyReport> SeasonDutyService::Duties(std::optional<int> season_asked,
                                                   std::optional<int64_t> company,
                                                   const ports::Scope& scope) const {
  if (scope.household_id) {
    return Error::PermissionDenied("the season's duties are for companies and regulators");
  }
  const Date today = LocalDate(clock_.Now());
  const int season = season_asked.value_or(rules::SeasonYearOf(today));
  if (scope.company_id) company = scope.company_id;
  ports::Fields of_company;
  if (company) of_company["company_id"] = *company;
  auto licences = ports::ListViews<ports::LicensedDistrictView>(records_, of_company);
  if (!licences.ok()) return licences.error();
  auto companies = ports::ListViews<ports::CompanyView>(records_);
  if (!companies.ok()) return companies.error();
  auto districts = ports::ListViews<ports::DistrictView>(records_);
  if (!districts.ok()) return districts.error();
  auto seasons = ports::ListViews<ports::SeasonView>(records_, {{"season", int64_t{season}}});
  if (!seasons.ok()) return seasons.error();
  ports::Fields announced = of_company;
  announced["season"] = int64_t{season};
  auto announcements = ports::ListViews<ports::SeasonAnnouncementView>(records_, announced);
  if (!announcements.ok()) return announcements.error();

  std::map<int64_t, const ports::CompanyView*> company_of;
  for (const auto& c : *companies) company_of[c.id] = &c;
  std::map<int64_t, const ports::DistrictView*> district_of;
  for (const auto& d : *districts) district_of[d.id] = &d;
  std::map<int64_t, const ports::SeasonView*> season_of;  // by district
  for (const auto& s : *seasons) season_of[s.district_id] = &s;
  std::map<std::pair<int64_t, int64_t>, std::vector<const ports::SeasonAnnouncementView*>> made;
  for (const auto& a : *announcements) made[{a.company_id, a.district_id}].push_back(&a);

  SeasonDutyReport out;
  out.season = season;
  out.today = today;
  std::map<std::pair<int64_t, int64_t>, SeasonDutyRow> rows;
  for (const auto& l : *licences) {
    auto c = company_of.find(l.company_id);
    auto d = district_of.find(l.district_id);
    if (c == company_of.end() || d == district_of.end()) continue;  // written since the reads
    SeasonDutyRow row;
    row.company = *c->second;
    row.district = *d->second;
    if (auto s = season_of.find(l.district_id); s != season_of.end()) {
      const ports::SeasonView& r = *s->second;
      row.record = r;
      row.dates = {season, r.commissioning_start.value_or(r.official_start), r.official_start,
                   r.official_end};
      row.first_heated_day = r.early_start.value_or(r.official_start);
    } else {
      auto policy = policies_.Find(row.district.policy);
      if (!policy.ok()) {
        return Error::FailedPrecondition("district " + row.district.code + "'s profile '" +
                                         row.district.policy + "' is not loaded");
      }
      row.dates = rules::SeasonOf((*policy)->season, season);
      row.first_heated_day = row.dates.official_start;
    }
    std::vector<rules::Publication> published;
    const auto& theirs = made[{l.company_id, l.district_id}];
    for (const auto* a : theirs) {
      if (auto kind = rules::ParseAnnouncementKind(a->kind)) {
        published.push_back({*kind, a->published_on});
      }
    }
    auto duties = rules::JudgeAnnouncements(row.dates.commissioning_start, row.first_heated_day,
                                            published, out.today);
    for (size_t i = 0; i < duties.size(); ++i) {
      row.duties[i].duty = duties[i];
      for (const auto* a : theirs) {
        if (a->kind == rules::AnnouncementKindName(duties[i].kind) &&
            a->published_on == duties[i].published_on) {
          row.duties[i].announcement = *a;
        }
      }
    }
    rows.emplace(std::make_pair(l.company_id, l.district_id), std::move(row));
  }
  for (auto& [key, row] : rows) out.rows.push_back(std::move(row));
  return out;
}

}  // namespace hearth::services
