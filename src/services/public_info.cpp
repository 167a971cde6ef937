#include "services/public_info.hpp"

#include "ports/record_views.hpp"
#include "rules/season.hpp"

namespace hearth::services {
namespace {

using ports::Record;

std::optional<std::string> OptText(const Record& r, const char* field) {
  std::string t = r.Text(field);
  if (t.empty()) return std::nullopt;
  return t;
}

/// Every record of `resource` of the company, all pages.
Result<std::vector<Record>> CompanyRecords(ports::RecordStore& records, const char* resource,
                                           int64_t company_id) {
  ports::ListQuery q;
  q.equals = {{"company_id", company_id}};
  q.limit = 1000;
  std::vector<Record> out;
  for (;;) {
    auto page = records.List(*model::FindResource(resource), q);
    if (!page.ok()) return page.error();
    for (auto& r : page->items) out.push_back(std::move(r));
    if (!page->next_cursor) return out;
    q.after = page->next_cursor;
  }
}

Result<std::vector<PublicContact>> Contacts(ports::RecordStore& records, int64_t company_id) {
  auto rows = CompanyRecords(records, "service_contacts", company_id);
  if (!rows.ok()) return rows.error();
  std::vector<PublicContact> out;
  for (const auto& r : *rows) {
    out.push_back({r.Text("kind"), r.Text("name"), r.Text("phone"), OptText(r, "address"),
                   OptText(r, "hours")});
  }
  return out;
}

Result<std::vector<PublicPrice>> Prices(ports::RecordStore& records, int64_t company_id,
                                        Date today) {
  auto tariffs = ports::ListViews<ports::TariffView>(records, {{"company_id", company_id}});
  if (!tariffs.ok()) return tariffs.error();
  std::vector<PublicPrice> out;
  for (const auto& t : *tariffs) {
    if (!t.ValidOn(today)) continue;
    out.push_back({t.name, t.billing, t.price, t.valid_from, t.valid_to, t.approval, t.base_price});
  }
  return out;
}

Result<std::vector<PublicSeason>> Seasons(ports::RecordStore& records,
                                          const PolicyRegistry& policies, int64_t company_id,
                                          int year) {
  auto licensed =
      ports::ListViews<ports::LicensedDistrictView>(records, {{"company_id", company_id}});
  if (!licensed.ok()) return licensed.error();
  std::vector<PublicSeason> out;
  for (const auto& l : *licensed) {
    auto district = ports::GetView<ports::DistrictView>(records, l.district_id);
    if (!district.ok()) return district.error();
    PublicSeason s;
    s.district_code = district->code;
    s.district_name = district->name;
    s.season = year;
    auto decided = ports::ListViews<ports::SeasonView>(
        records, {{"district_id", l.district_id}, {"season", int64_t{year}}});
    if (!decided.ok()) return decided.error();
    if (!decided->empty()) {
      const auto& d = decided->front();
      s.official_start = d.official_start;
      s.official_end = d.official_end;
      s.early_start = d.early_start;
      s.extension_end = d.extension_end;
      s.decided = true;
    } else {
      auto policy = policies.Find(district->policy);
      if (!policy.ok()) {
        return Error::FailedPrecondition("district " + district->code +
                                         " names a policy profile that is not loaded");
      }
      const rules::SeasonDates dates = rules::SeasonOf((*policy)->season, year);
      s.official_start = dates.official_start;
      s.official_end = dates.official_end;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<PublicCompanyInfo> PublicInfoOf(ports::RecordStore& records, const PolicyRegistry& policies,
                                       const std::string& code, Date today) {
  auto companies = ports::ListViews<ports::CompanyView>(records, {{"code", code}});
  if (!companies.ok()) return companies.error();
  if (companies->empty()) return Error::NotFound("no company with code " + code, "code");
  const ports::CompanyView& company = companies->front();
  auto policy = policies.Find(company.policy);
  if (!policy.ok()) {
    return Error::FailedPrecondition("the company's policy profile is not loaded");
  }
  PublicCompanyInfo info;
  info.code = company.code;
  info.name = company.name;
  info.licence_no = company.licence_no;
  info.policy = (*policy)->name;
  auto contacts = Contacts(records, company.id);
  if (!contacts.ok()) return contacts.error();
  info.contacts = std::move(*contacts);
  auto seasons = Seasons(records, policies, company.id, rules::SeasonYearOf(today));
  if (!seasons.ok()) return seasons.error();
  info.seasons = std::move(*seasons);
  auto prices = Prices(records, company.id, today);
  if (!prices.ok()) return prices.error();
  info.prices = std::move(*prices);
  info.procedures = rules::PublicProcedures(**policy);
  info.standards = rules::PublicStandards(**policy);
  info.rights = rules::PublicRights(**policy);
  info.duties = rules::PublicDuties();
  return info;
}

}  // namespace hearth::services
