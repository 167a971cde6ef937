// Where the binary finds its data, and how errors leave the process.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"
#include "ports/record_store.hpp"

namespace hearth::app::cli {

/// The policy directory: $HEARTH_POLICY_DIR, else `policies/` of the source tree the binary was
/// built from (build/bin/hearth -> ../../policies), else ./policies.
std::filesystem::path DefaultPolicyDir();

/// The built web console: $HEARTH_WEB_DIR, else web/ beside the binary's bin/ (the build tree:
/// build/bin/hearth -> build/web), else share/hearth/web of an installed tree; "" when none has
/// an index.html (the API is served alone).
std::string DefaultWebDir();

/// The database: $HEARTH_DB, else var/hearth.db in the working directory.
std::string DefaultDbPath();

/// For a command that needs a database: when `--db` was not `given`, says on stderr which one it
/// uses ("hearth: using the database var/hearth.db (the default; give --db to choose)", or
/// "(from $HEARTH_DB)"), so that nobody writes into a file they did not mean.
void NoteDefaultDb(bool given, const std::string& db);

/// The audit log's actor for the command line: "cli:" and the operating-system user.
std::string CliActor();

/// The id of the company coded `code` (a --company flag); invalid_argument naming "company"
/// when none is.
Result<int64_t> CompanyByCode(ports::RecordStore& records, const std::string& code);

/// The one table from error codes to exit statuses: 2 for bad input (invalid_argument,
/// not_found), 1 for everything else.
int ExitCode(const Error& error);

/// Prints "hearth: error: MESSAGE" to stderr (a multi-line message keeps its lines) and returns
/// ExitCode(error).
int Fail(const Error& error);

}  // namespace hearth::app::cli
