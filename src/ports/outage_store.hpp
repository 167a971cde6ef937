// Port: heating stops (issue 15, R-OUT-1, R-OUT-2, R-REFUND-2) and their notices.
//
// A stop's affected households are derived by the store when the stop is recorded, from its
// scope through the network records (heat source -> network section -> substation -> building ->
// household; the stop's company's heated households only), and kept as derived. Notices are
// append-only; each one queues a message to every affected household in the notifications
// outbox (the work orders' table) in its own transaction. Every change is audited (resource
// "outages") in its transaction. Methods take no scope: services check access. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "ports/work_order_store.hpp"
#include "rules/outage.hpp"

namespace hearth::ports {

/// A company-caused stop of one household (OutageStore::CompanyStopsOf).
struct HouseholdStop {
  int64_t household_id = 0;
  rules::StopSpan span;
};

/// What a stop cuts off, by record id at each level of the network (R-OUT-2).
struct OutageScope {
  std::vector<int64_t> heat_sources, network_sections, substations, buildings;

  bool Empty() const {
    return heat_sources.empty() && network_sections.empty() && substations.empty() &&
           buildings.empty();
  }
  bool operator==(const OutageScope&) const = default;
};

/// A notice as published: when, what it said, and the restoration time it announced.
struct OutageNotice {
  int64_t seq = 0;  ///< 1, 2, … per stop
  Instant at;
  Instant expected_end;
  std::string text;
  std::string actor;
  Instant recorded_at;
};

struct Outage {
  int64_t id = 0;
  int64_t company_id = 0;
  rules::OutageKind kind = rules::OutageKind::kPlanned;
  bool company_caused = true;
  std::string cause;
  OutageScope scope;
  Instant start;
  Instant expected_end;               ///< as first recorded
  std::optional<Instant> actual_end;  ///< unset while it goes on
  std::string road_sections;
  int64_t affected_households = 0;  ///< derived (R-OUT-2)
  int64_t affected_area_m2 = 0;     ///< derived (R-OUT-2)
  std::string created_by;
  Instant created_at;
  std::vector<OutageNotice> notices;  ///< Get only, by seq
};

struct OutageQuery {
  std::optional<int64_t> company_id;
  std::optional<int64_t> household_id;  ///< the stops that cut this household off
  std::optional<bool> company_caused;
  /// Stops overlapping [overlaps_from, overlaps_until): started before its end, not ended by its
  /// start (a stop still going overlaps every later range).
  std::optional<Instant> overlaps_from, overlaps_until;
  std::optional<int64_t> before;  ///< cursor: ids below this (the list is newest first)
  int limit = 50;                 ///< 1..1001
};

class OutageStore {
 public:
  virtual ~OutageStore() = default;

  /// Inserts the stop (id, created_at and the derived counts assigned; `notices` ignored) with
  /// its affected households and `outbox` (the report to the heating authority), audited.
  /// invalid_argument (field "scope.<level>[i]") when a scope id is not a record of the stop's
  /// company at that level: nothing is written.
  virtual Result<Outage> Create(const Outage& outage, std::span<const OutboxMessage> outbox) = 0;
  /// The stop with its notices; not_found (field "id").
  virtual Result<Outage> Get(int64_t id) = 0;
  /// Stops newest first (by id, descending), without their notices.
  virtual Result<std::vector<Outage>> List(const OutageQuery& query) = 0;
  /// Appends `notice` (its seq assigned) and, in the same transaction, one outbox message to
  /// each affected household: receiver "household", topic "outage.notice", `fields` as its
  /// payload, message id "outage-<id>-notice-<seq>-household-<household id>". Audited by the
  /// notice's actor. Returns the stop as it is after.
  virtual Result<Outage> AddNotice(int64_t id, const OutageNotice& notice,
                                   std::span<const std::pair<std::string, std::string>> fields) = 0;
  /// Records the actual end, audited. failed_precondition (field "at") when it has one already.
  virtual Result<Outage> End(int64_t id, Instant at, const std::string& actor) = 0;
  /// Did the stop cut this household off?
  virtual Result<bool> Affects(int64_t outage_id, int64_t household_id) = 0;
  /// The households the stop cut off, by id; none for an unknown stop.
  virtual Result<std::vector<int64_t>> AffectedHouseholds(int64_t outage_id) = 0;
  /// The company-caused stops that cut the household off and overlap [from, until): each as
  /// [start, actual end, or `until` while it goes on), clipped to the range (R-REFUND-2).
  virtual Result<std::vector<rules::StopSpan>> CompanyStops(int64_t household_id, Instant from,
                                                            Instant until) = 0;
  /// The same for every household whose id is in [first, last] (a page of households at once),
  /// by household, then start.
  virtual Result<std::vector<HouseholdStop>> CompanyStopsOf(int64_t first, int64_t last,
                                                            Instant from, Instant until) = 0;
};

}  // namespace hearth::ports
