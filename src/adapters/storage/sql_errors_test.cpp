// Issue 18, item 2: a 503 says what is wrong. Each SQLite failure the operator must act on maps
// to unavailable with a message naming it (a full disk above all), and constraint failures to
// the codes of the Connection contract.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "adapters/storage/sql_sqlite.hpp"

namespace hearth::adapters::storage {
namespace {

TEST(SqliteError, NamesTheCauseOfEveryUnavailableAnswer) {
  struct Case {
    int rc;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {SQLITE_FULL, ErrorCode::kUnavailable,
       "the disk is full; nothing can be changed until space is freed"},
      {SQLITE_IOERR_WRITE, ErrorCode::kUnavailable,
       "the database file cannot be read or written (an I/O error)"},
      {SQLITE_READONLY, ErrorCode::kUnavailable,
       "the database is not writable; nothing can be changed"},
      {SQLITE_CORRUPT, ErrorCode::kUnavailable, "the database file is damaged or not a database"},
      {SQLITE_NOTADB, ErrorCode::kUnavailable, "the database file is damaged or not a database"},
      {SQLITE_BUSY, ErrorCode::kUnavailable, "the database is busy; try again"},
      {SQLITE_CANTOPEN, ErrorCode::kUnavailable, "the database cannot be opened"},
      {SQLITE_CONSTRAINT_UNIQUE, ErrorCode::kAlreadyExists,
       "the change conflicts with existing records"},
      {SQLITE_CONSTRAINT_FOREIGNKEY, ErrorCode::kFailedPrecondition,
       "the change breaks a reference between records"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(sqlite3_errstr(c.rc));
    Error e = SqliteError(nullptr, c.rc, "INSERT INTO readings …");
    EXPECT_EQ(e.code, c.code);
    EXPECT_EQ(e.message, c.message);
    // The statement goes to the log's detail, never to the client's message.
    EXPECT_NE(e.detail.find("INSERT INTO readings"), std::string::npos);
  }
  EXPECT_EQ(SqliteError(nullptr, SQLITE_MISUSE, "x").code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace hearth::adapters::storage
