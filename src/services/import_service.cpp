#include "services/import_service.hpp"

#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/csv/household_import_csv.hpp"
#include "model/resources.hpp"

namespace hearth::services {
namespace {

using adapters::CsvProblem;
using adapters::HouseholdImportFile;
using adapters::HouseholdImportRow;
using ports::Fields;
using ports::Record;

const model::Resource& R(const char* name) { return *model::FindResource(name); }

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

const std::string& TextOf(const Record& rec, const std::string& field) {
  static const std::string kEmpty;
  const auto* s = std::get_if<std::string>(&rec.fields.at(field));
  return s ? *s : kEmpty;
}

int64_t IntOf(const Record& rec, const std::string& field) {
  const auto* i = std::get_if<int64_t>(&rec.fields.at(field));
  return i ? *i : 0;
}

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
  std::unordered_map<std::string, Building> buildings;         // by code
  std::map<std::pair<int64_t, std::string>, int64_t> partitions;  // (building, code) -> id
  std::unordered_map<std::string, Record> households;          // by code
  std::unordered_map<int64_t, std::vector<Record>> rooms;      // by household id

  static Result<Existing> Read(ports::RecordTransaction& tx, int64_t company,
                               const ports::Scope& scope) {
    Existing out;
    const Fields of_company = {{"company_id", company}};
    auto buildings = ListAll(tx, R("buildings"), of_company, scope);
    if (!buildings.ok()) return buildings.error();
    for (const auto& b : *buildings) {
      out.buildings[TextOf(b, "code")] = {b.id, IntOf(b, "floors")};
    }
    auto partitions = ListAll(tx, R("partitions"), of_company, scope);
    if (!partitions.ok()) return partitions.error();
    for (const auto& p : *partitions) {
      out.partitions[{IntOf(p, "building_id"), TextOf(p, "code")}] = p.id;
    }
    auto households = ListAll(tx, R("households"), of_company, scope);
    if (!households.ok()) return households.error();
    for (auto& h : *households) out.households.emplace(TextOf(h, "code"), std::move(h));
    auto rooms = ListAll(tx, R("rooms"), {}, scope);  // the scope keeps the company's
    if (!rooms.ok()) return rooms.error();
    for (auto& m : *rooms) out.rooms[IntOf(m, "household_id")].push_back(std::move(m));
    return out;
  }
};

// The rooms of an existing household against the row's: what to create, change and delete.
Status PlanRooms(ports::RecordTransaction& tx, const HouseholdImportFile& file,
                 const std::vector<Record>& current, const ports::Scope& scope,
                 HouseholdPlan& plan, std::vector<CsvProblem>& problems) {
  std::map<std::string, const Record*> by_name;
  for (const auto& m : current) by_name[TextOf(m, "name")] = &m;
  for (const auto& room : plan.row->rooms) {
    auto it = by_name.find(std::get<std::string>(room.at("name")));
    if (it == by_name.end()) {
      plan.new_rooms.push_back(room);
      continue;
    }
    if (it->second->fields.at("kind") != room.at("kind")) {
      plan.changed_rooms.push_back({it->second->id, {{"kind", room.at("kind")}}});
    }
    by_name.erase(it);
  }
  for (const auto& [name, m] : by_name) {
    // A sensor keeps its room: removing both is a deliberate act, not an import's side effect.
    auto sensors = ListAll(tx, R("sensors"), {{"room_id", m->id}}, scope);
    if (!sensors.ok()) return sensors.error();
    if (!sensors->empty()) {
      problems.push_back(file.ProblemAt(
          *plan.row, "rooms",
          "the room " + Quoted(name) + " is no longer listed, but the sensor " +
              Quoted(TextOf(sensors->front(), "code")) +
              " is bound to it; move or remove the sensor first"));
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
    if (!row.valid || problems.size() != problems_before) continue;

    auto h = existing->households.find(std::get<std::string>(row.fields.at("code")));
    if (h != existing->households.end()) {
      const Record& current = h->second;
      plan.existing = current.id;
      if (current.fields.at("partition_id") != ports::FieldValue{plan.partition_id}) {
        plan.changes["partition_id"] = plan.partition_id;
      }
      for (const auto& [name, value] : row.fields) {
        if (current.fields.at(name) != value) plan.changes[name] = value;
      }
      static const std::vector<Record> kNoRooms;
      auto rooms = existing->rooms.find(current.id);
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
  if (!problems.empty()) return adapters::ImportProblemsError(std::move(problems));
  return plans;
}

// A write that failed although the file checked out (e.g. a concurrent change): name the line.
Error AtLine(const HouseholdImportRow& row, Error e) {
  e.message = "line " + std::to_string(row.line) + ": " + e.message;
  return e;
}

Result<ImportCounts> Apply(ports::RecordTransaction& tx, const std::vector<HouseholdPlan>& plans,
                           int64_t company, const ports::Scope& scope, const std::string& actor) {
  ImportCounts counts;
  for (const HouseholdPlan& plan : plans) {
    if (plan.Unchanged()) {
      ++counts.unchanged;
      continue;
    }
    int64_t household = 0;
    if (plan.existing) {
      household = *plan.existing;
      if (!plan.changes.empty()) {
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
  return counts;
}

}  // namespace

Result<ImportCounts> ImportService::ImportHouseholds(const std::string& company_code,
                                                     std::string_view csv,
                                                     const ports::Scope& scope,
                                                     const std::string& actor) {
  auto file = adapters::ReadHouseholdImport(csv);
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
    auto applied = Apply(tx, *plans, *company, scope, actor);
    if (!applied.ok()) return applied.error();
    counts = *applied;
    return OkStatus();
  });
  if (!s.ok()) return s.error();
  return counts;
}

}  // namespace hearth::services
