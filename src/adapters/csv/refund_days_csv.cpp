#include "adapters/csv/refund_days_csv.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "adapters/csv/csv_reader.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::csv {
namespace {

// A plausibility bound for outdoor means, so that any accepted text fits in Tenths.
constexpr rules::Tenths kOutdoorBound = 1000;

// What a reader says about a cell: nothing, or the problem (without its location).
using Problem = std::optional<std::string>;

// Appends rather than `"'" + std::string(text)`, which GCC 12 at -O3 flags (-Wrestrict, a false
// positive, GCC PR 105651).
std::string Quoted(std::string_view text) {
  std::string quoted(1, '\'');
  quoted.append(text);
  quoted += '\'';
  return quoted;
}

Problem ReadTenths(std::string_view text, rules::Tenths lo, rules::Tenths hi,
                   const std::string& range_note, rules::Tenths& out) {
  auto d = ParseDecimal(text);
  if (!d.ok()) return d.error().message;
  int64_t t = ToTenths(*d);
  if (t < lo || t > hi) {
    return std::string(text) + " °C is outside " + range_note + FormatTenths(lo) + " … " +
           FormatTenths(hi) + " °C";
  }
  out = static_cast<rules::Tenths>(t);
  return std::nullopt;
}

Problem ReadValue(const rules::Policy& policy, std::string_view text, rules::RefundDay& day) {
  if (text.empty()) return std::nullopt;
  rules::Tenths v = 0;
  const auto& s = policy.temperature.sensor;
  if (auto p = ReadTenths(text, s.valid_min.value, s.valid_max.value, "the valid range (R-TEMP-3) ",
                          v)) {
    return p;
  }
  day.value = v;
  day.source = rules::EvidenceSource::kRemote;
  return std::nullopt;
}

Problem ReadGuarantee(const rules::Policy& policy, std::string_view text, rules::RefundDay& day) {
  if (text.empty()) return std::nullopt;  // the profile's guarantee, set beforehand
  if (text == "none") {
    day.guarantee.reset();
    return std::nullopt;
  }
  rules::Tenths g = 0;
  const auto& s = policy.temperature.sensor;
  if (auto p = ReadTenths(text, s.valid_min.value, s.valid_max.value, "the valid range (R-TEMP-3) ",
                          g)) {
    return *p + "; or leave it empty for the profile's guarantee, or write none";
  }
  day.guarantee = g;
  return std::nullopt;
}

Problem ReadOutdoorMean(const rules::Policy&, std::string_view text, rules::RefundDay& day) {
  if (text.empty()) return std::nullopt;
  rules::Tenths t = 0;
  if (auto p = ReadTenths(text, -kOutdoorBound, kOutdoorBound, "", t)) return p;
  day.outdoor_mean = t;
  return std::nullopt;
}

Problem ReadUnheatedHours(const rules::Policy&, std::string_view text, rules::RefundDay& day) {
  if (text.empty()) return std::nullopt;
  const std::string expected = "expected hours from 0 to 24 with at most 2 decimals";
  auto d = ParseDecimal(text);
  if (!d.ok()) return d.error().message + "; " + expected;
  if (d->scale > 2) return Quoted(text) + " has more than 2 decimals; " + expected;
  int64_t centihours = Rescale(*d, 2);
  if (centihours < 0 || centihours > rules::kCentihoursPerDay) {
    return Quoted(text) + " is outside 0 … 24 h";
  }
  day.outage = static_cast<rules::Centihours>(centihours);
  return std::nullopt;
}

Problem ReadExcluded(const rules::Policy&, std::string_view text, rules::RefundDay& day) {
  if (text.empty() || text == "0") return std::nullopt;
  if (text == "1") {
    day.household_caused = true;
    return std::nullopt;
  }
  return "expected 0 or 1 (1: a household-caused finding covers the day), got " + Quoted(text);
}

using Reader = Problem (*)(const rules::Policy&, std::string_view, rules::RefundDay&);

struct Column {
  std::string name;
  Reader read = nullptr;  // null for `date`, which is read apart (it checks duplicates)
};

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = {
      {"date", nullptr},
      {"value", ReadValue},
      {"guarantee", ReadGuarantee},
      {"outdoor_mean", ReadOutdoorMean},
      {"unheated_hours", ReadUnheatedHours},
      {"excluded", ReadExcluded},
  };
  return columns;
}

// The columns the file has, in the file's order, so that a row's first problem is the leftmost.
// CsvTable keeps its header to itself, but a row's fields follow it and Field() returns a
// reference into them, which gives each column's position.
std::vector<const Column*> InFileOrder(const CsvTable& table, const CsvRow& row) {
  std::vector<std::pair<size_t, const Column*>> present;
  for (const Column& c : Columns()) {
    if (!table.Has(c.name)) continue;
    auto position = static_cast<size_t>(&table.Field(row, c.name) - row.fields.data());
    present.emplace_back(position, &c);
  }
  std::sort(present.begin(), present.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Column*> out;
  out.reserve(present.size());
  for (const auto& p : present) out.push_back(p.second);
  return out;
}

}  // namespace

Result<std::vector<rules::RefundDay>> ParseRefundDaysCsv(std::string_view text,
                                                         const rules::Policy& policy,
                                                         const rules::SeasonDates& season) {
  auto table = CsvTable::Parse(text, {"date", "value"},
                               {"guarantee", "outdoor_mean", "unheated_hours", "excluded"});
  if (!table.ok()) return table.error();
  std::vector<rules::RefundDay> days;
  if (table->rows().empty()) return days;
  const std::vector<const Column*> columns = InFileOrder(*table, table->rows().front());
  std::map<Date, int> first_line;
  for (const CsvRow& row : table->rows()) {
    rules::RefundDay day;
    day.source = rules::EvidenceSource::kNone;
    day.guarantee = policy.temperature.guarantee.value;
    for (const Column* c : columns) {
      const std::string& cell = table->Field(row, c->name);
      if (c->read != nullptr) {
        if (auto problem = c->read(policy, cell, day)) {
          return table->ErrorAt(row, c->name, *problem);
        }
        continue;
      }
      auto date = ParseDate(cell);
      if (!date.ok()) return table->ErrorAt(row, c->name, date.error().message);
      auto [it, inserted] = first_line.emplace(*date, row.line);
      if (!inserted) {
        return table->ErrorAt(
            row, c->name,
            cell + " is given twice (first on line " + std::to_string(it->second) + ")");
      }
      day.date = *date;
    }
    if (season.IsOfficial(day.date)) days.push_back(day);
  }
  return days;
}

}  // namespace hearth::adapters::csv
