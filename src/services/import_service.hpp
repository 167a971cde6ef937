// Bulk imports of records from files, shared by `hearth import households` and
// POST /api/v1/import/households, so that both accept and reject the same files.
//
// An import is all or nothing: the whole file is checked first (every value, then the buildings
// and partitions it names), every problem is reported with its line and column, and nothing is
// written if there is any; otherwise everything is written in one transaction, each change with
// its audit entry. Households are matched by (company, code): a household of the file that does
// not exist is created with its rooms; one that exists is compared field by field and room by
// room, and only what differs is written (so importing the same file again writes nothing and
// logs nothing).
//
// Rooms: the file lists a household's rooms. A listed room that does not exist is created, one
// whose kind differs is updated, and a room of the household that the file no longer lists is
// deleted, unless a sensor is bound to it (a problem: move or remove the sensor first, through
// the API). The floor_tier column is optional: without it, an import leaves floor tiers as they
// are; with it, an empty cell clears the tier. Fields the file has no column for (contract)
// are never touched.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ports/clock.hpp"
#include "ports/file_decoders.hpp"
#include "ports/record_store.hpp"
#include "services/progress.hpp"

namespace hearth::services {

struct ImportCounts {
  int64_t created = 0;    ///< households created
  int64_t updated = 0;    ///< households whose fields or rooms changed
  int64_t unchanged = 0;  ///< households already as in the file
};

/// Thread-safe, as the store is.
class ImportService {
 public:
  /// `store` and `clock` are not owned and must outlive the service; `decode` reads the file's
  /// format. A household whose terms the file changes keeps its terms before, their last day
  /// the clock's local day (services/contract_versions.hpp, R-ACCT-1).
  ImportService(ports::RecordStore& store, const ports::Clock& clock,
                ports::HouseholdImportDecoder decode)
      : store_(store), clock_(clock), decode_(std::move(decode)) {}

  /// Imports the households file (adapters/csv/household_import_csv.hpp) into the company whose
  /// code is `company_code`, acting as `actor` (for the audit log) within `scope`.
  /// Errors, with nothing written:
  ///   invalid_argument  the file's problems, each "line L, column C (NAME): …" (see
  ///                     ports::ImportProblemsError), or a file that is not a table of the
  ///                     expected columns; field "line L" of the first;
  ///   not_found         no company with that code within `scope` (field "company");
  ///   unavailable, internal from the store.
  /// `progress` hears the households written of the file's, before each one and at the end of
  /// the transaction's work; when it answers false the import is rolled back whole and returns
  /// unavailable.
  Result<ImportCounts> ImportHouseholds(const std::string& company_code, std::string_view csv,
                                        const ports::Scope& scope, const std::string& actor,
                                        const Progress& progress = {});

 private:
  ports::RecordStore& store_;
  const ports::Clock& clock_;
  ports::HouseholdImportDecoder decode_;
};

}  // namespace hearth::services
