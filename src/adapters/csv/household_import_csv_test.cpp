// The households import file: every kind of problem at its line and column, all of them at once.
#include "adapters/csv/household_import_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace hearth::adapters::csv {
namespace {

const std::string kHeader =
    "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
    "heating_status,phone,id_number,rooms";

// A valid row, by column; cases change some cells.
std::map<std::string, std::string> GoodCells() {
  return {{"building", "B-01"},       {"partition", "U1"},
          {"code", "H-0101"},         {"address", "1号楼1单元101室"},
          {"area_m2", "85.55"},       {"floor", "1"},
          {"orientation", "sun"},     {"billing", "area"},
          {"agreed_temp", "18.0"},    {"heating_status", "heated"},
          {"phone", "13812345678"},   {"id_number", "370602199001011234"},
          {"rooms", "bedroom:主卧;bedroom:次卧;living:客厅"}};
}

const std::vector<std::string> kColumns = {
    "building", "partition", "code",           "address", "area_m2",   "floor", "orientation",
    "billing",  "agreed_temp", "heating_status", "phone", "id_number", "rooms"};

std::string Line(const std::map<std::string, std::string>& cells,
                 const std::vector<std::string>& columns = kColumns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    std::string v = cells.count(columns[i]) ? cells.at(columns[i]) : "";
    if (v.find(',') != std::string::npos) v = "\"" + v + "\"";
    out += (i == 0 ? "" : ",") + v;
  }
  return out;
}

TEST(HouseholdImportCsv, AValidRowIsTyped) {
  auto file = ReadHouseholdImport(kHeader + "\n" + Line(GoodCells()) + "\n");
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_TRUE(file->problems.empty());
  ASSERT_EQ(file->rows.size(), 1u);
  const auto& row = file->rows[0];
  EXPECT_TRUE(row.valid);
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.building, "B-01");
  EXPECT_EQ(row.partition, "U1");
  EXPECT_EQ(std::get<int64_t>(row.fields.at("area_m2")), 8555);   // ×100, exact
  EXPECT_EQ(std::get<int64_t>(row.fields.at("agreed_temp")), 180);  // ×10
  EXPECT_EQ(std::get<int64_t>(row.fields.at("floor")), 1);
  EXPECT_EQ(std::get<std::string>(row.fields.at("orientation")), "sun");
  EXPECT_FALSE(row.fields.count("floor_tier")) << "no floor_tier column: not touched";
  ASSERT_EQ(row.rooms.size(), 3u);
  EXPECT_EQ(std::get<std::string>(row.rooms[1].at("name")), "次卧");
  EXPECT_EQ(std::get<std::string>(row.rooms[2].at("kind")), "living");

  auto basement = GoodCells();
  basement["floor"] = "-1";
  auto below = ReadHouseholdImport(kHeader + "\n" + Line(basement) + "\n");
  ASSERT_TRUE(below.ok() && below->problems.empty());
  EXPECT_EQ(std::get<int64_t>(below->rows[0].fields.at("floor")), -1);
}

TEST(HouseholdImportCsv, EmptyOptionalCellsAreNull) {
  auto cells = GoodCells();
  for (const char* c : {"address", "agreed_temp", "phone", "id_number"}) cells[c] = "";
  auto file = ReadHouseholdImport(kHeader + ",floor_tier\n" + Line(cells) + ",\n");
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file->problems.empty()) << file->problems[0].text;
  for (const char* c : {"address", "agreed_temp", "phone", "id_number", "floor_tier"}) {
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(file->rows[0].fields.at(c))) << c;
  }
}

// Each kind of problem in one cell: its column, and what the message says.
TEST(HouseholdImportCsv, EachProblemAtItsLineAndColumn) {
  struct Case {
    const char* column;
    const char* value;
    int at_column;
    const char* says;
  };
  const Case cases[] = {
      {"building", "", 1, "line 2, column 1 (building): is required; the cell is empty"},
      {"partition", "", 2, "column 2 (partition): is required"},
      {"code", "", 3, "column 3 (code): is required; the cell is empty"},
      {"area_m2", "85.555", 5, "column 5 (area_m2): 85.555 has more than 2 decimal places"},
      {"area_m2", "eighty", 5, "column 5 (area_m2): "},
      {"area_m2", "0", 5, "column 5 (area_m2): 0 is out of range"},
      {"area_m2", "-3", 5, "out of range"},
      {"floor", "3.5", 6, "column 6 (floor): expected an integer, got '3.5'"},
      {"floor", "121", 6, "column 6 (floor): 121 is out of range"},
      {"floor", "1-2", 6, "column 6 (floor): expected an integer, got '1-2'"},
      {"floor", "-", 6, "column 6 (floor): expected an integer, got '-'"},
      {"floor", "+3", 6, "expected an integer, got '+3'"},
      {"floor", "1234567890123456789", 6, "expected an integer"},
      {"floor", "", 6, "column 6 (floor): is required"},
      {"orientation", "north", 7, "column 7 (orientation): 'north' is not one of shade, sun"},
      {"billing", "", 8, "column 8 (billing): is required; the cell is empty"},
      {"billing", "flat", 8, "'flat' is not one of area, meter"},
      {"agreed_temp", "18.25", 9, "column 9 (agreed_temp): 18.25 has more than 1 decimal places"},
      {"agreed_temp", "40", 9, "40 is out of range"},
      {"heating_status", "on", 10, "column 10 (heating_status): 'on' is not one of heated"},
      {"rooms", "", 13, "column 13 (rooms): at least one room is required"},
      {"rooms", "bedroom主卧", 13, "room 1 'bedroom主卧' is not kind:name"},
      {"rooms", "bedroom:主卧;kitchen:厨房", 13,
       "room 2 'kitchen:厨房': kind 'kitchen' is not one of bedroom, living, other"},
      {"rooms", "bedroom:主卧;bedroom:", 13, "room 2 'bedroom:': name is required"},
      {"rooms", "bedroom:主卧;living:客厅;bedroom:主卧", 13,
       "room 3: the name '主卧' is also room 1"},
      {"rooms", "bedroom:主卧;", 13, "room 2 '' is not kind:name"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.column) + "=" + c.value);
    auto cells = GoodCells();
    cells[c.column] = c.value;
    auto file = ReadHouseholdImport(kHeader + "\n" + Line(cells) + "\n");
    ASSERT_TRUE(file.ok()) << file.error().message;
    ASSERT_EQ(file->problems.size(), 1u);
    const CsvProblem& p = file->problems[0];
    EXPECT_EQ(p.line, 2);
    EXPECT_EQ(p.column, c.at_column);
    EXPECT_NE(p.text.find(c.says), std::string::npos) << p.text;
    EXPECT_EQ(p.text.rfind("line 2, column " + std::to_string(c.at_column) + " (", 0), 0u)
        << p.text;
    ASSERT_EQ(file->rows.size(), 1u);
    EXPECT_FALSE(file->rows[0].valid);
  }
}

TEST(HouseholdImportCsv, FloorTierIsOptionalAndChecked) {
  auto second = GoodCells();
  second["code"] = "H-0102";
  auto file = ReadHouseholdImport(kHeader + ",floor_tier\n" + Line(GoodCells()) + ",top\n" +
                                  Line(second) + ",upper\n");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->problems.size(), 1u);
  EXPECT_EQ(file->problems[0].column, 14);
  EXPECT_NE(file->problems[0].text.find("'top' is not one of upper, middle, lower"),
            std::string::npos);
  EXPECT_EQ(std::get<std::string>(file->rows[1].fields.at("floor_tier")), "upper");
}

TEST(HouseholdImportCsv, EveryProblemOfEveryRowIsReportedInOrder) {
  auto a = GoodCells();
  a["area_m2"] = "1.234";
  a["orientation"] = "east";
  auto b = GoodCells();
  b["code"] = "H-0102";
  auto dup = GoodCells();  // line 5: the code of line 2 again
  auto last = GoodCells();
  last["code"] = "H-0999";
  last["rooms"] = "study:书房";
  std::string text = kHeader + "\n" + Line(a) + "\n" + Line(b) + "\n" +
                     "B-01,U1,H-0103,too,few\n" + Line(dup) + "\n" + Line(last) + "\n";
  auto file = ReadHouseholdImport(text);
  ASSERT_TRUE(file.ok()) << file.error().message;
  struct Where {
    int line, column;
  };
  const std::vector<Where> expected = {{2, 5}, {2, 7}, {4, 6}, {5, 3}, {6, 13}};
  ASSERT_EQ(file->problems.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(file->problems[i].text);
    EXPECT_EQ(file->problems[i].line, expected[i].line);
    EXPECT_EQ(file->problems[i].column, expected[i].column);
  }
  EXPECT_NE(file->problems[2].text.find("expected 13 fields, found 5"), std::string::npos);
  EXPECT_NE(file->problems[3].text.find("the household 'H-0101' is also on line 2"),
            std::string::npos);
  // The short row is left out; the others are there, the valid one marked so.
  ASSERT_EQ(file->rows.size(), 4u);
  EXPECT_FALSE(file->rows[0].valid);
  EXPECT_TRUE(file->rows[1].valid);
  EXPECT_FALSE(file->rows[2].valid);
  EXPECT_EQ(file->rows[2].line, 5);

  Error e = ImportProblemsError(file->problems);
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.field, "line 2");
  EXPECT_EQ(e.message.rfind("the file has 5 problems; nothing was imported:\nline 2, column 5 "
                            "(area_m2): 1.234 has more than 2 decimal places\nline 2, column 7",
                            0),
            0u)
      << e.message;
}

TEST(HouseholdImportCsv, ManyProblemsAreListedUpToACap) {
  std::string text = kHeader + "\n";
  for (int i = 0; i < 70; ++i) {
    auto cells = GoodCells();
    cells["code"] = "H-" + std::to_string(i);
    cells["floor"] = "x";
    text += Line(cells) + "\n";
  }
  auto file = ReadHouseholdImport(text);
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->problems.size(), 70u);
  Error e = ImportProblemsError(file->problems);
  EXPECT_NE(e.message.find("the file has 70 problems"), std::string::npos);
  EXPECT_NE(e.message.find("line 51, column 6 (floor)"), std::string::npos);
  EXPECT_EQ(e.message.find("line 52, column 6"), std::string::npos);
  EXPECT_NE(e.message.find("\n… and 20 more"), std::string::npos);
  EXPECT_EQ(std::count(e.message.begin(), e.message.end(), '\n'),
            static_cast<long>(kMaxListedProblems) + 1);
}

TEST(HouseholdImportCsv, AFileThatIsNoTableIsOneError) {
  struct Case {
    std::string text;
    const char* says;
  };
  const Case cases[] = {
      {"", "line 1, column 1: the file is empty"},
      {"building,partition,code\n", "missing column"},
      {kHeader + ",colour\n", "line 1, column 14 (colour): unknown column"},
      {kHeader + ",rooms\n", "the column appears twice"},
      {kHeader + "\n" + "\"B-01,U1\n", "a quoted field is not closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto file = ReadHouseholdImport(c.text);
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(file.error().message.find(c.says), std::string::npos) << file.error().message;
  }
}

TEST(HouseholdImportCsv, ColumnsInAnyOrderAndQuotedCells) {
  std::vector<std::string> columns(kColumns.rbegin(), kColumns.rend());
  std::string header;
  for (const auto& c : columns) header += (header.empty() ? "" : ",") + c;
  auto cells = GoodCells();
  cells["address"] = "威海市, 环翠区";
  auto file = ReadHouseholdImport("\xEF\xBB\xBF" + header + "\r\n" + Line(cells, columns) + "\r\n");
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file->problems.empty()) << file->problems[0].text;
  EXPECT_EQ(std::get<std::string>(file->rows[0].fields.at("address")), "威海市, 环翠区");
  EXPECT_EQ(file->columns.at("rooms"), 1);
}

}  // namespace
}  // namespace hearth::adapters::csv
