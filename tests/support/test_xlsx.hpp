// Test-only: a workbook read back. The file is a zip (read with `unzip -p`, the Debian package
// unzip); each sheet's cells are resolved through the shared strings.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace hearth::support {

// `unzip -p file member`'s output.
inline std::string Unzip(const std::filesystem::path& file, const std::string& member) {
  const std::string cmd = "/usr/bin/unzip -p '" + file.string() + "' '" + member + "'";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return {};
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

inline std::string Unescape(std::string s) {
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                          {"&apos;", "'"}, {"&amp;", "&"}}) {
    for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + 1)) {
      s.replace(i, std::strlen(from), to);
    }
  }
  return s;
}

// A workbook's sheets: name -> cell ("A1") -> text (numbers as written, e.g. "3").
struct XlsxBook {
  std::vector<std::string> sheets;
  std::vector<std::map<std::string, std::string>> cells;
};

inline XlsxBook ReadXlsx(const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("hearth-xlsx-test-" + std::to_string(getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  XlsxBook wb;
  std::vector<std::string> shared;
  const std::string strings = Unzip(path, "xl/sharedStrings.xml");
  const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
  for (std::sregex_iterator it(strings.begin(), strings.end(), si), end; it != end; ++it) {
    shared.push_back(Unescape((*it)[1]));
  }
  const std::string book = Unzip(path, "xl/workbook.xml");
  const std::regex sheet("<sheet name=\"([^\"]*)\"");
  for (std::sregex_iterator it(book.begin(), book.end(), sheet), end; it != end; ++it) {
    wb.sheets.push_back(Unescape((*it)[1]));
  }
  const std::regex cell("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><v>([^<]*)</v></c>");
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    const std::string xml = Unzip(path, "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
    std::map<std::string, std::string> cells;
    for (std::sregex_iterator it(xml.begin(), xml.end(), cell), end; it != end; ++it) {
      const std::string value = (*it)[3];
      const bool text = std::string((*it)[2]).find("t=\"s\"") != std::string::npos;
      cells[(*it)[1]] = text ? shared.at(std::stoul(value)) : value;
    }
    wb.cells.push_back(std::move(cells));
  }
  std::filesystem::remove(path);
  return wb;
}

}  // namespace hearth::support
