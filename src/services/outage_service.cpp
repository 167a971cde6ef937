#include "services/outage_service.hpp"

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "services/company_policy.hpp"

namespace hearth::services {
namespace {

using rules::Role;

constexpr auto kFutureSlack = std::chrono::minutes{5};  // clocks of phones and field laptops

std::string Id(int64_t id) { return std::to_string(id); }

bool MayChange(Role role) {
  return role == Role::kAdmin || role == Role::kManager || role == Role::kAgent;
}

Status MayChange(const OrderActor& actor) {
  if (MayChange(actor.role)) return OkStatus();
  return Error::PermissionDenied("heating stops are recorded by the company's staff, not by the " +
                                 std::string(rules::RoleName(actor.role)));
}

std::vector<rules::PublishedNotice> Published(const ports::Outage& o) {
  std::vector<rules::PublishedNotice> out;
  for (const auto& n : o.notices) out.push_back({n.at, n.expected_end});
  return out;
}

/// The restoration time last announced (the stop's own expected end before any notice).
Instant AnnouncedEnd(const ports::Outage& o) {
  return o.notices.empty() ? o.expected_end : o.notices.back().expected_end;
}

}  // namespace

Result<ports::OutageScope> OutageService::ResolveScope(const ScopeRefs& refs,
                                                       int64_t company_id) const {
  struct Level {
    const char* name;
    const std::vector<ScopeRef>* refs;
    std::vector<int64_t> ports::OutageScope::*ids;
  };
  const Level levels[] = {
      {"heat_sources", &refs.heat_sources, &ports::OutageScope::heat_sources},
      {"network_sections", &refs.network_sections, &ports::OutageScope::network_sections},
      {"substations", &refs.substations, &ports::OutageScope::substations},
      {"buildings", &refs.buildings, &ports::OutageScope::buildings},
  };
  ports::OutageScope scope;
  const ports::Scope company{company_id, std::nullopt};
  for (const Level& l : levels) {
    for (size_t i = 0; i < l.refs->size(); ++i) {
      const ScopeRef& ref = (*l.refs)[i];
      const std::string field = std::string("scope.") + l.name + "[" + std::to_string(i) + "]";
      if (ref.id > 0) {
        (scope.*(l.ids)).push_back(ref.id);  // the store checks it is the company's
        continue;
      }
      ports::ListQuery q;
      q.equals = {{"code", ref.code}};
      q.scope = company;
      q.limit = 1;
      auto page = records_.List(*model::FindResource(l.name), q);
      if (!page.ok()) return page.error();
      if (page->items.empty()) {
        return Error::InvalidArgument("no record with code '" + ref.code + "' in " + l.name +
                                          " of this company",
                                      field);
      }
      (scope.*(l.ids)).push_back(page->items.front().id);
    }
  }
  if (scope.Empty()) {
    return Error::InvalidArgument(
        "the scope names no heat source, network section, substation or building", "scope");
  }
  return scope;
}

Result<OutageRead> OutageService::WithObligations(ports::Outage outage) const {
  auto policy = CompanyPolicy(policies_, records_, outage.company_id);
  if (!policy.ok()) return policy.error();
  const rules::OutageTimes times{outage.kind, outage.start, outage.expected_end,
                                 outage.actual_end};
  const auto published = Published(outage);
  auto obligations =
      rules::NoticeObligations(**policy, *calendar_.Current(), times, published, clock_.Now());
  if (!obligations.ok()) return obligations.error();
  return OutageRead{std::move(outage), std::move(*obligations)};
}

Result<ports::Outage> OutageService::Visible(int64_t id, const ports::Scope& scope) const {
  auto o = store_.Get(id);
  if (!o.ok()) return o.error();
  bool visible = !scope.company_id || o->company_id == *scope.company_id;
  if (visible && scope.household_id) {
    auto affects = store_.Affects(id, *scope.household_id);
    if (!affects.ok()) return affects.error();
    visible = *affects;
  }
  if (!visible) return Error::NotFound("no heating stop " + Id(id), "id");
  return o;
}

Result<OutageRead> OutageService::Record(const NewOutage& in, const OrderActor& actor) const {
  if (auto s = MayChange(actor); !s.ok()) return s.error();
  int64_t company_id = 0;
  if (actor.scope.company_id) {
    if (in.company_id && *in.company_id != *actor.scope.company_id) {
      return Error::InvalidArgument("a stop is recorded for your own company", "company");
    }
    company_id = *actor.scope.company_id;
  } else {
    if (!in.company_id) return Error::InvalidArgument("company is required", "company");
    company_id = *in.company_id;
    auto company = ports::GetView<ports::CompanyView>(records_, company_id);
    if (!company.ok()) return Error::InvalidArgument("no company " + Id(company_id), "company");
  }
  if (in.cause.empty()) return Error::InvalidArgument("cause is required (R-OUT-1)", "cause");
  if (in.expected_end <= in.start) {
    return Error::InvalidArgument("expected_end must be after start", "expected_end");
  }
  const Instant now = clock_.Now();
  if (in.kind == rules::OutageKind::kEmergency && in.start > now + kFutureSlack) {
    return Error::InvalidArgument("an emergency stop is recorded once it has started", "start");
  }
  auto scope = ResolveScope(in.scope, company_id);
  if (!scope.ok()) return scope.error();

  ports::Outage o;
  o.company_id = company_id;
  o.kind = in.kind;
  o.company_caused = in.company_caused;
  o.cause = in.cause;
  o.scope = std::move(*scope);
  o.start = in.start;
  o.expected_end = in.expected_end;
  o.road_sections = in.road_sections;
  o.created_by = actor.name;
  std::vector<ports::OutboxMessage> outbox;
  if (in.kind == rules::OutageKind::kEmergency) {
    // R-OUT-1: an emergency stop is reported to the heating authority.
    ports::OutboxMessage report;
    report.message_id = "authority";  // the store prefixes the new stop's id
    report.receiver = "authority";
    report.topic = "outage.emergency";
    report.company_id = company_id;
    report.fields = {{"cause", in.cause},
                     {"start", FormatLocal(in.start)},
                     {"expected_end", FormatLocal(in.expected_end)},
                     {"road_sections", in.road_sections},
                     {"company_caused", in.company_caused ? "true" : "false"}};
    report.created_at = now;
    report.next_attempt_at = now;
    outbox.push_back(std::move(report));
  }
  auto created = store_.Create(o, outbox);
  if (!created.ok()) return created.error();
  return WithObligations(std::move(*created));
}

Result<OutageRead> OutageService::Announce(int64_t id, const NewNotice& in,
                                           const OrderActor& actor) const {
  if (auto s = MayChange(actor); !s.ok()) return s.error();
  auto o = Visible(id, actor.scope);
  if (!o.ok()) return o.error();
  if (o->actual_end) {
    return Error::FailedPrecondition("heating stop " + Id(id) + " has ended; nothing to announce",
                                     "at");
  }
  if (in.at > clock_.Now() + kFutureSlack) {
    return Error::InvalidArgument("at is in the future: a notice is recorded once published",
                                  "at");
  }
  const Instant restoration = in.expected_end.value_or(AnnouncedEnd(*o));
  if (restoration <= in.at) {
    return Error::InvalidArgument(
        "the announced restoration (expected_end) must be after the notice; announce a new one",
        "expected_end");
  }
  ports::OutageNotice notice;
  notice.at = in.at;
  notice.expected_end = restoration;
  notice.text = in.text;
  notice.actor = actor.name;
  // R-OUT-1: a notice states cause, scope, expected restoration and the road sections.
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"outage_id", Id(id)},
      {"kind", std::string(rules::OutageKindName(o->kind))},
      {"cause", o->cause},
      {"start", FormatLocal(o->start)},
      {"expected_end", FormatLocal(restoration)},
      {"road_sections", o->road_sections},
      {"affected_households", Id(o->affected_households)},
      {"text", in.text},
  };
  auto after = store_.AddNotice(id, notice, fields);
  if (!after.ok()) return after.error();
  return WithObligations(std::move(*after));
}

Result<OutageRead> OutageService::End(int64_t id, Instant at, const OrderActor& actor) const {
  if (auto s = MayChange(actor); !s.ok()) return s.error();
  auto o = Visible(id, actor.scope);
  if (!o.ok()) return o.error();
  if (at < o->start) return Error::InvalidArgument("the end cannot be before the start", "at");
  if (at > clock_.Now() + kFutureSlack) {
    return Error::InvalidArgument("at is in the future: a stop is ended once heat is back", "at");
  }
  auto after = store_.End(id, at, actor.name);
  if (!after.ok()) return after.error();
  return WithObligations(std::move(*after));
}

Result<OutageRead> OutageService::Get(int64_t id, const ports::Scope& scope) const {
  auto o = Visible(id, scope);
  if (!o.ok()) return o.error();
  return WithObligations(std::move(*o));
}

Result<std::vector<OutageRead>> OutageService::List(ports::OutageQuery query,
                                                    const ports::Scope& scope) const {
  if (scope.company_id) query.company_id = scope.company_id;
  if (scope.household_id) query.household_id = scope.household_id;
  auto page = store_.List(query);
  if (!page.ok()) return page.error();
  std::vector<OutageRead> out;
  out.reserve(page->size());
  for (auto& o : *page) {
    // Obligations need the notices: a list reads each stop whole (pages are at most 1,000).
    auto whole = store_.Get(o.id);
    if (!whole.ok()) return whole.error();
    auto read = WithObligations(std::move(*whole));
    if (!read.ok()) return read.error();
    out.push_back(std::move(*read));
  }
  return out;
}

}  // namespace hearth::services
