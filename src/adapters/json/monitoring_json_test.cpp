// The stored rooms of a household-day (household_days.rooms_json): read back as written; stored
// text that is not such a list is an internal error whose detail (for the log) says what is wrong.
#include "adapters/json/monitoring_json.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::json {
namespace {

TEST(RoomSummariesText, ReadsBackWhatItWrites) {
  const std::vector<ports::RoomSummary> rooms = {
      {"主卧", rules::RoomKind::kBedroom, 24, true, rules::Tenths{183}},
      {"客厅", rules::RoomKind::kLiving, 17, true, rules::Tenths{-5}},
      {"厨房", rules::RoomKind::kOther, 3, false, std::nullopt},
  };
  const std::string text = RoomSummariesToText(rooms);
  auto back = RoomSummariesFromText(text);
  ASSERT_TRUE(back.ok()) << back.error().detail;
  EXPECT_EQ(*back, rooms) << text;
  auto none = RoomSummariesFromText("[]");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(RoomSummariesText, TakesKeysInAnyOrderAnIntegerValueAndIgnoresOthers) {
  auto r = RoomSummariesFromText(
      R"([{"value":18,"counted":true,"valid_hours":20,"kind":"bedroom","room":"\u6b21\u5367",)"
      R"("sensor":"x"}])");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].room, "次卧");
  EXPECT_EQ((*r)[0].value, rules::Tenths{180});
  EXPECT_EQ((*r)[0].valid_hours, 20);
}

TEST(RoomSummariesText, MalformedTextNamesWhatIsWrong) {
  const std::string ok_room = R"("room":"a","kind":"bedroom","valid_hours":1,"counted":true)";
  const struct {
    std::string text, message;
  } cases[] = {
      {"", "not a JSON array"},
      {"{}", "not a JSON array"},
      {"[] []", "not a JSON array"},
      {"[1]", "malformed: not an object"},
      {"[{" + ok_room + "}]", "malformed: value"},
      {R"([{"kind":"bedroom","valid_hours":1,"counted":true,"value":null}])", "malformed: room"},
      {R"([{"room":1,"kind":"bedroom","valid_hours":1,"counted":true,"value":null}])",
       "malformed: room"},
      {R"([{"room":"a","kind":"attic","valid_hours":1,"counted":true,"value":null}])",
       "malformed: kind"},
      {R"([{"room":"a","kind":"bedroom","valid_hours":1.5,"counted":true,"value":null}])",
       "malformed: valid_hours"},
      {R"([{"room":"a","kind":"bedroom","valid_hours":25,"counted":true,"value":null}])",
       "malformed: valid_hours"},
      {R"([{"room":"a","kind":"bedroom","valid_hours":-1,"counted":true,"value":null}])",
       "malformed: valid_hours"},
      {R"([{"room":"a","kind":"bedroom","valid_hours":1,"counted":"yes","value":null}])",
       "malformed: counted"},
      {"[{" + ok_room + R"(,"value":"18.3"}])", "malformed: value"},
  };
  auto expect_refused = [](const Error& e, const std::string& text, const std::string& message) {
    EXPECT_EQ(e.code, ErrorCode::kInternal) << text;
    EXPECT_EQ(e.message, "internal error") << text;  // the detail goes to the log
    EXPECT_NE(e.detail.find(message), std::string::npos) << text << ": " << e.detail;
  };
  for (const auto& c : cases) {
    auto r = RoomSummariesFromText(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    expect_refused(r.error(), c.text, c.message);
    // The ledger's evidence reads the same rooms one at a time, and holds them to the same rules.
    const auto parsed = nlohmann::json::parse(c.text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array() || parsed.size() != 1) continue;
    auto one = RoomSummaryFromJson(parsed[0]);
    ASSERT_FALSE(one.ok()) << c.text;
    expect_refused(one.error(), c.text, c.message);
  }
}

}  // namespace
}  // namespace hearth::adapters::json
