#include "adapters/csv/household_import_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include "adapters/csv/csv_reader.hpp"
#include "adapters/json/record_json.hpp"
#include "model/resources.hpp"

namespace hearth::adapters::csv {
namespace {

const std::vector<std::string> kFieldColumns = {
    "code",    "address",        "area_m2", "floor",     "orientation", "billing",
    "agreed_temp", "heating_status", "phone",   "id_number", "floor_tier"};
const std::vector<std::string> kOptional = {"floor_tier"};

std::vector<std::string> RequiredColumns() {
  std::vector<std::string> out = {"building", "partition"};
  for (const auto& c : kFieldColumns) {
    if (std::find(kOptional.begin(), kOptional.end(), c) == kOptional.end()) out.push_back(c);
  }
  out.push_back("rooms");
  return out;
}

// Built piecewise: "'" + std::string(text) + "'" trips GCC 12's -Wrestrict false positive at -O2.
std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

// A problem message without the "field: " prefix of the record readers: the location already
// names the column.
std::string WithoutFieldName(const model::Field& f, const std::string& message) {
  const std::string prefix = f.name + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// An optional '-' and 1 to 18 digits, and nothing else.
bool IsWholeNumber(const std::string& text) {
  size_t digits = text.size() - (text.rfind('-', 0) == 0 ? 1 : 0);
  return digits >= 1 && digits <= 18 &&
         text.find_first_not_of("0123456789", text.size() - digits) == std::string::npos;
}

// One cell as the value of field `f`; the problem (without its location) otherwise.
Result<ports::FieldValue> ReadCell(const model::Field& f, const std::string& text) {
  if (text.empty()) {
    if (f.required) return Error::InvalidArgument("is required; the cell is empty");
    return ports::FieldValue{nullptr};
  }
  // FilterValue would read "1-2" as 1 (and throw on "-"): whole numbers are checked here first.
  if (f.type == model::FieldType::kInt && !IsWholeNumber(text)) {
    return Error::InvalidArgument("expected an integer, got " + Quoted(text));
  }
  auto v = json::FilterValue(f, text);
  if (!v.ok()) return Error::InvalidArgument(WithoutFieldName(f, v.error().message));
  return v;
}

// A whole row's problems go through this, so that the row knows whether it is valid.
struct RowReader {
  const HouseholdImportFile& file;
  HouseholdImportRow& row;
  std::vector<CsvProblem>& problems;

  void Problem(const std::string& column, const std::string& message) {
    problems.push_back(file.ProblemAt(row, column, message));
    row.valid = false;
  }
};

// "kind:name;kind:name" into rows of the rooms descriptor (R-TEMP-3 counts bedrooms and living
// rooms).
void ReadRooms(RowReader& reader, const std::string& text) {
  static const model::Resource& rooms = *model::FindResource("rooms");
  const std::string example = "kind:name;kind:name, e.g. bedroom:主卧;living:客厅";
  if (text.empty()) {
    reader.Problem("rooms", "at least one room is required, as " + example);
    return;
  }
  std::map<std::string, size_t> seen;  // name -> room number
  size_t number = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find(';', start), text.size());
    std::string item = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const std::string which = "room " + std::to_string(number);
    size_t colon = item.find(':');
    if (colon == std::string::npos) {
      reader.Problem("rooms", which + " " + Quoted(item) + " is not kind:name (" + example + ")");
      continue;
    }
    ports::Fields room;
    bool ok = true;
    for (auto [name, value] : {std::pair{"kind", item.substr(0, colon)},
                               std::pair{"name", item.substr(colon + 1)}}) {
      const model::Field& f = *rooms.Find(name);
      auto v = ReadCell(f, value);
      if (!v.ok()) {
        reader.Problem("rooms", which + " " + Quoted(item) + ": " + f.name + " " +
                                    v.error().message);
        ok = false;
        continue;
      }
      room[name] = std::move(*v);
    }
    if (!ok) continue;
    const std::string& name = std::get<std::string>(room.at("name"));
    if (auto [it, added] = seen.emplace(name, number); !added) {
      reader.Problem("rooms", which + ": the name " + Quoted(name) + " is also room " +
                                  std::to_string(it->second));
      continue;
    }
    reader.row.rooms.push_back(std::move(room));
  }
}

// "line L, column C…" of a CsvReader error, for sorting it among the others.
CsvProblem ProblemOf(const Error& e) {
  CsvProblem p;
  p.text = e.message;
  if (std::sscanf(e.message.c_str(), "line %d, column %d", &p.line, &p.column) < 2) p.column = 0;
  return p;
}

}  // namespace

const std::vector<std::string>& HouseholdImportFieldColumns() { return kFieldColumns; }

Result<HouseholdImportFile> ReadHouseholdImport(std::string_view text) {
  static const model::Resource& households = *model::FindResource("households");
  std::vector<Error> bad_rows;
  auto table = CsvTable::Parse(text, RequiredColumns(), kOptional, &bad_rows);
  if (!table.ok()) return table.error();
  HouseholdImportFile file;
  for (const auto& e : bad_rows) file.problems.push_back(ProblemOf(e));
  for (const auto& name : RequiredColumns()) file.columns[name] = table->ColumnOf(name);
  for (const auto& name : kOptional) {
    if (table->Has(name)) file.columns[name] = table->ColumnOf(name);
  }
  std::unordered_map<std::string, int> code_lines;  // household code -> first line
  for (const CsvRow& csv_row : table->rows()) {
    HouseholdImportRow row;
    row.line = csv_row.line;
    row.valid = true;
    RowReader reader{file, row, file.problems};
    for (const std::string column : {"building", "partition"}) {
      const std::string& value = table->Field(csv_row, column);
      if (value.empty()) reader.Problem(column, "is required; the cell is empty");
      (column == "building" ? row.building : row.partition) = value;
    }
    for (const auto& column : kFieldColumns) {
      if (!table->Has(column)) continue;
      const model::Field& f = *households.Find(column);
      auto v = ReadCell(f, table->Field(csv_row, column));
      if (!v.ok()) {
        reader.Problem(column, v.error().message);
        continue;
      }
      row.fields[column] = std::move(*v);
    }
    if (auto it = row.fields.find("code"); it != row.fields.end()) {
      const std::string& code = std::get<std::string>(it->second);
      auto [first, added] = code_lines.emplace(code, row.line);
      if (!added) {
        reader.Problem("code", "the household " + Quoted(code) + " is also on line " +
                                   std::to_string(first->second));
      }
    }
    ReadRooms(reader, table->Field(csv_row, "rooms"));
    file.rows.push_back(std::move(row));
  }
  std::stable_sort(file.problems.begin(), file.problems.end(),
                   [](const CsvProblem& a, const CsvProblem& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  return file;
}

}  // namespace hearth::adapters::csv
