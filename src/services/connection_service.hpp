// Connection applications' use cases (报装, issue 16, R-CONN-1, R-WO-6): the service hall takes in
// an application for a building (and a household, when it is already on file) with the documents
// supplied, files what is supplied later (容缺), the admin or a manager approves or refuses it
// within the profile's working days, and the hall files the applicant's return visit. The season
// an application catches, its missing documents, the decision's deadline and who may take which
// step are rules/connection.hpp's.
//
// - The receipt time is the hall's (the time on the form, RFC 3339), not later than the server's
//   clock and at most kMaxEntryDelay before it: a paper form is entered within the week. The
//   decision, the supplied documents and the visit are dated by the server's clock.
// - An approval that names a household connects it (heating_status heated), in the store's
//   transaction.
// - Readers: the company's staff and its admin see their company's applications; the regulator
//   every company's, with the applicant's phone masked; a household its own.
//
// Messages (the outbox): every step goes to the named household. Every change is audited by the
// store. Thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/connection_store.hpp"
#include "ports/record_store.hpp"
#include "services/calendar_service.hpp"
#include "services/entry_time.hpp"
#include "services/policy_registry.hpp"
#include "services/work_order_service.hpp"

namespace hearth::services {

inline constexpr size_t kMaxConnectionText = 2000;  ///< note, reason, suggestion (bytes)
inline constexpr size_t kMaxConnectionName = 200;   ///< applicant, phone (bytes)

struct NewConnection {
  int64_t building_id = 0;
  std::optional<int64_t> household_id;  ///< in that building
  std::string applicant;
  std::string phone;
  rules::ConnectionApplication application;
};

struct ConnectionRead {
  ports::ConnectionRecord record;  ///< phone masked for a reader without the need
  rules::DeadlineStatus decision;
  std::vector<rules::ConnectionDocument> missing;  ///< still to be supplied (容缺)
  std::vector<rules::ConnectionAction> actions;    ///< what the reader may do now
};

class ConnectionService {
 public:
  /// None is owned; all must outlive the service.
  ConnectionService(ports::ConnectionStore& store, ports::RecordStore& records,
                    const PolicyRegistry& policies, CalendarService& calendar,
                    const ports::Clock& clock)
      : store_(store), records_(records), policies_(policies), calendar_(calendar), clock_(clock) {}

  /// Takes in an application. Errors: permission_denied (role); not_found naming "building" or
  /// "household" outside the actor's company; invalid_argument naming the field: a household
  /// of another building, the applicant blank or too long, the phone too long, received_at in
  /// the future or over kMaxEntryDelay old, rules::AssessConnection's.
  Result<ConnectionRead> Apply(const NewConnection& input, const OrderActor& actor) const;
  /// Takes `action`: rules::ApplyConnection's errors, not_found outside the actor's scope,
  /// invalid_argument for a text too long, and the store's failed_precondition when another
  /// step came first.
  Result<ConnectionRead> Act(int64_t id, rules::ConnectionAction action,
                             const rules::ConnectionMoveInput& input,
                             const OrderActor& actor) const;
  /// The application with its history; not_found outside the actor's scope.
  Result<ConnectionRead> Get(int64_t id, const OrderActor& actor) const;
  /// Applications in the actor's scope (its company or household overrides the query's), newest
  /// first, without their history.
  Result<std::vector<ConnectionRead>> List(ports::ConnectionQuery query,
                                           const OrderActor& actor) const;

  /// The service's clock, for the readers of its deadlines.
  Instant Now() const { return clock_.Now(); }

 private:
  Result<ConnectionRead> Read(ports::ConnectionRecord record, const OrderActor& actor,
                              const rules::Policy& policy,
                              const rules::HolidayCalendar& calendar) const;
  Result<ConnectionRead> Read(ports::ConnectionRecord record, const OrderActor& actor) const;
  Result<ports::ConnectionRecord> Visible(int64_t id, const ports::Scope& scope) const;
  Result<int64_t> CheckPlace(const NewConnection& input, const ports::Scope& scope) const;

  ports::ConnectionStore& store_;
  ports::RecordStore& records_;
  const PolicyRegistry& policies_;
  CalendarService& calendar_;
  const ports::Clock& clock_;
};

}  // namespace hearth::services
