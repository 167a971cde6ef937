#include "adapters/csv/sensor_readings_csv.hpp"

#include "adapters/csv/csv_reader.hpp"

namespace hearth::adapters::csv {

Result<std::vector<ports::IncomingReading>> DecodeSensorReadingsCsv(std::string_view body) {
  auto table = CsvTable::Parse(body, {"sensor", "ts", "value"});
  if (!table.ok()) return table.error();
  const size_t sensor = static_cast<size_t>(table->ColumnOf("sensor") - 1);
  const size_t ts = static_cast<size_t>(table->ColumnOf("ts") - 1);
  const size_t value = static_cast<size_t>(table->ColumnOf("value") - 1);
  std::vector<ports::IncomingReading> out;
  out.reserve(table->rows().size());
  for (const CsvRow& row : table->rows()) {
    out.push_back({row.fields[sensor], row.fields[ts], row.fields[value]});
  }
  return out;
}

}  // namespace hearth::adapters::csv
