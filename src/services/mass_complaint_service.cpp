#include "services/mass_complaint_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "rules/mass_complaint.hpp"
#include "services/company_policy.hpp"

namespace hearth::services {
namespace {

using rules::Role;

std::chrono::seconds WindowOf(const rules::Policy& p) {
  return std::chrono::hours(p.mass_complaint_window_hours.value);
}

/// The messages of a new flag: to the regulator and to the company's managers.
std::vector<ports::OutboxMessage> MessagesOf(const ports::MassComplaintFlag& f,
                                             const rules::Policy& p) {
  std::vector<ports::OutboxMessage> out;
  for (const char* receiver : {"regulator", "managers"}) {
    ports::OutboxMessage m;
    m.message_id = "mass-complaint-" + std::to_string(f.company_id) + "-" +
                   std::to_string(f.reached_order_id) + "-" + receiver;
    m.receiver = receiver;
    m.topic = "complaints.mass";
    m.company_id = f.company_id;
    m.order_id = f.reached_order_id;
    m.created_at = f.flagged_at;
    m.fields = {{"community", f.community},
                {"complaints", std::to_string(f.order_ids.size())},
                {"first_at", FormatLocal(f.first_at)},
                {"reached_at", FormatLocal(f.reached_at)},
                {"threshold", std::to_string(f.threshold)},
                {"window_hours", std::to_string(f.window_hours)},
                {"basis", p.mass_complaint_count.basis.Display()}};
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Result<int> MassComplaintService::Judge(const rules::Policy& p, int64_t company_id,
                                        const std::string& community,
                                        const std::vector<ports::CommunityComplaint>& complaints,
                                        Instant from, Instant until) const {
  std::vector<rules::ReceivedComplaint> received;
  received.reserve(complaints.size());
  for (const auto& c : complaints) received.push_back({c.order_id, c.received_at});
  int flagged = 0;
  for (auto& episode :
       rules::FindMassComplaints(received, p.mass_complaint_count.value, WindowOf(p))) {
    if (episode.last_at < from || episode.first_at > until) continue;
    ports::MassComplaintFlag f;
    f.company_id = company_id;
    f.community = community;
    f.reached_order_id = episode.reached_order_id;
    f.first_at = episode.first_at;
    f.reached_at = episode.reached_at;
    f.last_at = episode.last_at;
    f.order_ids = std::move(episode.order_ids);
    std::sort(f.order_ids.begin(), f.order_ids.end());
    f.threshold = p.mass_complaint_count.value;
    f.window_hours = p.mass_complaint_window_hours.value;
    f.policy = p.id;
    f.flagged_at = clock_.Now();
    auto created = store_.Flag(f, MessagesOf(f, p), "mass-complaints");
    if (!created.ok()) return created.error();
    flagged += *created ? 1 : 0;
  }
  return flagged;
}

Result<int> MassComplaintService::Check(int64_t company_id, int64_t household_id,
                                        Instant at) const {
  auto policy = CompanyPolicy(policies_, records_, company_id);
  if (!policy.ok()) return policy.error();
  auto community = store_.CommunityOf(household_id);
  if (!community.ok()) return community.error();
  // Every window that holds `at` lies in [at − window, at + window]; each of their complaints'
  // own windows reach back one window more.
  const auto window = WindowOf(**policy);
  auto complaints = store_.Complaints({company_id, *community, at - 2 * window, at + window});
  if (!complaints.ok()) return complaints.error();
  return Judge(**policy, company_id, *community, *complaints, at, at);
}

Result<int> MassComplaintService::Scan(Instant from, Instant until) const {
  auto complaints = store_.Complaints({std::nullopt, std::nullopt, from, until});
  if (!complaints.ok()) return complaints.error();
  int flagged = 0;
  std::map<int64_t, std::shared_ptr<const rules::Policy>> policies;  // null: none loaded
  // Ordered by company and community: judge each run of one community.
  auto begin = complaints->begin();
  while (begin != complaints->end()) {
    auto end = std::find_if(begin, complaints->end(), [&](const ports::CommunityComplaint& c) {
      return c.company_id != begin->company_id || c.community != begin->community;
    });
    auto known = policies.find(begin->company_id);
    if (known == policies.end()) {
      auto policy = CompanyPolicy(policies_, records_, begin->company_id);
      if (!policy.ok() && policy.error().code != ErrorCode::kFailedPrecondition) {
        return policy.error();
      }
      known = policies.emplace(begin->company_id, policy.ok() ? *policy : nullptr).first;
    }
    if (known->second) {  // a company without a loaded profile is skipped
      auto judged =
          Judge(*known->second, begin->company_id, begin->community, {begin, end}, from, until);
      if (!judged.ok()) return judged.error();
      flagged += *judged;
    }
    begin = end;
  }
  return flagged;
}

Result<std::vector<ports::MassComplaintFlag>> MassComplaintService::List(
    ports::MassComplaintQuery query, const OrderActor& actor) const {
  if (actor.role == Role::kHousehold) {
    return Error::PermissionDenied("mass complaints are read by staff and regulators");
  }
  if (query.from > query.until) return Error::InvalidArgument("from is after to", "from");
  if (actor.scope.company_id) query.company_id = actor.scope.company_id;
  return store_.List(query);
}

}  // namespace hearth::services
