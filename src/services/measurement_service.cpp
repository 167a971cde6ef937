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
  auto stored = store_.AddMeasurement(m);
  if (!stored.ok()) return stored.error();
  out.stored = std::move(*stored);
  return out;
}

Result<std::vector<ports::Measurement>> MeasurementService::List(int64_t household_id,
                                                                 const ports::Scope& scope) {
  if (auto s = HouseholdInScope(records_, household_id, scope); !s.ok()) return s.error();
  return store_.Measurements(household_id);
}

Result<ports::Measurement> MeasurementService::Update(int64_t id,
                                                      std::optional<std::string> signature,
                                                      std::optional<bool> overridden,
                                                      const ports::Scope& scope) {
  if (signature && *signature != "signed" && *signature != "pending" && *signature != "refused") {
    return Error::InvalidArgument("signature must be signed, pending or refused", "signature");
  }
  auto m = store_.GetMeasurement(id);
  if (!m.ok()) return m.error();
  if (auto s = HouseholdInScope(records_, m->household_id, scope); !s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) {
      return Error::NotFound("no measurement " + std::to_string(id), "id");
    }
    return s.error();
  }
  return store_.UpdateMeasurement(id, std::move(signature), overridden);
}

}  // namespace hearth::services
