#include "adapters/storage/disk_space.hpp"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>

namespace hearth::adapters::storage {

Result<uint64_t> FreeBytes(const std::string& path) {
  struct statvfs fs {};
  if (statvfs(path.c_str(), &fs) != 0) {
    return Error::Unavailable("the disk of the database cannot be checked",
                              path + ": " + std::strerror(errno));
  }
  return static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
}

Status CheckFreeSpace(const std::string& path, uint64_t min_free) {
  auto free = FreeBytes(path);
  if (!free.ok()) return free.error();
  if (*free >= min_free) return OkStatus();
  constexpr uint64_t kMiB = 1024 * 1024;
  return Error::Unavailable(*free == 0 ? std::string("the disk of the database is full")
                                       : "the disk of the database has " +
                                             std::to_string(*free / kMiB) +
                                             " MiB free, less than the " +
                                             std::to_string(min_free / kMiB) + " MiB required",
                            path);
}

}  // namespace hearth::adapters::storage
