// The input files that services read, as ports: a service is given the decoder and calls it at
// the point of its checks where the file comes (so the order of errors is the service's), but
// never sees the format. adapters/csv implements each one.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/household_import.hpp"
#include "rules/policy.hpp"
#include "rules/refund.hpp"
#include "rules/sampling.hpp"
#include "rules/season.hpp"
#include "rules/temperature.hpp"

namespace hearth::ports {

/// A sensor's readings (adapters/csv/readings_csv.hpp). Errors name the line and column.
using ReadingsDecoder =
    std::function<Result<std::vector<rules::SensorReading>>(std::string_view text)>;

/// A household-season's days, read under `policy` for `season` (adapters/csv/refund_days_csv.hpp).
using RefundDaysDecoder = std::function<Result<std::vector<rules::RefundDay>>(
    std::string_view text, const rules::Policy& policy, const rules::SeasonDates& season)>;

/// The households a sampling plan draws from (adapters/csv/households_csv.hpp).
using SampleHouseholdsDecoder =
    std::function<Result<std::vector<rules::SampleHousehold>>(std::string_view text)>;

/// The household import file, with every problem located (adapters/csv/household_import_csv.hpp).
using HouseholdImportDecoder = std::function<Result<HouseholdImportFile>(std::string_view text)>;

/// A policy profile from a file named by the user (`--policy FILE` on the command line only;
/// adapters/policy/policy_loader.hpp). Errors name every problem with its line and key.
using PolicyFileLoader = std::function<Result<rules::Policy>(const std::string& path)>;

}  // namespace hearth::ports
