#include "adapters/mqtt/mosquitto_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "adapters/mqtt/reading_payload.hpp"

namespace hearth::adapters::mqtt {
namespace {

Status WriteFile(const std::string& path, const std::string& text, mode_t mode) {
  const std::string tmp = path + ".tmp";
  auto fail = [&](const char* what) {
    return Error::Unavailable("cannot write " + path,
                              std::string(what) + ": " + std::strerror(errno));
  };
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return fail("open");
  fchmod(fd, mode);  // an older temporary file keeps its mode otherwise
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) {
    close(fd);
    return fail("fsync");
  }
  close(fd);
  if (rename(tmp.c_str(), path.c_str()) != 0) return fail("rename");
  return OkStatus();
}

}  // namespace

std::string MosquittoPasswordFile(std::span<const ports::DeviceCredential> accounts) {
  std::string out;
  for (const auto& a : accounts) out += a.username + ":" + a.password_hash + "\n";
  return out;
}

std::string MosquittoAclFile(std::span<const ports::DeviceCredential> accounts) {
  const std::string readings = std::string(kReadingsTopicPrefix) + "#";
  std::string out =
      "# Written by `hearth devices export-mosquitto`: re-run it rather than edit this file.\n"
      "# Hearth's service accounts read every sensor's readings (also through $share/...) and\n"
      "# use the start-up probe's topics (docs/broker.md).\n";
  for (const auto& a : accounts) {
    if (a.kind != "service") continue;
    out += "user " + a.username + "\n";
    out += "topic read " + readings + "\n";
    out += "topic readwrite hearth/v1/probe/#\n";
  }
  out +=
      "\n# Every device publishes only to its own topic: its user name is its sensor's code.\n"
      "pattern write " +
      std::string(kReadingsTopicPrefix) + "%u\n";
  return out;
}

Status WriteMosquittoFiles(const std::string& dir,
                           std::span<const ports::DeviceCredential> accounts) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error::Unavailable("cannot create " + dir, ec.message());
  if (auto s = WriteFile(dir + "/password_file", MosquittoPasswordFile(accounts), 0600); !s.ok()) {
    return s;
  }
  return WriteFile(dir + "/acl_file", MosquittoAclFile(accounts), 0644);
}

}  // namespace hearth::adapters::mqtt
