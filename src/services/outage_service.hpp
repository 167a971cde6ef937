// Heating stops' use cases (issue 15, R-OUT-1, R-OUT-2): record a stop by its scope in the
// network, announce it (each notice reaches every affected household through the outbox), end
// it, and read it with the notice obligations it owes (rules/outage.hpp) under its company's
// profile and the calendar in use.
//
// Who may do what (the platform's decision): admin, manager and agent record, announce and end
// their company's stops (admin names the company); technician and regulator read (the
// regulator every company's); a household reads only the stops that cut it off. Another
// company's stop is not_found.
//
// Messages (the outbox): an emergency stop is reported to the heating authority (receiver
// "authority", R-OUT-1) when it is recorded; a notice goes to each affected household.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/outage_store.hpp"
#include "ports/record_store.hpp"
#include "rules/outage.hpp"
#include "services/calendar_service.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

/// A record named in a scope: by its id, or by its code within the company (a code of digits
/// only stays a code).
struct ScopeRef {
  int64_t id = 0;    ///< > 0: by id
  std::string code;  ///< else: by code
};

/// A scope as given, per level of the network.
struct ScopeRefs {
  std::vector<ScopeRef> heat_sources, network_sections, substations, buildings;
};

struct NewOutage {
  std::optional<int64_t> company_id;  ///< admin only; others record for their own company
  rules::OutageKind kind = rules::OutageKind::kPlanned;
  bool company_caused = true;
  std::string cause;
  ScopeRefs scope;
  Instant start;
  Instant expected_end;
  std::string road_sections;
};

struct NewNotice {
  Instant at;
  std::optional<Instant> expected_end;  ///< the restoration it announces; none: the last one
  std::string text;                     ///< what else it says (cause, scope, roads are added)
};

struct OutageRead {
  ports::Outage outage;
  std::vector<rules::NoticeObligation> obligations;  ///< at the time of reading
};

class OutageService {
 public:
  /// None is owned; all must outlive the service.
  OutageService(ports::OutageStore& store, ports::RecordStore& records,
                const PolicyRegistry& policies, CalendarService& calendar,
                const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), calendar_(calendar),
        clock_(clock) {}

  /// Records a stop. Errors: permission_denied (role), invalid_argument naming the field (cause
  /// empty; scope empty, or a reference that is no record of the company at its level, as
  /// "scope.buildings[1]"; expected_end not after start; an emergency starting in the future;
  /// company missing or given by a non-admin), the store's.
  Result<OutageRead> Record(const NewOutage& input, const OrderActor& actor) const;
  /// Publishes a notice. invalid_argument: at in the future (field "at"), expected_end not after
  /// at (field "expected_end"); failed_precondition (field "at"): the stop has ended.
  Result<OutageRead> Announce(int64_t id, const NewNotice& notice, const OrderActor& actor) const;
  /// Records the actual end. invalid_argument (field "at"): before the start, or in the future;
  /// failed_precondition (field "at"): ended already.
  Result<OutageRead> End(int64_t id, Instant at, const OrderActor& actor) const;

  /// The stop with its notices and obligations; not_found outside `scope`.
  Result<OutageRead> Get(int64_t id, const ports::Scope& scope) const;
  /// Stops in `scope`, newest first, with their notices and obligations.
  Result<std::vector<OutageRead>> List(ports::OutageQuery query, const ports::Scope& scope) const;

  Instant Now() const { return clock_.Now(); }

 private:
  Result<OutageRead> WithObligations(ports::Outage outage) const;
  Result<ports::Outage> Visible(int64_t id, const ports::Scope& scope) const;
  Result<ports::OutageScope> ResolveScope(const ScopeRefs& refs, int64_t company_id) const;

  ports::OutageStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  CalendarService& calendar_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
