// Typed views of the stored records that services read: one plain struct per resource of
// model/resources.hpp, read from a generic ports::Record by its From().
//
// A view names each field once, here, instead of at every read in the services, where a typo in
// a string key silently gave 0 or "". From() fails with an internal error naming
// `resource.field` when a field the descriptor requires is missing, or when a field holds a
// value of the wrong type: the store validates every record against its descriptor, so a record
// that breaks it is a bug, never a zero. Optional fields of the descriptor are std::optional
// (absent or null: nullopt). Decimals are kept in their stored integer unit, named in the member
// (area_m2_centi: m² × 100); enums are the rules' enum where there is one, else their text.
//
// services/record_views_test.cpp checks every field a view reads against its descriptor (name,
// type, required) through the FieldRead trace that From() fills when given one.
//
// The reader the views read with is ports/record_reader.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"
#include "model/resources.hpp"
#include "ports/record_reader.hpp"
#include "ports/record_store.hpp"
#include "rules/sampling.hpp"
#include "rules/temperature.hpp"

namespace hearth::ports {

// --- The views --------------------------------------------------------------------------------
// Each: kResource, the resource it views; id and the fields services read; From(record, trace).

struct CompanyView {
  static constexpr const char* kResource = "companies";
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string policy;  ///< policy profile name, e.g. "weihai" (one profile per company)
  std::optional<std::string> licence_no;

  static Result<CompanyView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    CompanyView v;
    v.id = r.id;
    v.code = in.Text("code");
    v.name = in.Text("name");
    v.policy = in.Text("policy");
    v.licence_no = in.OptionalText("licence_no");
    return in.Finish(std::move(v));
  }
};

struct DistrictView {
  static constexpr const char* kResource = "districts";
  int64_t id = 0;
  std::string code, name, city;
  std::string policy;  ///< its profile: the default season dates (R-SEASON-1)

  static Result<DistrictView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    DistrictView v;
    v.id = r.id;
    v.code = in.Text("code");
    v.name = in.Text("name");
    v.city = in.Text("city");
    v.policy = in.Text("policy");
    return in.Finish(std::move(v));
  }
};

struct LicensedDistrictView {  ///< Z 3.4
  static constexpr const char* kResource = "licensed_districts";
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t district_id = 0;

  static Result<LicensedDistrictView> From(const Record& r,
                                           std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    LicensedDistrictView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.district_id = in.Ref("district_id");
    return in.Finish(std::move(v));
  }
};

struct SeasonView {
  static constexpr const char* kResource = "seasons";
  int64_t id = 0;
  int64_t district_id = 0;
  int64_t season = 0;  ///< the year the season starts: 2025 for 2025-11-15 … 2026-03-15
  std::optional<Date> commissioning_start;
  Date official_start;  ///< inclusive
  Date official_end;    ///< inclusive
  std::optional<Date> early_start;
  std::optional<Date> extension_end;
  std::optional<std::string> decision_ref;  ///< the district's decision behind either

  static Result<SeasonView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    SeasonView v;
    v.id = r.id;
    v.district_id = in.Ref("district_id");
    v.season = in.Int("season");
    v.commissioning_start = in.OptionalDay("commissioning_start");
    v.official_start = in.Day("official_start");
    v.official_end = in.Day("official_end");
    v.early_start = in.OptionalDay("early_start");
    v.extension_end = in.OptionalDay("extension_end");
    v.decision_ref = in.OptionalText("decision_ref");
    return in.Finish(std::move(v));
  }
};

/// An approved price (R-BILL-1, W 9.2.1): by area, yuan × 100 per m² for the season; by meter,
/// yuan × 100 per GJ, with an optional fixed part per m².
struct TariffView {
  static constexpr const char* kResource = "tariffs";
  int64_t id = 0;
  int64_t company_id = 0;
  std::string name;
  std::string billing;  ///< "area" or "meter"
  int64_t price = 0;
  std::optional<int64_t> base_price;
  Date valid_from;
  std::optional<Date> valid_to;  ///< inclusive; none: until replaced
  std::optional<std::string> approval;

  /// Valid on `day`.
  bool ValidOn(Date day) const { return valid_from <= day && (!valid_to || day <= *valid_to); }

  static Result<TariffView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    TariffView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.name = in.Text("name");
    v.billing = in.EnumText("billing");
    v.price = in.Centi("price");
    v.base_price = in.OptionalCenti("base_price");
    v.valid_from = in.Day("valid_from");
    v.valid_to = in.OptionalDay("valid_to");
    v.approval = in.OptionalText("approval");
    return in.Finish(std::move(v));
  }
};

/// Of `tariffs`, the one billed by `billing` valid on `day` that took effect last; nullptr when
/// none is.
inline const TariffView* TariffOn(const std::vector<TariffView>& tariffs, std::string_view billing,
                                  Date day) {
  const TariffView* best = nullptr;
  for (const auto& t : tariffs) {
    if (t.billing != billing || !t.ValidOn(day)) continue;
    if (!best || t.valid_from > best->valid_from) best = &t;
  }
  return best;
}

/// A company's public announcement of a district's season (R-SEASON-1, W 5.2.5).
struct SeasonAnnouncementView {
  static constexpr const char* kResource = "season_announcements";
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t district_id = 0;
  int64_t season = 0;  ///< the year the season starts
  std::string kind;    ///< "commissioning" or "heating_start"
  Date published_on;
  std::string channel, reference;

  static Result<SeasonAnnouncementView> From(const Record& r,
                                             std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    SeasonAnnouncementView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.district_id = in.Ref("district_id");
    v.season = in.Int("season");
    v.kind = in.EnumText("kind");
    v.published_on = in.Day("published_on");
    v.channel = in.EnumText("channel");
    v.reference = in.Text("reference");
    return in.Finish(std::move(v));
  }
};

struct BuildingView {
  static constexpr const char* kResource = "buildings";
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t district_id = 0;
  int64_t substation_id = 0;
  std::string code;
  std::string community;  ///< 小区 (R-TEMP-2 groups usage rates by it)
  std::optional<std::string> address;
  int64_t floors = 0;
  std::optional<int64_t> built_year;
  std::optional<int64_t> pipe_distance_m;
  std::optional<rules::NetworkPosition> network_position;

  static Result<BuildingView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    BuildingView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.district_id = in.Ref("district_id");
    v.substation_id = in.Ref("substation_id");
    v.code = in.Text("code");
    v.community = in.Text("community");
    v.address = in.OptionalText("address");
    v.floors = in.Int("floors");
    v.built_year = in.OptionalInt("built_year");
    v.pipe_distance_m = in.OptionalInt("pipe_distance_m");
    v.network_position = in.OptionalEnum("network_position", rules::ParsePosition);
    return in.Finish(std::move(v));
  }
};

struct PartitionView {
  static constexpr const char* kResource = "partitions";
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t building_id = 0;
  std::string code;
  std::optional<std::string> name;

  static Result<PartitionView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    PartitionView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.building_id = in.Ref("building_id");
    v.code = in.Text("code");
    v.name = in.OptionalText("name");
    return in.Finish(std::move(v));
  }
};

/// A household without its contacts (phone, id_number: sensitive) and contract (JSON), which no
/// service reads; read those from the Record where needed.
struct HouseholdView {
  static constexpr const char* kResource = "households";
  int64_t id = 0;
  int64_t company_id = 0;
  int64_t partition_id = 0;
  std::string code;  ///< household number
  std::optional<std::string> address;
  int64_t area_m2_centi = 0;  ///< heated area, m² × 100
  int64_t floor = 0;
  rules::Orientation orientation = rules::Orientation::kShade;
  std::optional<rules::FloorTier> floor_tier;  ///< explicit tier, else derived from the floor
  std::string billing;                         ///< "area" or "meter"
  std::optional<int64_t> agreed_temp_tenths;   ///< contract temperature, °C × 10
  std::string heating_status;                  ///< "heated" or "stopped"

  /// The company heats the household (heating_status "heated").
  bool heated() const { return heating_status == "heated"; }

  static Result<HouseholdView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    HouseholdView v;
    v.id = r.id;
    v.company_id = in.Ref("company_id");
    v.partition_id = in.Ref("partition_id");
    v.code = in.Text("code");
    v.address = in.OptionalText("address");
    v.area_m2_centi = in.Centi("area_m2");
    v.floor = in.Int("floor");
    v.orientation = in.Enum("orientation", rules::ParseOrientation);
    v.floor_tier = in.OptionalEnum("floor_tier", rules::ParseTier);
    v.billing = in.EnumText("billing");
    v.agreed_temp_tenths = in.OptionalTenths("agreed_temp");
    v.heating_status = in.EnumText("heating_status");
    return in.Finish(std::move(v));
  }
};

struct RoomView {
  static constexpr const char* kResource = "rooms";
  int64_t id = 0;
  int64_t household_id = 0;
  std::string name;  ///< unique within the household
  rules::RoomKind kind = rules::RoomKind::kOther;

  static Result<RoomView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    RoomView v;
    v.id = r.id;
    v.household_id = in.Ref("household_id");
    v.name = in.Text("name");
    v.kind = in.Enum("kind", rules::ParseRoomKind);
    return in.Finish(std::move(v));
  }
};

struct SensorView {
  static constexpr const char* kResource = "sensors";
  int64_t id = 0;
  std::string code;  ///< device id, as in MQTT topics
  int64_t room_id = 0;
  std::optional<std::string> device_model;  ///< `model`
  std::optional<Date> installed_on;

  static Result<SensorView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    SensorView v;
    v.id = r.id;
    v.code = in.Text("code");
    v.room_id = in.Ref("room_id");
    v.device_model = in.OptionalText("model");
    v.installed_on = in.OptionalDay("installed_on");
    return in.Finish(std::move(v));
  }
};

struct FeeView {
  static constexpr const char* kResource = "fees";
  int64_t id = 0;
  int64_t household_id = 0;
  int64_t season = 0;      ///< the year the season starts
  int64_t amount_fen = 0;  ///< `amount`: yuan × 100
  Date due_on;

  static Result<FeeView> From(const Record& r, std::vector<FieldRead>* trace = nullptr) {
    RecordReader in(r, kResource, trace);
    FeeView v;
    v.id = r.id;
    v.household_id = in.Ref("household_id");
    v.season = in.Int("season");
    v.amount_fen = in.Centi("amount");
    v.due_on = in.Day("due_on");
    return in.Finish(std::move(v));
  }
};

// --- Reading views from a store ---------------------------------------------------------------

/// The descriptor of resource `name` (model/resources.hpp): a name the code spells, never input.
inline const model::Resource& ResourceNamed(const char* name) {
  return *model::FindResource(name);
}

/// Every record of `resource` matching `equals` within `scope`, by id, page by page.
/// `store`: a RecordStore or a RecordTransaction.
template <typename Store>
Result<std::vector<Record>> ListRecords(Store& store, const model::Resource& resource,
                                        Fields equals = {}, const Scope& scope = {}) {
  ListQuery q;
  q.equals = std::move(equals);
  q.scope = scope;
  q.limit = 1000;
  std::vector<Record> out;
  for (;;) {
    auto page = store.List(resource, q);
    if (!page.ok()) return page.error();
    for (Record& r : page->items) out.push_back(std::move(r));
    if (!page->next_cursor) return out;
    q.after = page->next_cursor;
  }
}

/// The record `id` of V's resource, as a V. `store`: a RecordStore or a RecordTransaction.
template <typename V, typename Store>
Result<V> GetView(Store& store, int64_t id, const Scope& scope = {}) {
  auto rec = store.Get(ResourceNamed(V::kResource), id, scope);
  if (!rec.ok()) return rec.error();
  return V::From(*rec);
}

/// Every record of `records` as a V; the first that breaks its descriptor is the error.
template <typename V>
Result<std::vector<V>> ViewsOf(const std::vector<Record>& records) {
  std::vector<V> out;
  out.reserve(records.size());
  for (const Record& r : records) {
    auto v = V::From(r);
    if (!v.ok()) return v.error();
    out.push_back(std::move(*v));
  }
  return out;
}

/// Every record of V's resource matching `equals` within `scope`, as Vs, page by page.
/// `store`: a RecordStore or a RecordTransaction.
template <typename V, typename Store>
Result<std::vector<V>> ListViews(Store& store, Fields equals = {}, const Scope& scope = {}) {
  auto records = ListRecords(store, ResourceNamed(V::kResource), std::move(equals), scope);
  if (!records.ok()) return records.error();
  return ViewsOf<V>(*records);
}

}  // namespace hearth::ports
