#include "sim/demo_connections.hpp"

#include <vector>

#include "model/resources.hpp"
#include "rules/connection.hpp"
#include "services/company_policy.hpp"
#include "services/connection_service.hpp"

namespace hearth::sim {
namespace {

using rules::ConnectionAction;
using rules::ConnectionDocument;
using services::OrderActor;
using std::chrono::days;
using std::chrono::hours;

/// `resource`'s records of `company` (with `equals`), by id.
Result<std::vector<ports::Record>> Of(ports::RecordStore& records, const char* resource,
                                      int64_t company, ports::Fields equals, int at_most) {
  ports::ListQuery q;
  q.equals = std::move(equals);
  q.scope.company_id = company;
  q.limit = at_most;
  auto page = records.List(*model::FindResource(resource), q);
  if (!page.ok()) return page.error();
  return std::move(page->items);
}

/// A stopped household with its building: {building, household}.
Result<std::vector<std::pair<int64_t, int64_t>>> Stopped(ports::RecordStore& records,
                                                         int64_t company, int at_most) {
  auto households =
      Of(records, "households", company, {{"heating_status", std::string("stopped")}}, at_most);
  if (!households.ok()) return households.error();
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& h : *households) {
    auto partition =
        records.Get(*model::FindResource("partitions"), h.Int("partition_id").value_or(0), {});
    if (!partition.ok()) return partition.error();
    out.emplace_back(partition->Int("building_id").value_or(0), h.id);
  }
  return out;
}

/// When the overdue application came: 6 days before `now`, or earlier while its decision (1
/// working day) would still be running at `now`, as after the first days of a long holiday (the
/// Spring Festival's, National Day's). Never more than 30 days back.
Result<Instant> OverdueReceipt(const rules::Policy& policy, const rules::HolidayCalendar& calendar,
                               Instant now, ConnectionDocument form) {
  for (int back = 6; back <= 30; ++back) {
    const Instant at = now - days{back};
    auto assessed = rules::AssessConnection(policy, calendar, {false, false, at, {form}});
    if (!assessed.ok()) return assessed.error();
    if (assessed->decision.deadline < now) return at;
  }
  return Error::FailedPrecondition("no day of the last 30 leaves a decision overdue today");
}

}  // namespace

Result<DemoConnectionSummary> GenerateDemoConnections(ports::RecordStore& records,
                                                      ports::ConnectionStore& store,
                                                      const services::PolicyRegistry& policies,
                                                      services::CalendarService& calendar,
                                                      Instant now) {
  ports::ManualClock clock(now);
  const services::ConnectionService service(store, records, policies, calendar, clock);
  DemoConnectionSummary summary;
  ports::ListQuery cq;
  cq.limit = 1000;
  auto companies = records.List(*model::FindResource("companies"), cq);
  if (!companies.ok()) return companies.error();
  for (const auto& company : companies->items) {
    const OrderActor agent{"demo-agent", rules::Role::kAgent, {company.id, {}}};
    const OrderActor manager{"demo-manager", rules::Role::kManager, {company.id, {}}};
    auto buildings = Of(records, "buildings", company.id, {}, 3);
    if (!buildings.ok()) return buildings.error();
    auto stopped = Stopped(records, company.id, 2);
    if (!stopped.ok()) return stopped.error();
    if (buildings->size() < 3 || stopped->size() < 2) continue;
    // Takes one in at `at` (and the clock stays there).
    auto apply = [&](int64_t building, std::optional<int64_t> household, bool new_building,
                     bool outside_works, Instant at, std::set<ConnectionDocument> documents,
                     const char* applicant) -> Result<int64_t> {
      clock.Set(at + std::chrono::minutes{10});
      services::NewConnection in;
      in.building_id = building;
      in.household_id = household;
      in.applicant = applicant;
      in.phone = "1390631" + std::to_string(1000 + summary.applications);
      in.application = {new_building, outside_works, at, std::move(documents)};
      auto read = service.Apply(in, agent);
      if (!read.ok()) return read.error();
      ++summary.applications;
      return read->record.id;
    };
    auto step = [&](int64_t id, ConnectionAction action, rules::ConnectionMoveInput in,
                    Instant at) -> Status {
      clock.Set(at);
      const bool decides =
          action == ConnectionAction::kApprove || action == ConnectionAction::kRefuse;
      auto moved = service.Act(id, action, in, decides ? manager : agent);
      if (!moved.ok()) return moved.error();
      summary.approved += action == ConnectionAction::kApprove ? 1 : 0;
      summary.refused += action == ConnectionAction::kRefuse ? 1 : 0;
      summary.visited += action == ConnectionAction::kVisit ? 1 : 0;
      return OkStatus();
    };
    const int64_t b1 = (*buildings)[0].id, b2 = (*buildings)[1].id, b3 = (*buildings)[2].id;
    const auto [s1_building, s1] = (*stopped)[0];
    const auto [s2_building, s2] = (*stopped)[1];
    const ConnectionDocument form = ConnectionDocument::kApplicationForm;

    // Overdue: an existing building's household, form only.
    auto policy = services::CompanyPolicy(policies, records, company.id);
    if (!policy.ok()) return policy.error();
    auto overdue_at = OverdueReceipt(**policy, *calendar.Current(), now, form);
    if (!overdue_at.ok()) return overdue_at.error();
    auto overdue = apply(s1_building, s1, false, false, *overdue_at, {form}, "孙丽");
    if (!overdue.ok()) return overdue.error();
    // Running: a new building with outside works; its drawings supplied later.
    auto running = apply(b1, std::nullopt, true, true, now - hours{3}, {form}, "威海建设置业");
    if (!running.ok()) return running.error();
    rules::ConnectionMoveInput drawings;
    drawings.documents = {ConnectionDocument::kDrawings};
    if (auto s = step(*running, ConnectionAction::kSupplyDocuments, drawings, now - hours{1});
        !s.ok()) {
      return s.error();
    }
    // Approved, connected and visited back.
    const Instant a = now - days{40};
    auto approved =
        apply(s2_building, s2, false, true, a, {form, ConnectionDocument::kRetrofitRecord}, "周强");
    if (!approved.ok()) return approved.error();
    rules::ConnectionMoveInput owners;
    owners.documents = {ConnectionDocument::kOwnersDecision};
    rules::ConnectionMoveInput approve;
    approve.note = "节能改造验收合格，业主共同决定已备案";
    rules::ConnectionMoveInput visit;
    visit.note = "已正常供热，室温达标，对办理时限满意";
    visit.satisfied = true;
    for (auto [action, in, at] :
         {std::tuple{ConnectionAction::kSupplyDocuments, owners, a + days{1}},
          std::tuple{ConnectionAction::kApprove, approve, a + days{2}},
          std::tuple{ConnectionAction::kVisit, visit, a + days{9}}}) {
      if (auto s = step(*approved, action, in, at); !s.ok()) return s.error();
    }
    // Refused with its reason and suggestion; the visit owed.
    auto refused = apply(b2, std::nullopt, true, true, now - days{60},
                         {form, ConnectionDocument::kDrawings}, "海滨花园开发公司");
    if (!refused.ok()) return refused.error();
    rules::ConnectionMoveInput refuse;
    refuse.reason = "该地块二级管网尚未敷设，热源容量不足";
    refuse.suggestion = "待东区二级管网工程竣工（计划明年6月）后重新申请，可先办理预登记";
    if (auto s = step(*refused, ConnectionAction::kRefuse, refuse, now - days{59}); !s.ok()) {
      return s.error();
    }
    // Approved late.
    auto late = apply(b3, std::nullopt, true, false, now - days{100},
                      {form, ConnectionDocument::kDrawings}, "金海湾物业");
    if (!late.ok()) return late.error();
    rules::ConnectionMoveInput approve_late;
    approve_late.note = "现场勘察后同意接入";
    if (auto s = step(*late, ConnectionAction::kApprove, approve_late, now - days{80}); !s.ok()) {
      return s.error();
    }
  }
  return summary;
}

}  // namespace hearth::sim
