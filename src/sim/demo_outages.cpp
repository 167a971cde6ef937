#include "sim/demo_outages.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/resources.hpp"
#include "rules/season.hpp"

namespace hearth::sim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

uint64_t Mix(uint64_t x) {  // splitmix64: a decision per (seed, building, season)
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct Notice {
  Instant at;
  Instant expected_end;
  std::string text;
};

class Recorder {
 public:
  Recorder(const services::OutageService& service, Instant now, DemoOutageSummary& summary)
      : service_(service), now_(now), summary_(summary) {}

  /// Records the stop, publishes the notices due by now, and ends it when `end` has passed.
  Status Stop(const services::OrderActor& actor, const services::NewOutage& in,
              const std::vector<Notice>& notices, std::optional<Instant> end) {
    auto read = service_.Record(in, actor);
    if (!read.ok()) return read.error();
    const int64_t id = read->outage.id;
    for (const Notice& n : notices) {
      if (n.at > now_ || (end && n.at >= *end)) break;
      read = service_.Announce(id, {n.at, n.expected_end, n.text}, actor);
      if (!read.ok()) return read.error();
      ++summary_.notices;
    }
    if (end && *end <= now_) {
      read = service_.End(id, *end, actor);
      if (!read.ok()) return read.error();
    }
    ++summary_.stops;
    bool late = false, overrun = false;
    for (const auto& o : read->obligations) {
      late = late || o.state == rules::DutyState::kLate || o.state == rules::DutyState::kOverdue;
      overrun = overrun || o.duty == rules::NoticeDuty::kOverrun;
    }
    summary_.late += late ? 1 : 0;
    summary_.overruns += overrun ? 1 : 0;
    return OkStatus();
  }

 private:
  const services::OutageService& service_;
  Instant now_;
  DemoOutageSummary& summary_;
};

struct Company {
  int64_t id = 0;
  std::string code;
  std::shared_ptr<const rules::Policy> policy;
  std::vector<int64_t> buildings;
  std::optional<int64_t> substation;
};

Result<std::vector<Company>> LoadCompanies(ports::RecordStore& records,
                                           const services::PolicyRegistry& policies) {
  std::vector<Company> out;
  ports::ListQuery q;
  q.limit = 1000;
  for (;;) {
    auto page = records.List(*model::FindResource("companies"), q);
    if (!page.ok()) return page.error();
    for (const auto& r : page->items) {
      auto policy = policies.Find(r.Text("policy"));
      if (!policy.ok()) return policy.error();
      out.push_back({r.id, r.Text("code"), *policy, {}, std::nullopt});
    }
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  for (Company& c : out) {
    ports::ListQuery b;
    b.limit = 1000;
    b.scope.company_id = c.id;
    for (;;) {
      auto page = records.List(*model::FindResource("buildings"), b);
      if (!page.ok()) return page.error();
      for (const auto& r : page->items) c.buildings.push_back(r.id);
      if (!page->next_cursor) break;
      b.after = page->next_cursor;
    }
    ports::ListQuery s;
    s.limit = 1;
    s.scope.company_id = c.id;
    auto subs = records.List(*model::FindResource("substations"), s);
    if (!subs.ok()) return subs.error();
    if (!subs->items.empty()) c.substation = subs->items.front().id;
  }
  return out;
}

/// A local time of day on the day of `t`, `days` later.
Instant At(Instant t, int days, int hour) {
  return StartOfLocalDay(LocalDate(t) + std::chrono::days{days}) + hours(hour);
}

}  // namespace

Result<DemoOutageSummary> GenerateDemoOutages(ports::RecordStore& records,
                                              const services::PolicyRegistry& policies,
                                              const services::OutageService& service,
                                              const DemoOutageOptions& options) {
  auto companies = LoadCompanies(records, policies);
  if (!companies.ok()) return companies.error();
  DemoOutageSummary summary;
  Recorder recorder(service, options.now, summary);
  const Instant now = options.now;
  for (size_t ci = 0; ci < companies->size(); ++ci) {
    const Company& c = (*companies)[ci];
    const services::OrderActor manager{"demo-" + c.code + "-manager", rules::Role::kManager,
                                       {c.id, std::nullopt}};
    // The simulator's building stops, as emergencies.
    for (int year = options.season; year <= options.season + 1; ++year) {
      const rules::SeasonDates season = rules::SeasonOf(c.policy->season, year);
      for (int64_t building : c.buildings) {
        Instant start, end;
        if (!SimulatedOutage(options.sim, building, season.official_start, season.official_end,
                             start, end) ||
            start > now) {
          continue;
        }
        const uint64_t k = Mix(options.sim.seed ^ (static_cast<uint64_t>(building) << 20) ^
                               static_cast<uint64_t>(year));
        const bool late = k % 4 == 0;
        const bool overruns = (k >> 8) % 3 == 0 && end - start >= hours(8);
        const Instant first_end = overruns ? start + (end - start) / 2 : end + hours(1);
        services::NewOutage in;
        in.kind = rules::OutageKind::kEmergency;
        in.company_caused = true;
        in.cause = "楼前供热支线漏水抢修";
        in.scope.buildings = {{building, ""}};
        in.start = start;
        in.expected_end = first_end;
        std::vector<Notice> notices = {
            {start + minutes(late ? 75 + static_cast<int>((k >> 4) % 75)
                                  : 10 + static_cast<int>((k >> 4) % 40)),
             first_end, "抢修人员已到场，请关好门窗，注意保暖"}};
        if (overruns) {
          const bool late_again = (k >> 16) % 4 == 0;
          notices.push_back({first_end + (late_again ? hours(2) : minutes(20)), end,
                             "抢修难度超出预期，恢复供热时间推迟"});
        }
        if (auto s = recorder.Stop(manager, in, notices, end); !s.ok()) return s.error();
      }
    }
    // A planned stop of the first substation: ahead for the first company (announced in time),
    // ten days ago for the others (announced 30 h ahead of its start, 48 h being owed).
    if (c.substation) {
      services::NewOutage in;
      in.kind = rules::OutageKind::kPlanned;
      in.company_caused = true;
      in.cause = "换热站板换清洗检修";
      in.scope.substations = {{*c.substation, ""}};
      in.road_sections = "站前路（施工期间半幅通行）";
      const bool ahead = ci == 0;
      in.start = ahead ? At(now, 3, 8) : At(now, -10, 8);
      in.expected_end = in.start + hours(36);
      const Notice notice{ahead ? now : in.start - hours(30), in.expected_end,
                          "计划检修，请提前做好防寒准备"};
      std::optional<Instant> end;
      if (!ahead) end = in.expected_end - hours(2);
      if (auto s = recorder.Stop(manager, in, {notice}, end); !s.ok()) return s.error();
    }
    // Roadworks cut a pipe: not the company's cause, so no refund (R-REFUND-2).
    if (!c.buildings.empty()) {
      services::NewOutage in;
      in.kind = rules::OutageKind::kEmergency;
      in.company_caused = false;
      in.cause = "市政道路施工挖断供热管线（非供热企业原因）";
      in.scope.buildings = {{c.buildings.back(), ""}};
      in.road_sections = "和平路与青岛路交叉口";
      in.start = At(now, -5, 9);
      in.expected_end = in.start + hours(8);
      const Notice notice{in.start + minutes(30), in.expected_end, "市政施工影响，正在协调抢修"};
      if (auto s = recorder.Stop(manager, in, {notice}, in.expected_end); !s.ok()) {
        return s.error();
      }
    }
  }
  return summary;
}

}  // namespace hearth::sim
