// The typed record views of ports/record_views.hpp against their descriptors: every field a view
// reads exists in its model::Resource with the type and requiredness the view expects, a valid
// record reads, and a record that breaks its descriptor is an internal error naming the field.
// (The ports layer has no test binary of its own; the services are what read the views.)
#include "ports/record_views.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <ostream>
#include <utility>
#include <set>
#include <string>
#include <vector>

#include "model/resources.hpp"

namespace hearth::services {
namespace {

using model::FieldType;
using ports::FieldRead;
using ports::FieldValue;
using ports::Record;

// --- Every view, table-driven ------------------------------------------------------------------

struct ViewCase {
  std::string name;
  const char* resource;
  /// Reads `record` with the view; fills `trace` with what it read.
  std::function<Status(const Record&, std::vector<FieldRead>*)> read;
};

void PrintTo(const ViewCase& c, std::ostream* os) { *os << c.name; }

template <typename V>
ViewCase Case(std::string name) {
  return {std::move(name), V::kResource,
          [](const Record& r, std::vector<FieldRead>* trace) -> Status {
            auto v = V::From(r, trace);
            if (!v.ok()) return v.error();
            return OkStatus();
          }};
}

const std::vector<ViewCase>& AllViews() {
  static const std::vector<ViewCase> views = {
      Case<ports::CompanyView>("Company"),     Case<ports::SeasonView>("Season"),
      Case<ports::BuildingView>("Building"),   Case<ports::PartitionView>("Partition"),
      Case<ports::HouseholdView>("Household"), Case<ports::RoomView>("Room"),
      Case<ports::SensorView>("Sensor"),       Case<ports::FeeView>("Fee"),
      Case<ports::DistrictView>("District"),   Case<ports::LicensedDistrictView>("Licence"),
      Case<ports::SeasonAnnouncementView>("SeasonAnnouncement"),
  };
  return views;
}

// A valid stored value of `f`, as the store returns it.
FieldValue SampleValue(const model::Field& f) {
  switch (f.type) {
    case FieldType::kInt:
    case FieldType::kCenti:
    case FieldType::kTenths:
      return f.min ? *f.min : int64_t{100};
    case FieldType::kBool:
      return int64_t{1};
    case FieldType::kRef:
      return int64_t{7};
    case FieldType::kText:
      return std::string("text");
    case FieldType::kDate:
      return std::string("2024-11-15");
    case FieldType::kMonthDay:
      return std::string("11-15");
    case FieldType::kEnum:
      return f.values.front();
    case FieldType::kJson:
      return std::string("{}");
  }
  return nullptr;
}

bool StoredAsInt(FieldType t) {
  return t == FieldType::kInt || t == FieldType::kBool || t == FieldType::kCenti ||
         t == FieldType::kTenths || t == FieldType::kRef;
}

// A record of `r` with every field of the descriptor set (optional ones too).
Record FullRecord(const model::Resource& r) {
  Record rec;
  rec.id = 42;
  for (const auto& f : r.fields) rec.fields[f.name] = SampleValue(f);
  return rec;
}

// One with only the required fields; the optional ones null, as the store returns them.
Record RequiredOnly(const model::Resource& r) {
  Record rec = FullRecord(r);
  for (const auto& f : r.fields) {
    if (!f.required) rec.fields[f.name] = nullptr;
  }
  return rec;
}

std::vector<FieldRead> Trace(const ViewCase& view) {
  std::vector<FieldRead> trace;
  const model::Resource* r = model::FindResource(view.resource);
  if (r == nullptr) return trace;
  (void)view.read(FullRecord(*r), &trace);
  return trace;
}

void ExpectInternal(const Status& s, const std::string& detail_part) {
  ASSERT_FALSE(s.ok()) << "expected an error naming " << detail_part;
  EXPECT_EQ(s.error().code, ErrorCode::kInternal) << s.error().detail;
  EXPECT_NE(s.error().detail.find(detail_part), std::string::npos)
      << "detail: " << s.error().detail << "\nexpected it to contain: " << detail_part;
}

class RecordViewsTest : public ::testing::TestWithParam<ViewCase> {
 protected:
  const model::Resource& Resource() const { return *model::FindResource(GetParam().resource); }
};

TEST_P(RecordViewsTest, ViewsAResourceThatExists) {
  ASSERT_NE(model::FindResource(GetParam().resource), nullptr) << GetParam().resource;
}

TEST_P(RecordViewsTest, EveryFieldItReadsIsInTheDescriptorAsItReadsIt) {
  ASSERT_NE(model::FindResource(GetParam().resource), nullptr);
  const std::vector<FieldRead> trace = Trace(GetParam());
  ASSERT_FALSE(trace.empty());
  std::set<std::string> seen;
  for (const FieldRead& read : trace) {
    SCOPED_TRACE(std::string(GetParam().resource) + "." + read.field);
    EXPECT_TRUE(seen.insert(read.field).second) << "read twice";
    const model::Field* f = Resource().Find(read.field);
    ASSERT_NE(f, nullptr) << "the descriptor has no such field (a typo in the view?)";
    EXPECT_EQ(static_cast<int>(f->type), static_cast<int>(read.type))
        << "the view reads it as another type than the descriptor's";
    EXPECT_EQ(f->required, read.required)
        << (f->required ? "required by the descriptor, optional in the view"
                        : "optional in the descriptor, required by the view");
    if (read.accepts) {
      ASSERT_EQ(f->type, FieldType::kEnum);
      for (const auto& value : f->values) {
        EXPECT_TRUE(read.accepts(value)) << "the view's enum does not know '" << value << "'";
      }
    }
  }
}

TEST_P(RecordViewsTest, ReadsAFullRecordAndOneWithOnlyRequiredFields) {
  const ViewCase& view = GetParam();
  auto full = view.read(FullRecord(Resource()), nullptr);
  EXPECT_TRUE(full.ok()) << (full.ok() ? "" : full.error().detail);
  auto required = view.read(RequiredOnly(Resource()), nullptr);
  EXPECT_TRUE(required.ok()) << (required.ok() ? "" : required.error().detail);
  // Optional fields left out entirely read as absent too.
  Record sparse = RequiredOnly(Resource());
  for (const auto& f : Resource().fields) {
    if (!f.required) sparse.fields.erase(f.name);
  }
  auto s = view.read(sparse, nullptr);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail);
}

TEST_P(RecordViewsTest, ReadsEveryValueOfItsEnums) {
  const ViewCase& view = GetParam();
  for (const FieldRead& read : Trace(view)) {
    const model::Field* f = Resource().Find(read.field);
    if (f == nullptr || f->type != FieldType::kEnum) continue;
    for (const auto& value : f->values) {
      Record rec = FullRecord(Resource());
      rec.fields[f->name] = value;
      auto s = view.read(rec, nullptr);
      EXPECT_TRUE(s.ok()) << read.field << " = " << value << ": "
                          << (s.ok() ? "" : s.error().detail);
    }
  }
}

TEST_P(RecordViewsTest, RefusesARecordMissingARequiredField) {
  const ViewCase& view = GetParam();
  int required = 0;
  for (const FieldRead& read : Trace(view)) {
    if (!read.required) continue;
    ++required;
    const std::string name = std::string(view.resource) + "." + read.field + " is missing";
    Record absent = FullRecord(Resource());
    absent.fields.erase(read.field);
    ExpectInternal(view.read(absent, nullptr), name);
    Record null = FullRecord(Resource());
    null.fields[read.field] = nullptr;
    ExpectInternal(view.read(null, nullptr), name);
  }
  EXPECT_GT(required, 0);
}

TEST_P(RecordViewsTest, RefusesAFieldOfTheWrongType) {
  const ViewCase& view = GetParam();
  for (const FieldRead& read : Trace(view)) {
    Record rec = FullRecord(Resource());
    if (StoredAsInt(read.type)) {
      rec.fields[read.field] = std::string("12");
      ExpectInternal(view.read(rec, nullptr),
                     std::string(view.resource) + "." + read.field + " is not an integer");
    } else {
      rec.fields[read.field] = int64_t{12};
      ExpectInternal(view.read(rec, nullptr),
                     std::string(view.resource) + "." + read.field + " is not text");
    }
    if (read.type == FieldType::kDate) {
      rec.fields[read.field] = std::string("2024-02-30");
      ExpectInternal(view.read(rec, nullptr),
                     std::string(view.resource) + "." + read.field + " is not a date");
    }
    if (read.accepts) {
      rec.fields[read.field] = std::string("sideways");
      ExpectInternal(view.read(rec, nullptr), std::string(view.resource) + "." + read.field +
                                                  " is not one of its values: 'sideways'");
    }
  }
}

TEST_P(RecordViewsTest, TheErrorNamesTheRecord) {
  const ViewCase& view = GetParam();
  Record rec = FullRecord(Resource());
  rec.fields.clear();
  ExpectInternal(view.read(rec, nullptr), std::string(view.resource) + "/42");
}

INSTANTIATE_TEST_SUITE_P(AllViews, RecordViewsTest, ::testing::ValuesIn(AllViews()),
                         [](const auto& p) { return p.param.name; });

// --- Each view reads its sample ---------------------------------------------------------------

Date D(const char* text) { return *ParseDate(text); }

TEST(RecordViewsSampleTest, Company) {
  Record r{3, {{"code", std::string("C1")}, {"name", std::string("Heat Co")},
               {"policy", std::string("weihai")}, {"licence_no", nullptr}}};
  auto v = ports::CompanyView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 3);
  EXPECT_EQ(v->code, "C1");
  EXPECT_EQ(v->name, "Heat Co");
  EXPECT_EQ(v->policy, "weihai");
  EXPECT_FALSE(v->licence_no);
}

TEST(RecordViewsSampleTest, Season) {
  Record r{9,
           {{"district_id", int64_t{2}},
            {"season", int64_t{2024}},
            {"commissioning_start", std::string("2024-11-10")},
            {"official_start", std::string("2024-11-15")},
            {"official_end", std::string("2025-03-31")},
            {"early_start", nullptr},
            {"extension_end", std::string("2025-04-07")},
            {"decision_ref", std::string("威政字〔2025〕12号")}}};
  auto v = ports::SeasonView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 9);
  EXPECT_EQ(v->district_id, 2);
  EXPECT_EQ(v->season, 2024);
  EXPECT_EQ(v->commissioning_start, D("2024-11-10"));
  EXPECT_EQ(v->official_start, D("2024-11-15"));
  EXPECT_EQ(v->official_end, D("2025-03-31"));
  EXPECT_FALSE(v->early_start);
  EXPECT_EQ(v->extension_end, D("2025-04-07"));
  EXPECT_EQ(v->decision_ref, "威政字〔2025〕12号");
}

TEST(RecordViewsSampleTest, Building) {
  Record r{5,
           {{"company_id", int64_t{3}},
            {"district_id", int64_t{2}},
            {"substation_id", int64_t{4}},
            {"code", std::string("B1")},
            {"community", std::string("Sunny Gardens")},
            {"address", nullptr},
            {"floors", int64_t{18}},
            {"built_year", int64_t{1998}},
            {"pipe_distance_m", nullptr},
            {"network_position", std::string("far")}}};
  auto v = ports::BuildingView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 5);
  EXPECT_EQ(v->company_id, 3);
  EXPECT_EQ(v->district_id, 2);
  EXPECT_EQ(v->substation_id, 4);
  EXPECT_EQ(v->code, "B1");
  EXPECT_EQ(v->community, "Sunny Gardens");
  EXPECT_FALSE(v->address);
  EXPECT_EQ(v->floors, 18);
  EXPECT_EQ(v->built_year, 1998);
  EXPECT_FALSE(v->pipe_distance_m);
  EXPECT_EQ(v->network_position, rules::NetworkPosition::kFar);
}

TEST(RecordViewsSampleTest, Partition) {
  Record r{6, {{"company_id", int64_t{3}}, {"building_id", int64_t{5}},
               {"code", std::string("U2")}, {"name", std::string("Unit 2")}}};
  auto v = ports::PartitionView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 6);
  EXPECT_EQ(v->company_id, 3);
  EXPECT_EQ(v->building_id, 5);
  EXPECT_EQ(v->code, "U2");
  EXPECT_EQ(v->name, "Unit 2");
}

Record SampleHousehold() {
  return {12,
          {{"company_id", int64_t{3}},
           {"partition_id", int64_t{6}},
           {"code", std::string("H-0101")},
           {"address", std::string("1-1-101")},
           {"area_m2", int64_t{8950}},
           {"floor", int64_t{-1}},
           {"orientation", std::string("sun")},
           {"floor_tier", nullptr},
           {"billing", std::string("meter")},
           {"agreed_temp", int64_t{195}},
           {"heating_status", std::string("heated")},
           {"contract", nullptr},
           {"phone", std::string("13800000000")},
           {"id_number", nullptr}}};
}

TEST(RecordViewsSampleTest, Household) {
  auto v = ports::HouseholdView::From(SampleHousehold());
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 12);
  EXPECT_EQ(v->company_id, 3);
  EXPECT_EQ(v->partition_id, 6);
  EXPECT_EQ(v->code, "H-0101");
  EXPECT_EQ(v->address, "1-1-101");
  EXPECT_EQ(v->area_m2_centi, 8950);
  EXPECT_EQ(v->floor, -1);
  EXPECT_EQ(v->orientation, rules::Orientation::kSun);
  EXPECT_FALSE(v->floor_tier);
  EXPECT_EQ(v->billing, "meter");
  EXPECT_EQ(v->agreed_temp_tenths, 195);
  EXPECT_EQ(v->heating_status, "heated");
  EXPECT_TRUE(v->heated());

  Record stopped = SampleHousehold();
  stopped.fields["heating_status"] = std::string("stopped");
  stopped.fields["agreed_temp"] = nullptr;
  stopped.fields["floor_tier"] = std::string("upper");
  auto s = ports::HouseholdView::From(stopped);
  ASSERT_TRUE(s.ok()) << s.error().detail;
  EXPECT_FALSE(s->heated());
  EXPECT_FALSE(s->agreed_temp_tenths);
  EXPECT_EQ(s->floor_tier, rules::FloorTier::kUpper);
}

TEST(RecordViewsSampleTest, HouseholdWithoutPartitionIsInternalNotZero) {
  Record r = SampleHousehold();
  r.fields.erase("partition_id");
  auto v = ports::HouseholdView::From(r);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kInternal);
  EXPECT_EQ(v.error().message, "internal error");  // nothing of the record reaches a client
  EXPECT_EQ(v.error().detail,
            "stored record households/12 breaks its descriptor: households.partition_id is "
            "missing");
}

TEST(RecordViewsSampleTest, TheFirstFailureIsTheError) {
  Record r = SampleHousehold();
  r.fields.erase("company_id");
  r.fields["floor"] = std::string("ten");
  auto v = ports::HouseholdView::From(r);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().detail.find("households.company_id is missing"), std::string::npos)
      << v.error().detail;
}

TEST(RecordViewsSampleTest, Room) {
  Record r{21, {{"household_id", int64_t{12}}, {"name", std::string("master bedroom")},
                {"kind", std::string("bedroom")}}};
  auto v = ports::RoomView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 21);
  EXPECT_EQ(v->household_id, 12);
  EXPECT_EQ(v->name, "master bedroom");
  EXPECT_EQ(v->kind, rules::RoomKind::kBedroom);
}

TEST(RecordViewsSampleTest, Sensor) {
  Record r{31, {{"code", std::string("S-0001")}, {"room_id", int64_t{21}},
                {"model", std::string("TH-1")}, {"installed_on", std::string("2024-10-01")}}};
  auto v = ports::SensorView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 31);
  EXPECT_EQ(v->code, "S-0001");
  EXPECT_EQ(v->room_id, 21);
  EXPECT_EQ(v->device_model, "TH-1");
  EXPECT_EQ(v->installed_on, D("2024-10-01"));
}

TEST(RecordViewsSampleTest, Fee) {
  Record r{41, {{"household_id", int64_t{12}}, {"season", int64_t{2024}},
                {"amount", int64_t{223750}}, {"due_on", std::string("2024-11-15")}}};
  auto v = ports::FeeView::From(r);
  ASSERT_TRUE(v.ok()) << v.error().detail;
  EXPECT_EQ(v->id, 41);
  EXPECT_EQ(v->household_id, 12);
  EXPECT_EQ(v->season, 2024);
  EXPECT_EQ(v->amount_fen, 223750);
  EXPECT_EQ(v->due_on, D("2024-11-15"));
}

// --- Reading from a store -------------------------------------------------------------------

// GetView needs only Get: a store holding records by (resource, id).
struct FakeStore {
  std::map<std::pair<std::string, int64_t>, Record> records;
  std::string last_resource;
  Result<Record> Get(const model::Resource& r, int64_t id, const ports::Scope&) {
    last_resource = r.name;
    auto it = records.find({r.name, id});
    if (it == records.end()) return Error::NotFound("no " + r.singular);
    return it->second;
  }
};

TEST(RecordViewsStoreTest, GetViewReadsFromTheViewsResource) {
  FakeStore store;
  store.records[{"households", 12}] = SampleHousehold();
  auto h = ports::GetView<ports::HouseholdView>(store, 12);
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_EQ(store.last_resource, "households");
  EXPECT_EQ(h->partition_id, 6);

  auto missing = ports::GetView<ports::HouseholdView>(store, 13);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  store.records[{"households", 14}] = SampleHousehold();
  store.records[{"households", 14}].fields.erase("code");
  auto broken = ports::GetView<ports::HouseholdView>(store, 14);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::kInternal);
}

TEST(RecordViewsStoreTest, ViewsOfStopsAtTheFirstBrokenRecord) {
  Record a{1, {{"household_id", int64_t{12}}, {"name", std::string("a")},
               {"kind", std::string("living")}}};
  Record b{2, {{"household_id", int64_t{12}}, {"name", std::string("b")},
               {"kind", std::string("other")}}};
  auto both = ports::ViewsOf<ports::RoomView>({a, b});
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].kind, rules::RoomKind::kLiving);
  EXPECT_EQ((*both)[1].name, "b");

  b.fields.erase("name");
  auto broken = ports::ViewsOf<ports::RoomView>({a, b});
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().detail.find("rooms/2 breaks its descriptor: rooms.name is missing"),
            std::string::npos)
      << broken.error().detail;
}

}  // namespace
}  // namespace hearth::services
