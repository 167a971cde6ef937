// The space left on the file system that holds a file, for the readiness check (issue 18,
// item 2): a SQLite database on a full disk refuses every change, so a load balancer should send
// the traffic elsewhere before that, and an operator should hear of it.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace hearth::adapters::storage {

/// Bytes an unprivileged writer may still use on the file system of `path` (a file or a
/// directory; statvfs's f_bavail). unavailable when the file system cannot be asked.
Result<uint64_t> FreeBytes(const std::string& path);

/// ok while the file system of `path` has at least `min_free` bytes for unprivileged writers;
/// else unavailable, saying how much is left ("the disk of the database has 12 MiB free, less
/// than the 100 MiB required").
Status CheckFreeSpace(const std::string& path, uint64_t min_free);

}  // namespace hearth::adapters::storage
