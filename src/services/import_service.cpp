#include "services/import_service.hpp"

#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/resources.hpp"
#include "ports/record_views.hpp"
#include "rules/record_checks.hpp"
#include "rules/temperature.hpp"
#include "services/contract_versions.hpp"

namespace hearth::services {
namespace {

using ports::CsvProblem;
using ports::HouseholdImportFile;
using ports::HouseholdImportRow;
using ports::Fields;
using ports::Record;

const model::Resource& R(const char* name) { return *model::FindResource(name); }

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

// Every record of `r` matching `equals` within `scope`, page by page.
Result<std::vector<Record>> ListAll(ports::RecordTransaction& tx, const model::Resource& r,
                                    Fields equals, const ports::Scope& scope) {
  ports::ListQuery q;
  q.equals = std::move(equals);
  q.scope = scope;
  q.limit = 1000;
  std::vector<Record> out;
  for (;;) {
    auto page = tx.List(r, q);
    if (!page.ok()) return page.error();
    for (auto& rec : page->items) out.push_back(std::move(rec));
    if (!page->next_cursor) return out;
    q.after = page->next_cursor;
  }
}

Result<int64_t> CompanyId(ports::RecordTransaction& tx, const std::string& code,
                          const ports::Scope& scope) {
  ports::ListQuery q;
  q.equals = {{"code", code}};
  q.scope = scope;
  auto page = tx.List(R("companies"), q);
  if (!page.ok()) return page.error();
  if (page->items.empty()) {
    return Error::NotFound("no company with code " + Quoted(code), "company");
  }
  return page->items.front().id;
}

// What one row of the file asks for.
struct HouseholdPlan {
  const HouseholdImportRow* row = nullptr;
  int64_t partition_id = 0;
  std::optional<int64_t> existing;  ///< the household's id; nullopt: create it
  Fields changes;                   ///< of an existing household
  std::vector<Fields> new_rooms;
  std::vector<std::pair<int64_t, Fields>> changed_rooms;
  std::vector<int64_t> removed_rooms;

  bool Unchanged() const {
    return existing && changes.empty() && new_rooms.empty() && changed_rooms.empty() &&
           removed_rooms.empty();
  }
};

// The company's records that the file refers to, read once.
struct Existing {
  struct Building {
    int64_t id = 0;
    int64_t floors = 0;
  };
  struct Household {
    ports::HouseholdView view;
    Fields fields;  ///< as stored, to compare with the row's
  };
  std::unordered_map<std::string, Building> buildings;         // by code
  std::map<std::pair<int64_t, std::string>, int64_t> partitions;  // (building, code) -> id
  std::unordered_map<std::string, Household> households;       // by code
  std::unordered_map<int64_t, std::vector<ports::RoomView>> rooms;  // by household id

  static Result<Existing> Read(ports::RecordTransaction& tx, int64_t company,
                               const ports::Scope& scope) {
    Existing out;
    const Fields of_company = {{"company_id", company}};
    auto buildings = ListAll(tx, R("buildings"), of_company, scope);
    if (!buildings.ok()) return buildings.error();
    for (const auto& rec : *buildings) {
      auto b = ports::BuildingView::From(rec);
      if (!b.ok()) return b.error();
      out.buildings[b->code] = {b->id, b->floors};
    }
    auto partitions = ListAll(tx, R("partitions"), of_company, scope);
    if (!partitions.ok()) return partitions.error();
    for (const auto& rec : *partitions) {
      auto p = ports::PartitionView::From(rec);
      if (!p.ok()) return p.error();
      out.partitions[{p->building_id, p->code}] = p->id;
    }
    auto households = ListAll(tx, R("households"), of_company, scope);
    if (!households.ok()) return households.error();
    for (auto& rec : *households) {
      auto h = ports::HouseholdView::From(rec);
      if (!h.ok()) return h.error();
      std::string code = h->code;
      out.households.emplace(std::move(code), Household{std::move(*h), std::move(rec.fields)});
    }
    auto rooms = ListAll(tx, R("rooms"), {}, scope);  // the scope keeps the company's
    if (!rooms.ok()) return rooms.error();
    for (const auto& rec : *rooms) {
      auto m = ports::RoomView::From(rec);
      if (!m.ok()) return m.error();
      out.rooms[m->household_id].push_back(std::move(*m));
    }
    return out;
  }
};

// The rooms of an existing household against the row's: what to create, change and delete.
Status PlanRooms(ports::RecordTransaction& tx, const HouseholdImportFile& file,
                 const std::vector<ports::RoomView>& current, const ports::Scope& scope,
                 HouseholdPlan& plan, std::vector<CsvProblem>& problems) {
  std::map<std::string, const ports::RoomView*> by_name;
  for (const auto& m : current) by_name[m.name] = &m;
  for (const auto& room : plan.row->rooms) {
    auto it = by_name.find(std::get<std::string>(room.at("name")));
    if (it == by_name.end()) {
      plan.new_rooms.push_back(room);
      continue;
    }
    const ports::FieldValue stored_kind{std::string(rules::RoomKindName(it->second->kind))};
    if (stored_kind != room.at("kind")) {
      plan.changed_rooms.push_back({it->second->id, {{"kind", room.at("kind")}}});
    }
    by_name.erase(it);
  }
  for (const auto& [name, m] : by_name) {
    // A sensor keeps its room: removing both is a deliberate act, not an import's side effect.
    auto sensors = ListAll(tx, R("sensors"), {{"room_id", m->id}}, scope);
    if (!sensors.ok()) return sensors.error();
    if (!sensors->empty()) {
      auto sensor = ports::SensorView::From(sensors->front());
      if (!sensor.ok()) return sensor.error();
      problems.push_back(file.ProblemAt(
          *plan.row, "rooms",
          "the room " + Quoted(name) + " is no longer listed, but the sensor " +
              Quoted(sensor->code) + " is bound to it; move or remove the sensor first"));
      continue;
    }
    plan.removed_rooms.push_back(m->id);
  }
  return OkStatus();
}

// Checks every row against the database and plans its writes; the problems of the file and of
// the database together make the error.
Result<std::vector<HouseholdPlan>> Plan(ports::RecordTransaction& tx,
                                        const HouseholdImportFile& file,
                                        const std::string& company_code, int64_t company,
                                        const ports::Scope& scope) {
  auto existing = Existing::Read(tx, company, scope);
  if (!existing.ok()) return existing.error();
  std::vector<CsvProblem> problems = file.problems;
  std::vector<HouseholdPlan> plans;
  for (const HouseholdImportRow& row : file.rows) {
    const size_t problems_before = problems.size();
    auto problem = [&](const std::string& column, const std::string& message) {
      problems.push_back(file.ProblemAt(row, column, message));
    };
    HouseholdPlan plan;
    plan.row = &row;
    auto b = existing->buildings.find(row.building);
    if (!row.building.empty() && b == existing->buildings.end()) {
      problem("building", "no building " + Quoted(row.building) + " in company " +
                              Quoted(company_code));
    }
    if (b != existing->buildings.end()) {
      auto p = existing->partitions.find({b->second.id, row.partition});
      if (!row.partition.empty() && p == existing->partitions.end()) {
        problem("partition", "no partition " + Quoted(row.partition) + " in building " +
                                 Quoted(row.building));
      } else if (p != existing->partitions.end()) {
        plan.partition_id = p->second;
      }
      auto floor = row.fields.find("floor");
      if (floor != row.fields.end() && std::get<int64_t>(floor->second) > b->second.floors) {
        problem("floor", "floor " + std::to_string(std::get<int64_t>(floor->second)) +
                             " is above the " + std::to_string(b->second.floors) +
                             " floors of building " + Quoted(row.building));
      }
    }
    // The checks every record write passes (issue 11, rules/record_checks.hpp): no control
    // characters in the household's text fields nor in its rooms' names.
    auto check = [&](const model::Resource& r, const Fields& fields, const std::string& column) {
      Status s = rules::CheckRecord(r, fields);
      if (s.ok()) return;
      std::string message = s.error().message;
      if (const std::string prefix = s.error().field + ": "; message.rfind(prefix, 0) == 0) {
        message.erase(0, prefix.size());
      }
      problem(column.empty() ? s.error().field : column, message);
    };
    check(R("households"), row.fields, "");
    for (const Fields& room : row.rooms) check(R("rooms"), room, "rooms");
    if (!row.valid || problems.size() != problems_before) continue;

    auto h = existing->households.find(std::get<std::string>(row.fields.at("code")));
    if (h != existing->households.end()) {
      const Existing::Household& current = h->second;
      plan.existing = current.view.id;
      if (current.view.partition_id != plan.partition_id) {
        plan.changes["partition_id"] = plan.partition_id;
      }
      // The row's fields are named by the households descriptor (the decoder reads them by it);
      // a field the store did not return counts as null.
      static const ports::FieldValue kNull{nullptr};
      for (const auto& [name, value] : row.fields) {
        auto stored = current.fields.find(name);
        const ports::FieldValue& before = stored == current.fields.end() ? kNull : stored->second;
        if (before != value) plan.changes[name] = value;
      }
      static const std::vector<ports::RoomView> kNoRooms;
      auto rooms = existing->rooms.find(current.view.id);
      if (auto s = PlanRooms(tx, file, rooms == existing->rooms.end() ? kNoRooms : rooms->second,
                             scope, plan, problems);
          !s.ok()) {
        return s.error();
      }
    } else {
      plan.new_rooms = row.rooms;
    }
    plans.push_back(std::move(plan));
  }
  if (!problems.empty()) return ports::ImportProblemsError(std::move(problems));
  return plans;
}

// A write that failed although the file checked out (e.g. a concurrent change): name the line.
Error AtLine(const HouseholdImportRow& row, Error e) {
  e.message = "line " + std::to_string(row.line) + ": " + e.message;
  return e;
}

Result<ImportCounts> Apply(ports::RecordTransaction& tx, const std::vector<HouseholdPlan>& plans,
                           int64_t company, const ports::Scope& scope, const std::string& actor,
                           Date today, const Progress& progress) {
  ImportCounts counts;
  const auto total = static_cast<int64_t>(plans.size());
  for (const HouseholdPlan& plan : plans) {
    // Before each household: a stop rolls the whole file back, as any failure does.
    if (progress && !progress(counts.created + counts.updated + counts.unchanged, total)) {
      return Stopped();
    }
    if (plan.Unchanged()) {
      ++counts.unchanged;
      continue;
    }
    int64_t household = 0;
    if (plan.existing) {
      household = *plan.existing;
      if (!plan.changes.empty()) {
        auto stored = tx.Get(R("households"), household, scope);
        if (!stored.ok()) return AtLine(*plan.row, stored.error());
        if (auto k = KeepTerms(tx, *stored, plan.changes, today, actor); !k.ok()) {
          return AtLine(*plan.row, k.error());
        }
        auto rec = tx.Update(R("households"), household, plan.changes, scope, actor);
        if (!rec.ok()) return AtLine(*plan.row, rec.error());
      }
      ++counts.updated;
    } else {
      Fields fields = plan.row->fields;
      fields["company_id"] = company;
      fields["partition_id"] = plan.partition_id;
      auto rec = tx.Create(R("households"), fields, scope, actor);
      if (!rec.ok()) return AtLine(*plan.row, rec.error());
      household = rec->id;
      ++counts.created;
    }
    for (int64_t id : plan.removed_rooms) {
      if (auto s = tx.Delete(R("rooms"), id, scope, actor); !s.ok()) {
        return AtLine(*plan.row, s.error());
      }
    }
    for (const auto& [id, changes] : plan.changed_rooms) {
      if (auto rec = tx.Update(R("rooms"), id, changes, scope, actor); !rec.ok()) {
        return AtLine(*plan.row, rec.error());
      }
    }
    for (Fields room : plan.new_rooms) {
      room["household_id"] = household;
      if (auto rec = tx.Create(R("rooms"), room, scope, actor); !rec.ok()) {
        return AtLine(*plan.row, rec.error());
      }
    }
  }
  if (progress && !progress(total, total)) return Stopped();
  return counts;
}

}  // namespace

Result<ImportCounts> ImportService::ImportHouseholds(const std::string& company_code,
                                                     std::string_view csv,
                                                     const ports::Scope& scope,
                                                     const std::string& actor,
                                                     const Progress& progress) {
  auto file = decode_(csv);
  if (!file.ok()) return file.error();
  ImportCounts counts;
  Status s = store_.Transact([&](ports::RecordTransaction& tx) -> Status {
    auto company = CompanyId(tx, company_code, scope);
    if (!company.ok()) return company.error();
    // Reads stay inside the company, whoever the caller is; the writes only touch what those
    // reads found, and are checked against the caller's own scope.
    const ports::Scope own{*company, scope.household_id};
    auto plans = Plan(tx, *file, company_code, *company, own);
    if (!plans.ok()) return plans.error();
    auto applied = Apply(tx, *plans, *company, scope, actor, LocalDate(clock_.Now()), progress);
    if (!applied.ok()) return applied.error();
    counts = *applied;
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return counts;
}

}  // namespace hearth::services
