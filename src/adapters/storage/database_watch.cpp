#include "adapters/storage/database_watch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "adapters/storage/sql.hpp"

namespace hearth::adapters::storage {

DatabaseWatch::DatabaseWatch(std::string url) {
  if (IsPostgresUrl(url)) return;
  struct stat st {};
  if (stat(url.c_str(), &st) != 0) return;
  path_ = std::move(url);
  device_ = st.st_dev;
  inode_ = st.st_ino;
}

Status DatabaseWatch::Check() const {
  if (path_.empty()) return OkStatus();
  constexpr const char* kAfter = "; nothing is stored until it is restored and hearth restarted";
  struct stat st {};
  if (stat(path_.c_str(), &st) != 0) {
    const int err = errno;
    return Error::Unavailable(
        std::string(err == ENOENT ? "the database file was deleted" : "the database file cannot "
                                                                      "be read") +
            kAfter,
        path_ + ": " + std::strerror(err));
  }
  if (st.st_dev != device_ || st.st_ino != inode_) {
    return Error::Unavailable(std::string("the database file was replaced by another") + kAfter,
                              path_ + ": another file (inode " + std::to_string(st.st_ino) +
                                  ") is at the path");
  }
  if (access(path_.c_str(), R_OK | W_OK) != 0) {
    const int err = errno;
    return Error::Unavailable("the database file is not writable; nothing is stored until it is "
                              "writable again",
                              path_ + ": " + std::strerror(err));
  }
  return OkStatus();
}

}  // namespace hearth::adapters::storage
