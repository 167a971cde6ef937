#include "services/sample_plan_adoption.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ports/record_views.hpp"
#include "rules/season.hpp"

namespace hearth::services {
namespace {

Result<Date> DateOf(const ports::Record& r, const char* field) {
  auto d = ParseDate(r.Text(field));
  if (!d.ok()) return Error::Internal("stored " + std::string(field) + " is not a date");
  return *d;
}

// The first valid manual measurement (R-TEMP-4) of each household of `company` taken from..to.
Result<std::map<int64_t, std::pair<Date, std::string>>> FirstMeasured(
    ports::MonitoringStore& monitoring, int64_t company, Date from, Date to) {
  std::map<int64_t, std::pair<Date, std::string>> out;
  ports::MeasurementQuery q;
  q.company_id = company;
  q.from = StartOfLocalDay(from);
  q.to = EndOfLocalDay(to);
  q.limit = 1000;
  for (;;) {
    auto page = monitoring.ListMeasurements(q);
    if (!page.ok()) return page.error();
    for (const ports::Measurement& m : *page) {
      if (!m.valid) continue;
      const Date day = LocalDate(m.taken_at);
      auto [it, added] = out.try_emplace(m.household_id, day, m.created_by);
      if (!added && day < it->second.first) it->second = {day, m.created_by};
    }
    if (page->size() < static_cast<size_t>(q.limit)) return out;
    q.after = page->back().id;
  }
}

}  // namespace

Status SamplePlanAdoptionService::CheckStaff(const std::string& username,
                                             int64_t company_id) const {
  auto user = users_.FindUser(username);
  if (!user.ok() && user.error().code != ErrorCode::kNotFound) return user.error();
  if (!user.ok() || user->role != rules::Role::kTechnician || user->company_id != company_id ||
      user->disabled) {
    return Error::InvalidArgument(
        "staff " + username + " is not an enabled technician of the company", "staff");
  }
  return OkStatus();
}

Result<ports::Record> SamplePlanAdoptionService::Adopt(const CompanySamplePlan& drawn,
                                                       const PlanAdoption& adoption,
                                                       const std::string& summary_json,
                                                       const std::string& actor,
                                                       const Progress& progress) const {
  const int64_t company = drawn.company.id;
  const std::string season = std::to_string(adoption.season);
  for (const auto& [day, field] : {std::pair{adoption.from, "from"}, {adoption.to, "to"}}) {
    if (rules::SeasonYearOf(day) != adoption.season) {
      return Error::InvalidArgument(std::string(field) + " " + FormatDate(day) +
                                        " is outside season " + season + " (" + season +
                                        "-07-01 … " + std::to_string(adoption.season + 1) +
                                        "-06-30)",
                                    field);
    }
  }
  std::set<std::string> named;
  for (const std::string& s : adoption.staff) {
    if (!named.insert(s).second) {
      return Error::InvalidArgument("staff names " + s + " twice", "staff");
    }
    if (auto ok = CheckStaff(s, company); !ok.ok()) return ok.error();
  }
  ports::Scope own;
  own.company_id = company;
  ports::ListQuery existing;
  existing.equals = {{"company_id", company}, {"season", adoption.season}};
  existing.limit = 1;
  existing.scope = own;
  auto found = records_.List(ports::ResourceNamed("sample_plans"), existing);
  if (!found.ok()) return found.error();
  if (!found->items.empty()) {
    return Error::AlreadyExists("company " + drawn.company.code + " adopted plan " +
                                    std::to_string(found->items[0].id) + " for season " +
                                    season + "; change its points' days and staff instead",
                                "season");
  }

  std::vector<rules::CollectionPoint> points;
  for (size_t i : drawn.plan.selected) {
    points.push_back({drawn.households[i].building, drawn.households[i].has_sensor});
  }
  auto schedule = rules::ScheduleCollections(points, adoption.from, adoption.to,
                                             adoption.staff.size());
  if (!schedule.ok()) return schedule.error();
  const auto total = static_cast<int64_t>(points.size());
  if (progress && !progress(0, total)) return Stopped();

  const ports::Fields plan_fields = {
      {"company_id", company},
      {"season", adoption.season},
      {"seed", std::to_string(drawn.seed)},
      {"policy", drawn.company.policy},
      {"collect_from", FormatDate(adoption.from)},
      {"collect_to", FormatDate(adoption.to)},
      {"heated_households", drawn.plan.households},
      {"required", drawn.plan.size.required},
      {"summary", summary_json},
      {"adopted_by", actor},
      {"adopted_at", FormatLocal(clock_.Now())}};
  std::vector<ports::Fields> rows;
  rows.reserve(points.size());
  for (size_t k = 0; k < drawn.plan.selected.size(); ++k) {
    const rules::SampleHousehold& h = drawn.households[drawn.plan.selected[k]];
    const rules::ScheduledCollection& s = (*schedule)[k];
    rows.push_back(
        {{"household_id", drawn.refs[drawn.plan.selected[k]].household_id},
         {"method", std::string(points[k].remote ? "remote" : "manual")},
         {"network_position", std::string(rules::PositionName(h.position))},
         {"orientation", std::string(rules::OrientationName(h.orientation))},
         {"floor_tier", std::string(rules::TierName(rules::TierOf(h)))},
         {"collect_on", FormatDate(s.on)},
         {"staff", s.staff ? ports::FieldValue(adoption.staff[*s.staff]) : nullptr}});
  }
  ports::Record plan;
  auto written = records_.Transact([&](ports::RecordTransaction& tx) -> Status {
    auto created = tx.Create(ports::ResourceNamed("sample_plans"), plan_fields, own, actor);
    if (!created.ok()) return created.error();
    plan = std::move(*created);
    for (auto& row : rows) row["plan_id"] = plan.id;
    auto stored = tx.CreateMany(ports::ResourceNamed("sample_points"), rows, own, actor);
    return stored.ok() ? OkStatus() : Status(stored.error());
  });
  if (!written.ok()) return written.error();
  if (progress) progress(total, total);
  return plan;
}

Result<PlanFollowUp> SamplePlanAdoptionService::FollowUp(
    int64_t plan_id, const ports::Scope& scope, const std::optional<std::string>& staff) const {
  PlanFollowUp out;
  auto plan = records_.Get(ports::ResourceNamed("sample_plans"), plan_id, scope);
  if (!plan.ok()) return plan.error();
  out.plan = std::move(*plan);
  const int64_t company = out.plan.Int("company_id").value_or(0);
  auto from = DateOf(out.plan, "collect_from");
  if (!from.ok()) return from.error();
  auto to = DateOf(out.plan, "collect_to");
  if (!to.ok()) return to.error();
  out.at = clock_.Now();
  out.today = LocalDate(out.at);
  auto points = ports::ListRecords(records_, ports::ResourceNamed("sample_points"),
                                   {{"plan_id", plan_id}}, scope);
  if (!points.ok()) return points.error();

  // What was collected within the window, up to today.
  std::map<int64_t, std::pair<Date, std::string>> measured;
  std::set<int64_t> with_days;
  if (*from <= out.today) {
    const Date until = std::min(*to, out.today);
    auto first = FirstMeasured(monitoring_, company, *from, until);
    if (!first.ok()) return first.error();
    measured = std::move(*first);
    auto days = monitoring_.HouseholdsWithDays(*from, until, company);
    if (!days.ok()) return days.error();
    with_days.insert(days->begin(), days->end());
  }

  for (ports::Record& p : *points) {
    const int64_t household = p.Int("household_id").value_or(0);
    const bool remote = p.Text("method") == "remote";
    auto on = DateOf(p, "collect_on");
    if (!on.ok()) return on.error();
    PointFollowUp f;
    std::optional<Date> collected;
    if (remote && with_days.contains(household)) collected = *on;
    if (auto m = measured.find(household); !remote && m != measured.end()) {
      collected = f.collected_on = m->second.first;
      f.collected_by = m->second.second;
    }
    f.status = rules::StatusOf(remote, *on, collected, out.today);
    ++out.counts[static_cast<size_t>(f.status)];
    if (staff && p.Text("staff") != *staff) continue;
    auto h = ports::GetView<ports::HouseholdView>(records_, household, scope);
    if (!h.ok()) return h.error();
    f.household_code = h->code;
    f.address = h->address;
    f.point = std::move(p);
    out.points.push_back(std::move(f));
  }
  return out;
}

Result<ports::Record> SamplePlanAdoptionService::Reschedule(
    int64_t point_id, std::optional<Date> on, const std::optional<std::string>& staff,
    const ports::Scope& scope, const std::string& actor) const {
  auto point = records_.Get(ports::ResourceNamed("sample_points"), point_id, scope);
  if (!point.ok()) return point.error();
  if (point->Text("method") == "remote") {
    return Error::FailedPrecondition(
        "point " + std::to_string(point_id) + " is collected by its sensor: it has no visit");
  }
  auto plan = records_.Get(ports::ResourceNamed("sample_plans"),
                           point->Int("plan_id").value_or(0), scope);
  if (!plan.ok()) return plan.error();
  ports::Fields changes;
  if (on) {
    auto from = DateOf(*plan, "collect_from");
    if (!from.ok()) return from.error();
    auto to = DateOf(*plan, "collect_to");
    if (!to.ok()) return to.error();
    if (*on < *from || *on > *to) {
      return Error::InvalidArgument("collect_on must be within the plan's window, " +
                                        FormatDate(*from) + " … " + FormatDate(*to),
                                    "collect_on");
    }
    changes["collect_on"] = FormatDate(*on);
  }
  if (staff) {
    if (auto ok = CheckStaff(*staff, plan->Int("company_id").value_or(0)); !ok.ok()) {
      return ok.error();
    }
    changes["staff"] = *staff;
  }
  if (changes.empty()) {
    return Error::InvalidArgument("give collect_on, staff or both", "collect_on");
  }
  return records_.Update(ports::ResourceNamed("sample_points"), point_id, changes, scope, actor);
}

}  // namespace hearth::services
