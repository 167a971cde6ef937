#include "adapters/csv/households_csv.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "adapters/csv/csv_reader.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::csv {
namespace {

const std::vector<std::string> kRequired = {"id",       "building", "substation",
                                            "floor",    "floors",   "position",
                                            "orientation", "area_m2", "has_sensor"};
const std::vector<std::string> kOptional = {"tier"};

// What a reader says about a field: nothing, or the problem (without its location).
using Problem = std::optional<std::string>;

std::string Quoted(std::string_view text) {
  std::string s;  // appended, not "'" + …: GCC 12 warns falsely (-Wrestrict) on that at -O2
  s.reserve(text.size() + 2);
  s += '\'';
  s += text;
  s += '\'';
  return s;
}

// A whole number lo..hi written as plain digits.
Problem ReadWhole(std::string_view text, int lo, int hi, const std::string& what,
                  const std::string& note, int& out) {
  const std::string expected = what + " must be a whole number from " + std::to_string(lo) +
                               " to " + std::to_string(hi) + note;
  if (text.empty()) return expected + "; the field is empty";
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return expected + ", got " + Quoted(text);
    v = v * 10 + (c - '0');
    if (v > hi) return expected + ", got " + Quoted(text);
  }
  if (v < lo) return expected + ", got " + Quoted(text);
  out = static_cast<int>(v);
  return std::nullopt;
}

Problem ReadArea(std::string_view text, int64_t& out) {
  const std::string expected = "area_m2 must be a decimal number of square metres, more than 0";
  auto d = ParseDecimal(text);
  if (!d.ok()) return d.error().message + "; " + expected;
  if (d->units <= 0) return expected + ", got " + Quoted(text);
  // ParseDecimal keeps at most 9 decimals and less than 10^9 before the point: exact in 10^-9 m².
  int64_t scale = 1;
  for (int i = d->scale; i < 9; ++i) scale *= 10;
  out = d->units * scale;
  return std::nullopt;
}

template <typename T>
Problem ReadName(std::string_view text, std::optional<T> parsed, const char* expected, T& out) {
  if (!parsed) return std::string(expected) + ", got " + Quoted(text);
  out = *parsed;
  return std::nullopt;
}

// Dense numbers for texts, in order of first appearance.
class Interner {
 public:
  uint32_t Of(const std::string& text) {
    auto [it, added] = ids_.try_emplace(text, static_cast<uint32_t>(ids_.size()));
    return it->second;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace

Result<std::vector<rules::SampleHousehold>> ParseHouseholdsCsv(std::string_view text) {
  auto table = CsvTable::Parse(text, kRequired, kOptional);
  if (!table.ok()) return table.error();
  const bool has_tier = table->Has("tier");
  std::vector<std::string> columns = kRequired;
  if (has_tier) columns.push_back("tier");

  std::vector<rules::SampleHousehold> out;
  out.reserve(table->rows().size());
  std::unordered_map<std::string, int> first_line;  // id -> line
  Interner buildings, substations;
  for (const CsvRow& row : table->rows()) {
    // Field(row, name) refers into row.fields, so its offset there is the column's position:
    // problems are reported for the leftmost column.
    auto position_of = [&](const std::string& name) {
      return &table->Field(row, name) - row.fields.data();
    };
    std::optional<std::pair<std::ptrdiff_t, Error>> first;
    auto report = [&](const std::string& name, const Problem& p) {
      if (!p) return;
      const std::ptrdiff_t at = position_of(name);
      if (!first || at < first->first) first.emplace(at, table->ErrorAt(row, name, *p));
    };
    auto field = [&](const std::string& name) -> const std::string& {
      return table->Field(row, name);
    };

    rules::SampleHousehold h;
    const std::string& id = field("id");
    if (id.empty()) {
      report("id", "id must not be empty");
    } else if (auto it = first_line.find(id); it != first_line.end()) {
      report("id", "duplicate id " + Quoted(id) + " (first on line " +
                       std::to_string(it->second) + ")");
    }
    for (const char* name : {"building", "substation"}) {
      if (field(name).empty()) report(name, std::string(name) + " must not be empty");
    }
    const Problem floors_problem =
        ReadWhole(field("floors"), 1, kMaxFloors, "floors", "", h.floors);
    report("floors", floors_problem);
    report("floor", ReadWhole(field("floor"), 1, floors_problem ? kMaxFloors : h.floors, "floor",
                              floors_problem ? "" : " (the building's floors)", h.floor));
    report("position", ReadName(field("position"), rules::ParsePosition(field("position")),
                                "position must be near, middle or far", h.position));
    report("orientation",
           ReadName(field("orientation"), rules::ParseOrientation(field("orientation")),
                    "orientation must be shade or sun", h.orientation));
    report("area_m2", ReadArea(field("area_m2"), h.area));
    const std::string& sensor = field("has_sensor");
    if (sensor == "0" || sensor == "1") {
      h.has_sensor = sensor == "1";
    } else {
      report("has_sensor", "has_sensor must be 0 or 1, got " + Quoted(sensor));
    }
    if (has_tier && !field("tier").empty()) {
      rules::FloorTier tier{};
      if (auto p = ReadName(field("tier"), rules::ParseTier(field("tier")),
                            "tier must be upper, middle or lower (or empty for the floor's tier)",
                            tier)) {
        report("tier", p);
      } else {
        h.tier = tier;
      }
    }
    if (first) return std::move(first->second);

    first_line.emplace(id, row.line);
    h.id = id;
    h.building = buildings.Of(field("building"));
    h.substation = substations.Of(field("substation"));
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace hearth::adapters::csv
