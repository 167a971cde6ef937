#include "adapters/xlsx/hotline_report_xlsx.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <spdlog/spdlog.h>
#include <xlsxwriter.h>

namespace hearth::adapters::xlsx {
namespace {

constexpr std::array<const char*, 12> kHeaders = {
    "渠道", "受理量", "按时办结", "超时", "办理中", "退单",
    "延期", "满意",   "基本满意", "不满意", "未回访", "重复投诉"};

// The columns after the channel, in kHeaders order.
std::array<int64_t, 11> Cells(const ports::HotlineRow& r) {
  return {r.received,  r.on_time,  r.late,      r.pending,             r.returned,
          r.extended,  r.satisfied, r.basically_satisfied, r.unsatisfied, r.not_visited,
          r.second_complaints};
}

// Excel refuses []:*?/\ in a sheet name and more than 31 characters.
std::string SheetBase(const std::string& name) {
  std::string out;
  int chars = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if ((c & 0xC0) != 0x80 && ++chars > 25) break;  // room for "-<id>"
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

}  // namespace

std::string_view ChannelLabel(rules::Channel channel) {
  switch (channel) {
    case rules::Channel::kCityHotline: return "12345市民热线";
    case rules::Channel::kProvincialHotline: return "省级热线";
    case rules::Channel::kOnReceipt: return "接诉即办";
    case rules::Channel::kInternetPlus: return "互联网+督查";
    case rules::Channel::kFirstQuestion: return "首问负责";
    case rules::Channel::kUrgent: return "紧急工单";
    case rules::Channel::kPhone: return "服务电话";
    case rules::Channel::kWeb: return "网上受理";
    case rules::Channel::kHall: return "服务大厅";
  }
  return "其他";
}

std::string HotlineReportFileName(const ports::HotlineReport& report) {
  std::string name = "hotline-report-" + report.month.Text();
  if (report.companies.size() == 1) {
    std::string code;
    for (char c : report.companies.front().company.code) {
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_';
      code += plain ? c : '_';
    }
    name += "-" + code;
  }
  return name + ".xlsx";
}

Result<std::string> HotlineReportXlsx(const ports::HotlineReport& report) {
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
  props.title = const_cast<char*>("热线工单月报");
  props.created = static_cast<time_t>(report.generated_at.time_since_epoch().count());
  workbook_set_properties(wb, &props);

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* total = workbook_add_format(wb);
  format_set_bold(total);
  format_set_border(total, LXW_BORDER_THIN);

  const std::string month = std::to_string(report.month.year) + "年" +
                            (report.month.month < 10 ? "0" : "") +
                            std::to_string(report.month.month) + "月";
  const std::string note = "按受理时间统计（北京时间 " + report.month.Text() + "），生成于 " +
                           FormatLocal(report.generated_at);
  const lxw_col_t last_col = static_cast<lxw_col_t>(kHeaders.size() - 1);
  for (const ports::CompanyHotlineReport& c : report.companies) {
    std::string name = SheetBase(c.company.name.empty() ? c.company.code : c.company.name);
    if (name.empty() || workbook_validate_sheet_name(wb, name.c_str()) != LXW_NO_ERROR) {
      name += "-" + std::to_string(c.company.id);
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (ws == nullptr) {
      workbook_close(wb);
      return Failed("workbook_add_worksheet failed for '" + name + "'");
    }
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    worksheet_set_column(ws, 1, last_col, 10, nullptr);
    const std::string heading = c.company.name + " " + month + " 热线工单月报";
    worksheet_merge_range(ws, 0, 0, 0, last_col, heading.c_str(), title);
    worksheet_merge_range(ws, 1, 0, 1, last_col, note.c_str(), nullptr);
    for (size_t i = 0; i < kHeaders.size(); ++i) {
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(i), kHeaders[i], header);
    }
    lxw_row_t row = 3;
    auto write = [&](std::string_view label, const ports::HotlineRow& r, lxw_format* f) {
      worksheet_write_string(ws, row, 0, std::string(label).c_str(), f);
      const auto cells = Cells(r);
      for (size_t i = 0; i < cells.size(); ++i) {
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(i + 1),
                               static_cast<double>(cells[i]), f);
      }
      ++row;
    };
    for (const ports::HotlineRow& r : c.channels) write(ChannelLabel(r.channel), r, cell);
    write("合计", c.total, total);
  }
  if (report.companies.empty()) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    const std::string heading = month + " 热线工单月报（无公司）";
    if (ws != nullptr) worksheet_write_string(ws, 0, 0, heading.c_str(), title);
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
