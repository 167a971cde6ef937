#include "adapters/xlsx/workbook.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include <spdlog/spdlog.h>
#include <xlsxwriter.h>

namespace hearth::adapters::xlsx {
namespace {

// Excel refuses []:*?/\ in a sheet name and more than 31 characters.
std::string SheetBase(const std::string& name) {
  std::string out;
  int chars = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if ((c & 0xC0) != 0x80 && ++chars > 25) break;  // room for "-<suffix>"
    out += std::string_view("[]:*?/\\").find(static_cast<char>(c)) == std::string_view::npos
               ? static_cast<char>(c)
               : '_';
  }
  while (!out.empty() && out.front() == '\'') out.erase(out.begin());
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

// A temporary file removed when it goes out of scope.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::filesystem::remove(path);
  }
};

Error Failed(const std::string& what) {
  spdlog::error("xlsx: {}", what);
  return Error::Internal("the workbook could not be written");
}

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* cell;
  lxw_format* bold;
};

Formats AddFormats(lxw_workbook* wb) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
            workbook_add_format(wb)};
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  format_set_bold(f.header);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_border(f.cell, LXW_BORDER_THIN);
  format_set_bold(f.bold);
  format_set_border(f.bold, LXW_BORDER_THIN);
  return f;
}

Status WriteSheet(lxw_workbook* wb, const Formats& f, const Sheet& s) {
  std::string name = SheetBase(s.name);
  if (name.empty() || workbook_validate_sheet_name(wb, name.c_str()) != LXW_NO_ERROR) {
    name += "-" + s.suffix;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return Failed("workbook_add_worksheet failed for '" + name + "'");
  size_t columns = s.headers.size();
  for (const auto& r : s.rows) columns = std::max(columns, r.cells.size());
  const lxw_col_t last = static_cast<lxw_col_t>(columns == 0 ? 0 : columns - 1);
  for (lxw_col_t c = 0; c <= last; ++c) {
    const double width = c < s.widths.size() ? s.widths[c] : (c == 0 ? 16 : 10);
    worksheet_set_column(ws, c, c, width, nullptr);
  }
  if (last == 0) {
    worksheet_write_string(ws, 0, 0, s.title.c_str(), f.title);
    worksheet_write_string(ws, 1, 0, s.note.c_str(), nullptr);
  } else {
    worksheet_merge_range(ws, 0, 0, 0, last, s.title.c_str(), f.title);
    worksheet_merge_range(ws, 1, 0, 1, last, s.note.c_str(), nullptr);
  }
  for (size_t i = 0; i < s.headers.size(); ++i) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(i), s.headers[i].c_str(), f.header);
  }
  lxw_row_t row = 3;
  for (const TableRow& r : s.rows) {
    lxw_format* format = r.bold ? f.bold : f.cell;
    for (size_t i = 0; i < r.cells.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      if (const auto* text = std::get_if<std::string>(&r.cells[i])) {
        worksheet_write_string(ws, row, col, text->c_str(), format);
      } else {
        worksheet_write_number(ws, row, col, std::get<double>(r.cells[i]), format);
      }
    }
    ++row;
  }
  return OkStatus();
}

}  // namespace

std::string FileNamePart(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += plain ? c : '_';
  }
  return out;
}

std::string ChineseMonth(int year, unsigned month) {
  return std::to_string(year) + "年" + (month < 10 ? "0" : "") + std::to_string(month) + "月";
}

Result<std::string> WriteWorkbook(const Workbook& workbook) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return Failed("no temporary directory: " + ec.message());
  std::string pattern = (dir / "hearth-report-XXXXXX.xlsx").string();
  const int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) return Failed("mkstemps failed");
  close(fd);
  TempFile file{pattern};

  lxw_workbook_options options = {};
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  if (wb == nullptr) return Failed("workbook_new_opt failed");
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(workbook.title.c_str());
  props.created = static_cast<time_t>(workbook.created.time_since_epoch().count());
  workbook_set_properties(wb, &props);
  const Formats formats = AddFormats(wb);
  for (const Sheet& s : workbook.sheets) {
    if (Status st = WriteSheet(wb, formats, s); !st.ok()) {
      workbook_close(wb);
      return st.error();
    }
  }
  if (workbook.sheets.empty()) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    if (ws != nullptr) worksheet_write_string(ws, 0, 0, workbook.empty_title.c_str(), formats.title);
  }
  if (lxw_error err = workbook_close(wb); err != LXW_NO_ERROR) {
    return Failed(std::string("workbook_close: ") + lxw_strerror(err));
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return Failed("cannot read back " + file.path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return Failed("cannot read back " + file.path);
  return bytes.str();
}

}  // namespace hearth::adapters::xlsx
