// Test-only helpers to run the `hearth` binary as a user would: a process with its own stdout
// and stderr, or a server in the background.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/test_client.hpp"

namespace hearth::support {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadAll(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

inline pid_t Spawn(const std::vector<std::string>& args, int out_fd, int err_fd) {
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

/// Runs `hearth ARGS...` to completion. Output goes through temp files so nothing can block.
inline RunResult RunHearth(const std::vector<std::string>& args) {
  std::vector<std::string> full{HEARTH_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  char out_path[] = "/tmp/hearth-out-XXXXXX";
  char err_path[] = "/tmp/hearth-err-XXXXXX";
  int out_fd = mkstemp(out_path);
  int err_fd = mkstemp(err_path);
  pid_t pid = Spawn(full, out_fd, err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  lseek(out_fd, 0, SEEK_SET);
  lseek(err_fd, 0, SEEK_SET);
  r.out = ReadAll(out_fd);
  r.err = ReadAll(err_fd);
  close(out_fd);
  close(err_fd);
  unlink(out_path);
  unlink(err_path);
  return r;
}

/// A free loopback port (bound, then released).
inline uint16_t FreePort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

/// A fresh directory under /tmp, removed with the object.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/hearth-test-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// `hearth serve` in the background; stopped (SIGTERM, then SIGKILL) on destruction.
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args) {
    std::vector<std::string> full{HEARTH_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    int devnull = open("/dev/null", O_WRONLY);
    pid_ = Spawn(full, devnull, devnull);
    close(devnull);
  }
  ~ServerProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) return;
      usleep(50'000);
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_;
};

/// A process whose standard output and error go to the file `log`: stopped with `signal` by Stop
/// (SIGKILL when it has not ended 10 s later), and with SIGTERM on destruction. Log() reads the
/// file, so that a test can wait for a line.
class LoggedProcess {
 public:
  LoggedProcess(const std::vector<std::string>& args, std::string log) : log_(std::move(log)) {
    int out = open(log_.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    pid_ = Spawn(args, out, out);
    close(out);
  }
  ~LoggedProcess() { Stop(SIGTERM); }
  LoggedProcess(const LoggedProcess&) = delete;
  LoggedProcess& operator=(const LoggedProcess&) = delete;

  void Stop(int signal = SIGTERM) {
    if (pid_ <= 0) return;
    kill(pid_, signal);
    int status = 0;
    for (int i = 0; i < 200 && waitpid(pid_, &status, WNOHANG) != pid_; ++i) usleep(50'000);
    if (kill(pid_, 0) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }
  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
};

/// The password of the users the API tests add (AddUser).
inline constexpr const char* kTestPassword = "s3cret-pass-24";

/// `hearth user add` on `db` with kTestPassword; `company` (a code) and `household` (an id) are
/// passed when not empty.
inline RunResult AddUser(const std::string& db, const std::string& username,
                         const std::string& role, const std::string& company = "",
                         const std::string& household = "") {
  std::vector<std::string> args{"user",     "add",         "--db",   db,  "--username",
                                username,   "--password",  kTestPassword, "--role", role};
  if (!company.empty()) args.insert(args.end(), {"--company", company});
  if (!household.empty()) args.insert(args.end(), {"--household", household});
  return RunHearth(args);
}

/// The arguments of `hearth serve` on `db` at 127.0.0.1:`port` with the project's policies,
/// creating a missing SQLite file (--init).
inline std::vector<std::string> ServeArgs(const std::string& db, uint16_t port) {
  return {"serve", "--init", "--db", db, "--listen", "127.0.0.1:" + std::to_string(port),
          "--policies", std::string(HEARTH_SOURCE_DIR) + "/policies"};
}

/// Polls GET /healthz on 127.0.0.1:`port` every 50 ms for up to 10 s; true once it answers.
inline bool WaitForHealthz(uint16_t port) {
  for (int i = 0; i < 200; ++i) {
    try {
      support::Fetch(port, "GET", "/healthz");
      return true;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return false;
}

}  // namespace hearth::support
