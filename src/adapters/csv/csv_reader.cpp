#include "adapters/csv/csv_reader.hpp"

#include <algorithm>

namespace hearth::adapters::csv {
namespace {

const std::string kEmpty;

// Splits `text` into records of fields, tracking the line of each record.
Result<std::vector<CsvRow>> Tokenize(std::string_view text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool in_quotes = false, quoted = false, any = false;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  auto end_row = [&] {
    if (any) {
      end_field();
      rows.push_back(std::move(row));
    }
    row = CsvRow{};
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (!any && c != '\n' && c != '\r') {
      any = true;
      row.line = line;
    }
    if (c == '"') {
      if (!field.empty() || quoted) {
        return CsvError(line, static_cast<int>(row.fields.size()) + 1, "",
                        "a quote inside an unquoted field");
      }
      in_quotes = quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_row();
      ++line;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      end_row();
      ++line;
    } else {
      if (quoted) {
        return CsvError(line, static_cast<int>(row.fields.size()) + 1, "",
                        "text after a closing quote");
      }
      field += c;
    }
  }
  if (in_quotes)
    return CsvError(line, static_cast<int>(row.fields.size()) + 1, "",
                    "a quoted field is not closed");
  end_row();
  return rows;
}

}  // namespace

Error CsvError(int line, int column, const std::string& name, const std::string& message) {
  std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  if (!name.empty()) where += " (" + name + ")";
  return Error::InvalidArgument(where + ": " + message, "line " + std::to_string(line));
}

Result<CsvTable> CsvTable::Parse(std::string_view text, const std::vector<std::string>& required,
                                 const std::vector<std::string>& optional,
                                 std::vector<Error>* bad_rows) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto rows = Tokenize(text);
  if (!rows.ok()) return rows.error();
  std::string expected;
  for (const auto& r : required) expected += (expected.empty() ? "" : ",") + r;
  if (rows->empty())
    return CsvError(1, 1, "", "the file is empty; expected the header " + expected);
  CsvTable table;
  const CsvRow& head = rows->front();
  for (size_t i = 0; i < head.fields.size(); ++i) {
    std::string name = head.fields[i];
    int col = static_cast<int>(i) + 1;
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) return CsvError(head.line, col, name, "unknown column; expected " + expected);
    if (!table.index_.emplace(name, i).second) {
      return CsvError(head.line, col, name, "the column appears twice");
    }
    table.header_.push_back(name);
  }
  for (const auto& r : required) {
    if (!table.index_.count(r)) {
      return CsvError(head.line, static_cast<int>(head.fields.size()) + 1, r,
                      "missing column; expected " + expected);
    }
  }
  for (size_t i = 1; i < rows->size(); ++i) {
    CsvRow& row = (*rows)[i];
    if (row.fields.size() != table.header_.size()) {
      int col = static_cast<int>(std::min(row.fields.size(), table.header_.size())) + 1;
      Error e = CsvError(row.line, col, "",
                         "expected " + std::to_string(table.header_.size()) + " fields, found " +
                             std::to_string(row.fields.size()));
      if (bad_rows == nullptr) return e;
      bad_rows->push_back(std::move(e));
      continue;
    }
    table.rows_.push_back(std::move(row));
  }
  return table;
}

const std::string& CsvTable::Field(const CsvRow& row, const std::string& column) const {
  auto it = index_.find(column);
  return it == index_.end() ? kEmpty : row.fields[it->second];
}

int CsvTable::ColumnOf(const std::string& column) const {
  auto it = index_.find(column);
  return it == index_.end() ? 0 : static_cast<int>(it->second) + 1;
}

Error CsvTable::ErrorAt(const CsvRow& row, const std::string& column,
                        const std::string& message) const {
  return CsvError(row.line, ColumnOf(column), column, message);
}

}  // namespace hearth::adapters::csv
