// The household import file as decoded (adapters/csv/household_import_csv.hpp reads it; the
// import service checks it against the database and applies it, all or nothing).
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::ports {

/// One problem of an import file, located at its line and column (1-based; column 0 when the
/// problem is not in one column).
struct CsvProblem {
  int line = 0;
  int column = 0;
  std::string text;  ///< "line L, column C (NAME): MESSAGE"
};

struct HouseholdImportRow {
  int line = 0;
  std::string building;   ///< building code, within the company
  std::string partition;  ///< partition code, within the building
  /// The household's fields read from the row, by descriptor name: code, address, area_m2,
  /// floor, orientation, billing, agreed_temp, heating_status, phone, id_number, and floor_tier
  /// when the file has that column. Only the valid ones when `valid` is false.
  Fields fields;
  std::vector<Fields> rooms;  ///< {kind, name} each, in file order
  bool valid = false;         ///< the row has no problem
};

struct HouseholdImportFile {
  std::vector<HouseholdImportRow> rows;  ///< every row of the header's width, in file order
  std::vector<CsvProblem> problems;      ///< by line, then column
  std::map<std::string, int> columns;    ///< 1-based column of each header name

  /// A problem at `row`'s `column` (a header name): "line L, column C (NAME): MESSAGE".
  CsvProblem ProblemAt(const HouseholdImportRow& row, const std::string& column,
                       const std::string& message) const {
    auto it = columns.find(column);
    int col = it == columns.end() ? 0 : it->second;
    return {row.line, col,
            "line " + std::to_string(row.line) + ", column " + std::to_string(col) + " (" + column +
                "): " + message};
  }
};

/// At most this many problems are listed in the error; the rest are counted.
inline constexpr size_t kMaxListedProblems = 50;

/// invalid_argument listing `problems` (sorted here by line, then column; the first
/// kMaxListedProblems of them, then "… and N more"): "the file has N problems; nothing was
/// imported:\nline …\nline …". Its field is the first problem's "line L". Precondition: not empty.
inline Error ImportProblemsError(std::vector<CsvProblem> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const CsvProblem& a, const CsvProblem& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::string message = "the file has " + std::to_string(problems.size()) +
                        (problems.size() == 1 ? " problem" : " problems") +
                        "; nothing was imported:";
  for (size_t i = 0; i < problems.size() && i < kMaxListedProblems; ++i) {
    message += "\n" + problems[i].text;
  }
  if (problems.size() > kMaxListedProblems) {
    message += "\n… and " + std::to_string(problems.size() - kMaxListedProblems) + " more";
  }
  return Error::InvalidArgument(std::move(message),
                                problems.empty() ? "" : "line " + std::to_string(problems[0].line));
}

}  // namespace hearth::ports
