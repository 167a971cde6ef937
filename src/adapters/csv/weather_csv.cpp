#include "adapters/csv/weather_csv.hpp"

#include "adapters/csv/csv_reader.hpp"
#include "core/decimal.hpp"

namespace hearth::adapters::csv {

Result<rules::Tenths> ParseMeanTenths(std::string_view text) {
  auto d = ParseDecimal(text);
  if (!d.ok())
    return Error::InvalidArgument("'" + std::string(text) +
                                  "' is not a number: " + d.error().message);
  if (d->scale > 1) {
    return Error::InvalidArgument("'" + std::string(text) + "' has more than one decimal");
  }
  const int64_t tenths = Rescale(*d, 1);
  if (tenths < -900 || tenths > 600) {
    return Error::InvalidArgument("'" + std::string(text) + "' is outside -90.0..60.0 °C");
  }
  return static_cast<rules::Tenths>(tenths);
}

Result<std::vector<ports::OutdoorMean>> ParseWeatherCsv(std::string_view text) {
  auto table = CsvTable::Parse(text, {"district_id", "date", "mean"});
  if (!table.ok()) return table.error();
  std::vector<ports::OutdoorMean> out;
  for (const CsvRow& row : table->rows()) {
    const std::string& id = table->Field(row, "district_id");
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos ||
        std::stoll(id) == 0) {
      return table->ErrorAt(row, "district_id", "'" + id + "' is not a district id");
    }
    auto date = ParseDate(table->Field(row, "date"));
    if (!date.ok()) return table->ErrorAt(row, "date", date.error().message);
    auto mean = ParseMeanTenths(table->Field(row, "mean"));
    if (!mean.ok()) return table->ErrorAt(row, "mean", mean.error().message);
    out.push_back({std::stoll(id), *date, *mean});
  }
  if (out.empty()) return Error::InvalidArgument("no rows", "body");
  return out;
}

}  // namespace hearth::adapters::csv
