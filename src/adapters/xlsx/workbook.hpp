// A workbook of plain tables (.xlsx, written by libxlsxwriter), the shape every report Hearth
// exports takes: each sheet has a bold title row over the table's width, a note row (what is
// counted, when it was made), the headers (bold, boxed) and the rows, boxed, a row in bold when
// it says so (a total). A sheet's name is its `name` with the characters Excel refuses replaced by
// '_', cut to 25 characters, and "-<suffix>" added when that name is empty or taken. The
// workbook's creation time is `created`, so the same tables give the same bytes.
// Errors: internal (the temporary file could not be written or read; libxlsxwriter's message is
// logged, not returned). Thread-safe.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/civil_time.hpp"
#include "core/result.hpp"

namespace hearth::adapters::xlsx {

/// Text, or a number (written as a number, so Excel can sum it).
using CellValue = std::variant<std::string, double>;

struct TableRow {
  std::vector<CellValue> cells;
  bool bold = false;
};

struct Sheet {
  std::string name;
  std::string suffix;  ///< added to a name taken or empty ("-<suffix>"), e.g. the company id
  std::string title;
  std::string note;
  std::vector<std::string> headers;
  std::vector<double> widths;  ///< per column, in characters; a missing one is 10 (16 for the first)
  std::vector<TableRow> rows;
};

struct Workbook {
  std::string title;  ///< the document's title property
  Instant created;
  std::vector<Sheet> sheets;  ///< none: one sheet holding `empty_title`
  std::string empty_title;
};

/// The workbook's bytes.
Result<std::string> WriteWorkbook(const Workbook& workbook);

/// `text` with every character but [A-Za-z0-9_-] replaced by '_', for a file name.
std::string FileNamePart(const std::string& text);

/// "2026年01月".
std::string ChineseMonth(int year, unsigned month);

}  // namespace hearth::adapters::xlsx
