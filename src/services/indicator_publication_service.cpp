#include "services/indicator_publication_service.hpp"

#include <limits>
#include <map>

#include "ports/record_views.hpp"

namespace hearth::services {
namespace {

using ports::IndicatorRecord;
using ports::PublishedIndicator;
using rules::Role;

Result<int64_t> Narrow(Int128 v, const std::string& rule) {
  if (v < 0 || v > std::numeric_limits<int64_t>::max()) {
    return Error::Internal(rule + " does not fit a stored integer");
  }
  return static_cast<int64_t>(v);
}

Result<PublishedIndicator> Published(const rules::IndicatorResult& r) {
  auto num = Narrow(r.numerator, r.rule);
  if (!num.ok()) return num.error();
  auto den = Narrow(r.denominator, r.rule);
  if (!den.ok()) return den.error();
  return PublishedIndicator{r.rule,
                            r.name,
                            *num,
                            *den,
                            r.display,
                            r.target_per_mille,
                            r.target_kind == rules::TargetKind::kAtLeast ? "at-least" : "at-most",
                            r.target_basis.Display(),
                            rules::IndicatorStatusName(r.status),
                            static_cast<int64_t>(r.records.size())};
}

// A share's records: 1 of 1 when counted in the numerator, 0 of 1 otherwise (numerator_records
// is a subsequence of records, in the same order).
void AddShares(const rules::IndicatorResult& r, std::vector<IndicatorRecord>& out) {
  size_t n = 0;
  for (const std::string& id : r.records) {
    const bool counted = n < r.numerator_records.size() && r.numerator_records[n] == id;
    if (counted) ++n;
    out.push_back({r.rule, id, counted ? 1 : 0, 1});
  }
}

}  // namespace

Result<std::vector<IndicatorRecord>> IndicatorRecords(const CompanyIndicators& c,
                                                      std::string_view rule) {
  std::vector<IndicatorRecord> records;
  for (const rules::IndicatorResult* r : {&c.s, &c.q, &c.c, &c.p, &c.b}) {
    if (r->rule.empty() || (!rule.empty() && r->rule != rule)) continue;
    if (r == &c.s) {
      for (const rules::Outage& o : c.s_stops) {
        auto part = Narrow(Int128{o.seconds} * o.area, r->rule);
        if (!part.ok()) return part.error();
        records.push_back({r->rule, o.id, *part, 0});
      }
    } else if (r == &c.c) {
      for (const auto& h : c.c_households) {
        records.push_back({r->rule, h.id, h.qualified, h.judged});
      }
    } else {
      AddShares(*r, records);
    }
  }
  return records;
}

Result<PublicationRead> IndicatorPublicationService::Publish(const ReportMonth& month,
                                                            std::optional<int64_t> company,
                                                            const OrderActor& actor) const {
  if (actor.role != Role::kAdmin && actor.role != Role::kManager) {
    return Error::PermissionDenied("a company's admin or manager publishes its indicators");
  }
  if (actor.scope.company_id) {
    if (company && *company != *actor.scope.company_id) {
      return Error::NotFound("no company " + std::to_string(*company), "company");
    }
    company = actor.scope.company_id;
  }
  if (!company) return Error::InvalidArgument("company is required", "company");
  const Instant now = clock_.Now();
  if (now < month.until) {
    return Error::FailedPrecondition(month.Text() +
                                     " is not over: a month is published from the first day of "
                                     "the next");
  }
  auto report = reports_.Indicators(month, company, actor.scope, /*fresh=*/true);
  if (!report.ok()) return report.error();
  if (report->companies.size() != 1) return Error::NotFound("no company", "company");
  const CompanyIndicators& c = report->companies.front();

  ports::IndicatorPublication pub;
  pub.company_id = c.company.id;
  pub.month = month.Text();
  pub.policy = c.company.policy;
  pub.computed_at = report->generated_at;
  pub.published_by = actor.name;
  for (const rules::IndicatorResult* r : {&c.s, &c.q, &c.c, &c.p, &c.b}) {
    if (r->rule.empty()) continue;  // a report without stops or judging
    auto published = Published(*r);
    if (!published.ok()) return published.error();
    pub.indicators.push_back(std::move(*published));
  }
  auto records = IndicatorRecords(c);
  if (!records.ok()) return records.error();
  auto stored = store_.Publish(pub, *records);
  if (!stored.ok()) return stored.error();
  return PublicationRead{std::move(*stored), c.company.code, c.company.name};
}

Result<std::optional<int64_t>> IndicatorPublicationService::ReaderCompany(
    const OrderActor& actor) const {
  if (actor.scope.household_id) {
    auto h = ports::GetView<ports::HouseholdView>(records_, *actor.scope.household_id);
    if (!h.ok()) return h.error();
    return std::optional<int64_t>{h->company_id};
  }
  return actor.scope.company_id;
}

Result<std::vector<PublicationRead>> IndicatorPublicationService::Named(
    std::vector<ports::IndicatorPublication> list) const {
  std::map<int64_t, ports::CompanyView> companies;
  std::vector<PublicationRead> out;
  for (auto& p : list) {
    auto it = companies.find(p.company_id);
    if (it == companies.end()) {
      auto v = ports::GetView<ports::CompanyView>(records_, p.company_id);
      if (!v.ok()) return v.error();
      it = companies.emplace(p.company_id, std::move(*v)).first;
    }
    out.push_back({std::move(p), it->second.code, it->second.name});
  }
  return out;
}

Result<std::vector<PublicationRead>> IndicatorPublicationService::List(
    ports::PublicationQuery query, const OrderActor& actor) const {
  auto company = ReaderCompany(actor);
  if (!company.ok()) return company.error();
  if (*company) query.company_id = *company;
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  return Named(std::move(*list));
}

Result<PublicationRead> IndicatorPublicationService::Get(int64_t id,
                                                         const OrderActor& actor) const {
  auto company = ReaderCompany(actor);
  if (!company.ok()) return company.error();
  auto p = store_.Get(id);
  if (!p.ok()) return p.error();
  if (*company && p->company_id != **company) {
    return Error::NotFound("no publication " + std::to_string(id), "id");
  }
  std::vector<ports::IndicatorPublication> one;
  one.push_back(std::move(*p));
  auto named = Named(std::move(one));
  if (!named.ok()) return named.error();
  return std::move(named->front());
}

Result<std::vector<IndicatorRecord>> IndicatorPublicationService::Records(
    int64_t id, const std::string& rule, int64_t offset, int limit,
    const OrderActor& actor) const {
  if (actor.scope.household_id) {
    return Error::PermissionDenied("the records behind the indicators name other households");
  }
  auto p = Get(id, actor);
  if (!p.ok()) return p.error();
  return store_.Records(id, rule, offset, limit);
}

Result<std::vector<PublicationRead>> IndicatorPublicationService::Public(
    const ports::PublicationQuery& query) const {
  auto list = store_.List(query);
  if (!list.ok()) return list.error();
  return Named(std::move(*list));
}

}  // namespace hearth::services
