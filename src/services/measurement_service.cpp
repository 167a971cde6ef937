// R-TEMP-4
#include "services/measurement_service.hpp"

#include "ports/record_views.hpp"
#include "services/rollup_service.hpp"

namespace hearth::services {
namespace {

Status HouseholdInScope(ports::RecordStore& records, int64_t household_id,
                        const ports::Scope& scope) {
  auto h = records.Get(*model::FindResource("households"), household_id, scope);
  if (!h.ok()) {
    if (h.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no household " + std::to_string(household_id), "household_id");
    }
    return h.error();
  }
  return OkStatus();
}

}  // namespace

Result<MeasurementOutcome> MeasurementService::Add(const ports::MeasurementInput& input,
                                                   const ports::Scope& scope,
                                                   const std::string& actor) {
  if (auto s = HouseholdInScope(records_, input.household_id, scope); !s.ok()) return s.error();
  ports::ListQuery rooms;
  rooms.equals["household_id"] = input.household_id;
  rooms.limit = 1000;
  auto page = records_.List(*model::FindResource("rooms"), rooms);
  if (!page.ok()) return page.error();
  bool known_room = false;
  for (const auto& r : page->items) {
    auto room = ports::RoomView::From(r);
    if (!room.ok()) return room.error();
    known_room = known_room || room->name == input.room;
  }
  if (!known_room) {
    return Error::InvalidArgument("the household has no room named '" + input.room + "'", "room");
  }
  const Instant latest = clock_.Now() + kClockAllowance;
  const auto& readings = input.measurement.readings;
  for (size_t i = 0; i < readings.size(); ++i) {
    if (readings[i].at > latest) {
      return Error::InvalidArgument(
          "the reading is timed " + FormatLocal(readings[i].at) + ", after now",
          "readings[" + std::to_string(i) + "].at");
    }
  }
  const rules::Signature signature = input.measurement.signature;
  if (const auto& rec = input.signature_record) {
    if (signature == rules::Signature::kPending) {
      return Error::InvalidArgument("a pending measurement has no signature record",
                                    "signature_record");
    }
    if (rec->via != "device") {
      return Error::InvalidArgument(
          "via must be device: staff record only a signature given on the device at the visit",
          "signature_record.via");
    }
    if (readings.empty() || rec->at < readings.front().at || rec->at > latest) {
      return Error::InvalidArgument(
          "the signature must be given at the visit: not before the first reading, not after now",
          "signature_record.at");
    }
  } else if (signature != rules::Signature::kPending) {
    return Error::InvalidArgument(
        "only the household signs or refuses (R-TEMP-4): give the signature recorded on the "
        "device (signature_record {by, at, via: device}), or add it pending and let the "
        "household sign through its own login",
        "signature_record");
  }
  auto policy = PolicyOfHousehold(records_, policies_, input.household_id);
  if (!policy.ok()) return policy.error();

  // The procedure is judged as if signed; the signature is a status (see the header).
  rules::ManualMeasurement as_signed = input.measurement;
  as_signed.signature = rules::Signature::kSigned;
  rules::ManualResult result =
      rules::ValidateManualMeasurement((*policy)->temperature.manual, as_signed);
  MeasurementOutcome out;
  if (!result.valid()) {
    out.violations = std::move(result.violations);
    return out;
  }
  ports::Measurement m;
  m.household_id = input.household_id;
  m.room = input.room;
  m.taken_at = input.measurement.readings.front().at;
  m.instrument = rules::InstrumentName(input.measurement.instrument);
  m.payload_json = input.payload_json;
  m.signature = rules::SignatureName(input.measurement.signature);
  m.third_party = input.measurement.third_party;
  m.valid = true;
  m.violations_json = "[]";
  m.value = result.value;
  m.created_by = actor;
  m.signed_record = input.signature_record;
  auto stored = store_.AddMeasurement(m);
  if (!stored.ok()) return stored.error();
  out.stored = std::move(*stored);
  return out;
}

Result<std::vector<ports::Measurement>> MeasurementService::List(ports::MeasurementQuery query,
                                                                 const ports::Scope& scope) {
  if (scope.household_id) {
    if (query.household_id && *query.household_id != *scope.household_id) {
      return std::vector<ports::Measurement>{};
    }
    query.household_id = scope.household_id;
  }
  if (scope.company_id) query.company_id = scope.company_id;
  if (query.household_id) {
    if (auto s = HouseholdInScope(records_, *query.household_id, scope); !s.ok()) return s.error();
  }
  return store_.ListMeasurements(query);
}

Result<ports::Measurement> MeasurementService::Update(int64_t id,
                                                      std::optional<std::string> signature,
                                                      std::optional<bool> overridden,
                                                      const MeasurementActor& actor) {
  if (signature && *signature != "signed" && *signature != "refused") {
    return Error::InvalidArgument("signature must be signed or refused", "signature");
  }
  if (signature && !actor.household) {
    return Error::PermissionDenied(
        "only the household signs or refuses a measurement (R-TEMP-4): staff record the "
        "signature given on the device when they add it",
        "signature");
  }
  if (overridden && actor.household) {
    return Error::PermissionDenied("a third-party test is marked by the company's staff",
                                   "overridden");
  }
  auto m = store_.GetMeasurement(id);
  if (!m.ok()) return m.error();
  if (auto s = HouseholdInScope(records_, m->household_id, actor.scope); !s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no measurement " + std::to_string(id), "id");
    }
    return s.error();
  }
  ports::MeasurementChange change;
  if (signature) {
    if (m->signature != "pending") {
      return Error::FailedPrecondition("measurement " + std::to_string(id) + " is " +
                                           m->signature +
                                           " already: a dispute goes to a third-party test",
                                       "signature");
    }
    change.signature = signature;
    change.signed_record = ports::SignatureRecord{actor.username, clock_.Now(), "household-login"};
  }
  if (overridden && *overridden) {
    auto all = store_.Measurements(m->household_id);
    if (!all.ok()) return all.error();
    bool tested = false;
    for (const auto& other : *all) {
      tested = tested || (other.id != m->id && other.third_party && other.valid &&
                          !other.overridden && LocalDate(other.taken_at) == LocalDate(m->taken_at));
    }
    if (!tested) {
      return Error::FailedPrecondition(
          "a measurement is overridden only by a third-party test of the same household on the "
          "same day; add that test first",
          "overridden");
    }
  }
  change.overridden = overridden;
  return store_.UpdateMeasurement(id, change, actor.username);
}

}  // namespace hearth::services
