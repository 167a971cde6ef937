#include "adapters/csv/readings_csv.hpp"

#include <map>

#include "adapters/csv/csv_reader.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::csv {
namespace {

// Thousandths of a degree, exactly: "18.25" -> 18250; "18.2500" is fine, "18.2501" is not.
Result<rules::Milli> ParseMilli(const std::string& text) {
  auto d = ParseDecimal(text);
  if (!d.ok()) return d.error();
  constexpr int kScale = 3;
  if (d->scale > kScale) {
    int64_t drop = 1;
    for (int i = kScale; i < d->scale; ++i) drop *= 10;
    if (d->units % drop != 0) {
      return Error::InvalidArgument("'" + text +
                                    "' has more than 3 decimals; readings are kept to 0.001 °C");
    }
  }
  return Rescale(*d, kScale);
}

}  // namespace

Result<std::vector<rules::SensorReading>> ParseReadingsCsv(std::string_view text) {
  auto table = CsvTable::Parse(text, {"room", "kind", "ts", "value"});
  if (!table.ok()) return table.error();
  std::vector<rules::SensorReading> out;
  out.reserve(table->rows().size());
  struct Seen {
    rules::RoomKind kind;
    int line;
  };
  std::map<std::string, Seen, std::less<>> rooms;
  for (const CsvRow& row : table->rows()) {
    rules::SensorReading r;
    r.room = table->Field(row, "room");
    if (r.room.empty()) return table->ErrorAt(row, "room", "the room id is empty");

    const std::string& kind_text = table->Field(row, "kind");
    auto kind = rules::ParseRoomKind(kind_text);
    if (!kind) {
      return table->ErrorAt(row, "kind",
                            "'" + kind_text +
                                "' is not a room kind; expected bedroom, living or "
                                "other");
    }
    r.kind = *kind;
    auto [it, fresh] = rooms.try_emplace(r.room, Seen{r.kind, row.line});
    if (!fresh && it->second.kind != r.kind) {
      return table->ErrorAt(row, "kind",
                            "room " + r.room + " is " + rules::RoomKindName(it->second.kind) +
                                " on line " + std::to_string(it->second.line) + ", not " +
                                rules::RoomKindName(r.kind));
    }

    auto at = ParseRfc3339(table->Field(row, "ts"));
    if (!at.ok()) return table->ErrorAt(row, "ts", at.error().message);
    r.at = *at;

    auto value = ParseMilli(table->Field(row, "value"));
    if (!value.ok()) return table->ErrorAt(row, "value", value.error().message);
    r.value = *value;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace hearth::adapters::csv
