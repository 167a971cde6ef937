// CSV input (RFC 4180: comma-separated, optional "quoted" fields with "" escapes, LF or CRLF).
//
// The first line is the header. Every problem is reported with its line and column (1-based; the
// column is the field's position, named by its header), so a user can find it in a spreadsheet:
//   "line 5, column 3 (ts): '2024-13-01T00:00:00Z' is not an RFC 3339 time (month 13 ...)".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hearth::adapters::csv {

struct CsvRow {
  int line = 0;                     ///< 1-based line of the row's first character
  std::vector<std::string> fields;  ///< one per header column
};

class CsvTable {
 public:
  /// Parses `text`. The header must contain every `required` column, may contain `optional`
  /// ones, and nothing else; columns may come in any order. Every row must have as many fields
  /// as the header. Blank lines are skipped. A UTF-8 byte-order mark is ignored.
  /// With `bad_rows`, a row of the wrong width does not fail the parse: its error goes there and
  /// the row is left out, so that an import can report every problem at once.
  static Result<CsvTable> Parse(std::string_view text, const std::vector<std::string>& required,
                                const std::vector<std::string>& optional = {},
                                std::vector<Error>* bad_rows = nullptr);

  const std::vector<CsvRow>& rows() const { return rows_; }
  bool Has(const std::string& column) const { return index_.count(column) != 0; }
  /// The field of `column` in `row`; "" for an optional column absent from the header.
  const std::string& Field(const CsvRow& row, const std::string& column) const;

  /// The 1-based position of `column` in the header; 0 when the header lacks it.
  int ColumnOf(const std::string& column) const;
  /// An invalid_argument error located at `row`'s `column`.
  Error ErrorAt(const CsvRow& row, const std::string& column, const std::string& message) const;

 private:
  std::vector<std::string> header_;
  std::map<std::string, size_t> index_;
  std::vector<CsvRow> rows_;
};

/// "line L, column C (NAME): MESSAGE" as an invalid_argument error with field "line L".
Error CsvError(int line, int column, const std::string& name, const std::string& message);

}  // namespace hearth::adapters::csv
