// The households file of `hearth import households` and POST /api/v1/import/households:
//
//   building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,heating_status,phone,id_number,rooms[,floor_tier]
//   B-01,U1,H-0101,1-101,85.55,1,sun,area,18.0,heated,13812345678,370602199001011234,bedroom:主卧;bedroom:次卧;living:客厅
//
// Columns may come in any order; floor_tier may be left out of the header (an import then
// leaves the households' floor tiers as they are). Every household column is read as the field
// of the same name of the households descriptor (model/resources.cpp), through the same reader
// as the API's filters (adapters::json::FilterValue): enums, decimals with their places, ranges. An
// empty cell is null for an optional field and a problem for a required one.
//   building   code of a building of the company (checked against the database by the service)
//   partition  code of a partition (unit) of that building (likewise)
//   code       the household number; unique in the file
//   rooms      kind:name;kind:name… (e.g. bedroom:主卧;bedroom:次卧;living:客厅): at least one,
//              kinds and names read as the rooms descriptor's fields, names unique per household
//
// Reading goes on after a problem, so that one run lists every problem of the file, each as
// "line L, column C (NAME): MESSAGE". Pure: no database.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "ports/household_import.hpp"

namespace hearth::adapters::csv {

// The decoded file's types are the port's (ports/household_import.hpp).
using ports::CsvProblem;
using ports::HouseholdImportFile;
using ports::HouseholdImportRow;
using ports::ImportProblemsError;
using ports::kMaxListedProblems;

/// The household columns besides building, partition and rooms; floor_tier is optional.
const std::vector<std::string>& HouseholdImportFieldColumns();

/// Reads the file. Errors (invalid_argument, located as above): only a file that cannot be read
/// as a table at all (a quote left open, an unknown, missing or repeated column); every other
/// problem goes to `problems`.
Result<HouseholdImportFile> ReadHouseholdImport(std::string_view text);

}  // namespace hearth::adapters::csv
