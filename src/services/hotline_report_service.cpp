#include "services/hotline_report_service.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "model/resources.hpp"
#include "ports/record_views.hpp"

namespace hearth::services {
namespace {

using rules::OrderDeadline;
using rules::OrderEventType;

bool InRange(Instant t, const ReportMonth& m) { return t >= m.from && t < m.until; }

// Late as the report sees it: met after its due time, or still open and past due at `now`.
bool LateAt(const rules::DeadlineStatus& d, Instant now) {
  return d.Late() || (d.Open() && d.due < now);
}

const rules::DeadlineStatus* Find(const ports::WorkOrder& o, OrderDeadline name) {
  for (const auto& d : o.projection.deadlines) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

// The last rule event of `type` (within `m` when given).
const rules::OrderEvent* LastEvent(const ports::WorkOrder& o, OrderEventType type,
                                   const ReportMonth* m = nullptr) {
  const rules::OrderEvent* last = nullptr;
  for (const auto& e : o.entries) {
    if (!e.system.empty() || e.event.type != type) continue;
    if (m != nullptr && !InRange(e.event.at, *m)) continue;
    last = &e.event;
  }
  return last;
}

bool Satisfied(const std::optional<rules::Satisfaction>& s) {
  return s == rules::Satisfaction::kSatisfied || s == rules::Satisfaction::kBasicallySatisfied;
}

// One order into its channel's row (see the header for each column).
void Count(HotlineRow& row, const ports::WorkOrder& o, Instant now) {
  ++row.received;
  row.orders.push_back(o.head.id);
  bool late = false;
  for (OrderDeadline name :
       {OrderDeadline::kReturn, OrderDeadline::kReply, OrderDeadline::kReplyExtended}) {
    if (const auto* d = Find(o, name); d && LateAt(*d, now)) late = true;
  }
  const bool returned = LastEvent(o, OrderEventType::kReturn) != nullptr;
  const auto* reply =
      Find(o, o.projection.extended ? OrderDeadline::kReplyExtended : OrderDeadline::kReply);
  const bool finished =
      returned || (reply && reply->met_at) || o.projection.state == rules::OrderState::kClosed;
  if (late) {
    ++row.late;
  } else if (finished) {
    ++row.on_time;
  } else {
    ++row.pending;
  }
  if (returned) ++row.returned;
  if (o.projection.extended) ++row.extended;
  if (o.head.second_complaint) ++row.second_complaints;
  if (o.head.parent_id) ++row.duplicates;
  const rules::OrderEvent* visit = LastEvent(o, OrderEventType::kVisit);
  if (visit == nullptr || !visit->result_satisfaction) {
    ++row.not_visited;
  } else {
    switch (*visit->result_satisfaction) {
      case rules::Satisfaction::kSatisfied:
        ++row.satisfied;
        break;
      case rules::Satisfaction::kBasicallySatisfied:
        ++row.basically_satisfied;
        break;
      case rules::Satisfaction::kUnsatisfied:
        ++row.unsatisfied;
        break;
    }
  }
}

void Add(HotlineRow& total, const HotlineRow& r) {
  total.received += r.received;
  total.on_time += r.on_time;
  total.late += r.late;
  total.pending += r.pending;
  total.returned += r.returned;
  total.extended += r.extended;
  total.satisfied += r.satisfied;
  total.basically_satisfied += r.basically_satisfied;
  total.unsatisfied += r.unsatisfied;
  total.not_visited += r.not_visited;
  total.second_complaints += r.second_complaints;
  total.duplicates += r.duplicates;
  total.orders.insert(total.orders.end(), r.orders.begin(), r.orders.end());
}

// The distinct order ids of records "<id>" or "<id>/<deadline>", ascending.
std::vector<int64_t> OrdersOf(const std::vector<std::string>& records) {
  std::set<int64_t> ids;
  for (const auto& r : records) {
    int64_t id = 0;
    std::from_chars(r.data(), r.data() + r.size(), id);
    ids.insert(id);
  }
  return {ids.begin(), ids.end()};
}

}  // namespace

Result<std::vector<CompanyRef>> HotlineReportService::Companies(std::optional<int64_t> company,
                                                                const ports::Scope& scope) const {
  if (scope.household_id) {
    return Error::PermissionDenied("reports are for companies and regulators, not households");
  }
  auto ref = [](const ports::CompanyView& v) { return CompanyRef{v.id, v.code, v.name, v.policy}; };
  if (scope.company_id && company && *company != *scope.company_id) {
    return Error::NotFound("no company " + std::to_string(*company), "company");
  }
  if (!company) company = scope.company_id;
  if (company) {
    auto v = ports::GetView<ports::CompanyView>(records_, *company, scope);
    if (!v.ok()) return v.error();
    return std::vector<CompanyRef>{ref(*v)};
  }
  std::vector<CompanyRef> out;
  ports::ListQuery q;
  q.limit = 1000;
  q.scope = scope;
  for (;;) {
    auto page = records_.List(*model::FindResource("companies"), q);
    if (!page.ok()) return page.error();
    auto views = ports::ViewsOf<ports::CompanyView>(page->items);
    if (!views.ok()) return views.error();
    for (const auto& v : *views) out.push_back(ref(v));
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  std::sort(out.begin(), out.end(),
            [](const CompanyRef& a, const CompanyRef& b) { return a.id < b.id; });
  return out;
}

Result<std::vector<ports::WorkOrder>> HotlineReportService::Active(const ReportMonth& month,
                                                                   int64_t company) const {
  std::vector<ports::WorkOrder> out;
  ports::OrderActivityQuery q;
  q.company_id = company;
  q.from = month.from;
  q.until = month.until;
  q.limit = 500;
  for (;;) {
    auto page = orders_.ListActive(q);
    if (!page.ok()) return page.error();
    const size_t n = page->size();
    for (auto& o : *page) out.push_back(std::move(o));
    if (n < static_cast<size_t>(q.limit)) return out;
    q.after = out.back().head.id;
  }
}

Result<HotlineReport> HotlineReportService::Hotline(const ReportMonth& month,
                                                    std::optional<int64_t> company,
                                                    const ports::Scope& scope) const {
  auto companies = Companies(company, scope);
  if (!companies.ok()) return companies.error();
  HotlineReport out{month, clock_.Now(), {}};
  for (const CompanyRef& c : *companies) {
    auto orders = Active(month, c.id);
    if (!orders.ok()) return orders.error();
    CompanyHotlineReport r;
    r.company = c;
    for (rules::Channel ch : rules::kAllChannels) {
      r.channels.emplace_back();
      r.channels.back().channel = ch;
    }
    for (const ports::WorkOrder& o : *orders) {
      if (!InRange(o.head.received_at, month)) continue;
      auto it = std::find_if(r.channels.begin(), r.channels.end(),
                             [&](const HotlineRow& row) { return row.channel == o.head.channel; });
      if (it != r.channels.end()) Count(*it, o, out.generated_at);
    }
    for (const HotlineRow& row : r.channels) Add(r.total, row);
    std::sort(r.total.orders.begin(), r.total.orders.end());
    out.companies.push_back(std::move(r));
  }
  return out;
}

Status HotlineReportService::AccidentRate(const ReportMonth& month, int64_t company,
                                          const rules::IndicatorPolicy& policy, Instant now,
                                          const DistrictHouseholds* in,
                                          CompanyIndicators& out) const {
  const Instant until = std::min(month.until, now);
  rules::AccidentRateInput period;
  period.period_seconds = std::max<int64_t>(0, (until - month.from).count());
  if (in != nullptr) {
    period.heated_area = in->HeatedArea();
  } else {
    auto rates = records_.UsageRates(ports::UsageGrouping::kPartition, {company, std::nullopt});
    if (!rates.ok()) return rates.error();
    for (const auto& row : *rates) period.heated_area += row.heated_centi;
  }
  std::vector<rules::Outage> stops;  // newest first, as listed
  if (until > month.from) {
    ports::OutageQuery q;
    q.company_id = company;
    q.company_caused = true;
    q.overlaps_from = month.from;
    q.overlaps_until = until;
    q.limit = 1000;
    for (;;) {
      auto page = outages_->List(q);
      if (!page.ok()) return page.error();
      for (const auto& o : *page) {
        const Instant from = std::max(o.start, month.from);
        const Instant to = std::min(o.actual_end.value_or(until), until);
        if (to <= from) continue;
        int64_t area = o.affected_area_m2;
        if (in != nullptr) {  // the area it cut off in the district, as the records stand
          auto affected = outages_->AffectedHouseholds(o.id);
          if (!affected.ok()) return affected.error();
          area = 0;
          for (int64_t h : *affected) {
            auto it = in->heated_area.find(h);
            if (it != in->heated_area.end()) area += it->second;
          }
          if (area == 0) continue;
        }
        stops.push_back(
            {std::to_string(o.id), true, (to - from).count(), std::min(area, period.heated_area)});
      }
      if (page->size() < static_cast<size_t>(q.limit)) break;
      q.before = page->back().id;
    }
  }
  auto s = rules::AccidentRate(policy, period, stops);
  if (!s.ok()) return s.error();
  out.s = std::move(*s);
  out.s_stops = std::move(stops);
  return OkStatus();
}

Result<IndicatorReport> HotlineReportService::Indicators(const ReportMonth& month,
                                                         std::optional<int64_t> company,
                                                         const ports::Scope& scope, bool fresh,
                                                         std::optional<int64_t> district) const {
  auto companies = Companies(company, scope);
  if (!companies.ok()) return companies.error();
  IndicatorReport out{month, std::nullopt, clock_.Now(), {}};
  if (district) {
    auto d = ports::GetView<ports::DistrictView>(records_, *district);
    if (!d.ok()) {
      if (d.error().code != ErrorCode::kNotFound) return d.error();
      return Error::InvalidArgument("no district " + std::to_string(*district), "district");
    }
    out.district = DistrictRef{d->id, d->code, d->name};
  }
  const Instant now = out.generated_at;
  for (const CompanyRef& c : *companies) {
    auto policy = policies_.Find(c.policy);
    if (!policy.ok()) {
      return Error::FailedPrecondition("company " + c.code + " has profile '" + c.policy +
                                       "', which is not loaded");
    }
    std::optional<DistrictHouseholds> members;
    if (district) {
      auto m = HouseholdsInDistrict(records_, c.id, *district);
      if (!m.ok()) return m.error();
      members = std::move(*m);
    }
    const DistrictHouseholds* in = members ? &*members : nullptr;
    auto orders = Active(month, c.id);
    if (!orders.ok()) return orders.error();
    std::vector<rules::RepairResponse> responses;
    std::vector<rules::Complaint> complaints;
    for (const ports::WorkOrder& o : *orders) {
      if (in != nullptr && !in->all.contains(o.head.household_id)) continue;
      const std::string id = std::to_string(o.head.id);
      for (const auto& d : o.projection.deadlines) {
        if (d.name != OrderDeadline::kResponse && d.name != OrderDeadline::kArrival &&
            d.name != OrderDeadline::kLeak) {
          continue;
        }
        if (d.lapsed || !InRange(d.due, month) || (!d.met_at && d.due >= now)) continue;
        responses.push_back({id + "/" + std::string(rules::OrderDeadlineName(d.name)), true,
                             d.met_at.has_value() && !d.Late()});
      }
      const rules::OrderEvent* visit = LastEvent(o, OrderEventType::kVisit, &month);
      if (visit == nullptr) continue;
      bool in_time = true;
      for (const auto& d : o.projection.deadlines) {
        if (LateAt(d, now)) in_time = false;
      }
      complaints.push_back({id, visit->reasonable.value_or(false), in_time,
                            Satisfied(visit->process_satisfaction),
                            Satisfied(visit->result_satisfaction)});
    }
    const rules::IndicatorPolicy& ip = (*policy)->indicators;
    CompanyIndicators r;
    r.company = c;
    if (outages_) {
      if (auto s = AccidentRate(month, c.id, ip, now, in, r); !s.ok()) return s.error();
    }
    if (judging_) {
      if (auto s = QualificationRate(month, c.id, ip, now, fresh, out.district, in, r); !s.ok()) {
        return s.error();
      }
    }
    r.q = rules::RepairResponseRate(ip, responses);
    r.p = rules::ProcessSatisfaction(ip, complaints);
    r.b = rules::ResultSatisfaction(ip, complaints);
    r.q_orders = OrdersOf(r.q.records);
    r.p_orders = OrdersOf(r.p.records);
    r.b_orders = OrdersOf(r.b.records);
    out.companies.push_back(std::move(r));
  }
  return out;
}

}  // namespace hearth::services
