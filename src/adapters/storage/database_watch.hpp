// Notices that the SQLite database file under a running Hearth was deleted, replaced or made
// unwritable (issue 12, finding 6). SQLite keeps writing to a deleted file through its open
// descriptor, so without this a server answers 201 for changes that are gone at the next start.
//
// Contract: the watch remembers the file's identity (device and inode) when it is made; Check()
// compares the path's file now with it. The HTTP layer asks before every request and again before
// acknowledging a change; MQTT ingest before its PUBACK. For PostgreSQL, Check() is always ok: the
// server reports its own failures on the statements themselves. Thread-safe (stat and access only).
#pragma once

#include <sys/types.h>

#include <string>

#include "core/result.hpp"

namespace hearth::adapters::storage {

class DatabaseWatch {
 public:
  /// `url`: the database as given to Connect (a SQLite path, or a postgresql:// URL).
  explicit DatabaseWatch(std::string url);

  /// ok; or unavailable, with a message for clients and operators ("the database file was
  /// deleted …") and the path in the detail (for the log).
  Status Check() const;

 private:
  std::string path_;  // empty: nothing to watch (PostgreSQL, or no file when made)
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace hearth::adapters::storage
