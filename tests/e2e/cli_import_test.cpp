// ctest-labels: e2e
// `hearth import households` end to end: counts on stdout, every problem of a bad file on stderr
// with exit status 2 and nothing written.
#include <gtest/gtest.h>

#include <fstream>
#include <tuple>

#include "adapters/storage/migrations.hpp"
#include "adapters/storage/record_store_sql.hpp"
#include "support/test_process.hpp"

namespace hearth::e2e {
namespace {

using support::RunHearth;
using support::TempDir;

const std::string kHeader =
    "building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,"
    "heating_status,phone,id_number,rooms\n";
const std::string kFile =
    kHeader +
    "B-01,U1,H-101,1单元101,85.55,1,sun,area,,heated,13812345678,,bedroom:主卧;living:客厅\n"
    "B-01,U1,H-102,1单元102,72.30,1,shade,area,20.0,heated,,,bedroom:主卧;living:客厅\n"
    "B-01,U2,H-201,2单元201,101,2,sun,meter,,stopped,,,bedroom:主卧;bedroom:次卧;living:客厅\n";

// A database with company c1: building B-01 (6 floors) with units U1 and U2.
class ImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "h.db";
    auto conn = adapters::storage::Connect(db_);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(adapters::storage::Migrate(**conn).ok());
    adapters::storage::SqlRecordStore records(std::move(*conn));
    auto make = [&](const char* resource, const ports::Fields& fields) {
      auto rec = records.Create(*model::FindResource(resource), fields, {}, "setup");
      EXPECT_TRUE(rec.ok()) << resource;
      return rec.ok() ? rec->id : 0;
    };
    int64_t d =
        make("districts", {{"code", "d"}, {"name", "D"}, {"city", "威海市"}, {"policy", "weihai"}});
    int64_t c = make("companies", {{"code", "c1"}, {"name", "C"}, {"policy", "weihai"}});
    int64_t src =
        make("heat_sources", {{"company_id", c}, {"code", "hs"}, {"name", "p"}, {"kind", "chp"}});
    int64_t sec = make("network_sections",
                       {{"company_id", c}, {"heat_source_id", src}, {"code", "n"}, {"name", "n"}});
    int64_t sub =
        make("substations",
             {{"company_id", c}, {"network_section_id", sec}, {"code", "s"}, {"name", "s"}});
    int64_t b = make("buildings", {{"company_id", c},
                                   {"district_id", d},
                                   {"substation_id", sub},
                                   {"code", "B-01"},
                                   {"community", "X"},
                                   {"floors", int64_t{6}}});
    for (const char* u : {"U1", "U2"}) {
      make("partitions", {{"company_id", c}, {"building_id", b}, {"code", std::string(u)}});
    }
  }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  support::RunResult Import(const std::string& file, const std::string& company = "c1") {
    return RunHearth({"import", "households", "--company", company, file, "--db", db_});
  }
  int64_t Count(const std::string& table) {
    auto conn = adapters::storage::Connect(db_, false);
    return (*conn)->Query("SELECT COUNT(*) FROM " + table)->Int(0, 0);
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(ImportCliTest, ImportsThenFindsNothingToChange) {
  const std::string file = Write("h.csv", kFile);
  auto first = Import(file);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "{\"created\":3,\"updated\":0,\"unchanged\":0}\n");
  EXPECT_EQ(first.err, "");
  EXPECT_EQ(Count("households"), 3);
  EXPECT_EQ(Count("rooms"), 7);
  const int64_t audit = Count("audit_log");

  auto again = Import(file);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "{\"created\":0,\"updated\":0,\"unchanged\":3}\n");
  EXPECT_EQ(Count("audit_log"), audit);

  std::string changed = kFile;
  changed.replace(changed.find("85.55"), 5, "86.00");
  auto update = Import(Write("changed.csv", changed));
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(update.out, "{\"created\":0,\"updated\":1,\"unchanged\":2}\n");
  EXPECT_EQ(Count("audit_log"), audit + 1);
}

TEST_F(ImportCliTest, FromStandardInput) {
  std::string in = dir_ / "in.csv";
  std::ofstream(in) << kFile;
  // The shell's `< FILE`, through /bin/sh.
  std::string cmd = std::string(HEARTH_BINARY) + " import households --company c1 - --db " + db_ +
                    " < " + in + " > " + (dir_ / "out.txt");
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream out(dir_ / "out.txt");
  std::string line;
  std::getline(out, line);
  EXPECT_EQ(line, "{\"created\":3,\"updated\":0,\"unchanged\":0}");
}

TEST_F(ImportCliTest, ABadFileListsEveryProblemAndWritesNothing) {
  const std::string bad = kFile +
                          "B-01,U3,H-301,,70,1,sun,area,,heated,,,bedroom:主卧\n"
                          "B-01,U1,H-302,,70.123,9,west,area,,heated,,,bedroom\n";
  auto r = Import(Write("bad.csv", bad));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "hearth: error: the file has 5 problems; nothing was imported:\n"
            "line 5, column 2 (partition): no partition 'U3' in building 'B-01'\n"
            "line 6, column 5 (area_m2): 70.123 has more than 2 decimal places\n"
            "line 6, column 6 (floor): floor 9 is above the 6 floors of building 'B-01'\n"
            "line 6, column 7 (orientation): 'west' is not one of shade, sun\n"
            "line 6, column 13 (rooms): room 1 'bedroom' is not kind:name (kind:name;kind:name, "
            "e.g. bedroom:主卧;living:客厅)\n");
  EXPECT_EQ(Count("households"), 0);
  EXPECT_EQ(Count("audit_log"), 8) << "only the fixture's";
}

TEST_F(ImportCliTest, Refusals) {
  const std::string file = Write("h.csv", kFile);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    std::string err;  // a part of stderr
  };
  const Case cases[] = {
      {"unknown company",
       {"import", "households", "--company", "zz", file, "--db", db_},
       "hearth: error: no company with code 'zz' (--company)\n"},
      {"no database",
       {"import", "households", "--company", "c1", file, "--db", dir_ / "none.db"},
       "no database at"},
      {"no file",
       {"import", "households", "--company", "c1", dir_ / "none.csv", "--db", db_},
       "cannot read"},
      {"no company flag", {"import", "households", file, "--db", db_}, "--company"},
      {"no kind", {"import"}, "hearth: error:"},
      {"not a table",
       {"import", "households", "--company", "c1", Write("x.csv", "a,b\n1,2\n"), "--db", db_},
       "line 1, column 1 (a): unknown column"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = RunHearth(c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(c.err), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir_ / "none.db")) << "an import created a database";
  EXPECT_EQ(Count("households"), 0);
}

}  // namespace
}  // namespace hearth::e2e
