// Test-only: a throwaway PostgreSQL 15 cluster on loopback, started by the test process itself
// (initdb + pg_ctl from /usr/lib/postgresql/15/bin) and stopped when the process exits.
// As root, the server runs as the `postgres` user (it refuses root), through runuser.
#pragma once

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "adapters/storage/sql.hpp"
#include "support/test_servers.hpp"

namespace hearth::support {

class PostgresCluster {
 public:
  /// The cluster of this test run: the one the CTest fixture started (scripts/test-postgres.sh,
  /// found through $HEARTH_TEST_PG_DIR/url), else one this process starts on first use.
  /// Throws (failing the test) when PostgreSQL cannot be started: the tests never skip silently.
  static PostgresCluster& Shared() {
    RequireServerLabel("pg");
    static std::unique_ptr<PostgresCluster> cluster(new PostgresCluster());
    return *cluster;
  }

  /// A cluster of the caller's own, started now and stopped when the object goes. `durable`:
  /// fsync, synchronous_commit and full_page_writes as in production (the shared cluster turns
  /// them off for speed); the ingest benchmark measures against COPY on such a cluster.
  static std::unique_ptr<PostgresCluster> StartOwn(bool durable) {
    RequireServerLabel("pg");
    std::unique_ptr<PostgresCluster> cluster(new PostgresCluster(durable));
    return cluster;
  }

  /// A new, empty database on the cluster; returns its URL.
  std::string CreateDatabase() {
    // Unique across the processes sharing the cluster: pid, a per-process counter, and the clock
    // (a pid may be reused within one run).
    auto tick = std::chrono::steady_clock::now().time_since_epoch().count() % 100000000;
    std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(++databases_) + "_" +
                       std::to_string(tick);
    auto admin = adapters::storage::Connect(Url("postgres"));
    if (!admin.ok()) throw std::runtime_error("postgres: " + admin.error().detail);
    auto r = (*admin)->Query("CREATE DATABASE " + name);
    if (!r.ok()) throw std::runtime_error("create database: " + r.error().detail);
    return Url(name);
  }

  /// A cluster of one's own (StartOwn) only: `pg_ctl restart -m fast` (every session ended with
  /// FATAL 57P01), or a fast stop and a start, as an operator or a crash would (issue 18).
  void Restart() { Control("-m fast -w restart"); }
  void Stop() { Control("-m fast -w stop"); }
  void Start() { Control("-w -t 60 start"); }

  ~PostgresCluster() {
    if (!owned_) return;
    Run(Bin("pg_ctl") + " -D " + data_ + " -m immediate -w stop >/dev/null 2>&1");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

 private:
  PostgresCluster() {
    if (const char* shared = std::getenv("HEARTH_TEST_PG_DIR"); shared && *shared) {
      std::ifstream in(std::string(shared) + "/url");
      std::string url;
      if (in >> url) {
        base_url_ = url;
        return;
      }
    }
    Start(false);
  }
  explicit PostgresCluster(bool durable) { Start(durable); }

  void Start(bool durable) {
    owned_ = true;
    const std::string bin = "/usr/lib/postgresql/15/bin";
    if (!std::filesystem::exists(bin + "/initdb")) {
      throw std::runtime_error("PostgreSQL 15 is not installed (" + bin +
                               "); run scripts/install-deps.sh");
    }
    char tmpl[] = "/tmp/hearth-pg-XXXXXX";
    dir_ = mkdtemp(tmpl);
    data_ = dir_ + "/data";
    as_postgres_ = geteuid() == 0;
    if (as_postgres_) {
      struct passwd* pw = getpwnam("postgres");
      if (pw == nullptr) throw std::runtime_error("no postgres user to run the server as");
      if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
        throw std::runtime_error("cannot chown " + dir_);
      }
    }
    port_ = FreePort();
    if (Run(Bin("initdb") + " -D " + data_ + " -A trust -U hearth -E UTF8 --locale=C.UTF-8 " +
            "--no-sync >" + dir_ + "/initdb.log 2>&1") != 0) {
      throw std::runtime_error("initdb failed; see " + dir_ + "/initdb.log");
    }
    options_ = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " + dir_;
    if (!durable) options_ += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    Control("-w -t 60 start");
  }

  void Control(const std::string& action) {
    if (!owned_) throw std::runtime_error("only a cluster of one's own is stopped or restarted");
    if (Run(Bin("pg_ctl") + " -D " + data_ + " -o '" + options_ + "' -l " + dir_ +
            "/server.log " + action + " >/dev/null 2>&1") != 0) {
      throw std::runtime_error("pg_ctl " + action + " failed; see " + dir_ + "/server.log");
    }
  }

  std::string Url(const std::string& db) const {
    if (!base_url_.empty()) return base_url_ + "/" + db;
    return "postgresql://hearth@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  std::string Bin(const std::string& tool) const {
    std::string path = "/usr/lib/postgresql/15/bin/" + tool;
    return as_postgres_ ? "runuser -u postgres -- " + path : path;
  }
  static int Run(const std::string& cmd) { return std::system(cmd.c_str()); }
  static uint16_t FreePort() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
  }

  std::string dir_, data_, base_url_, options_;
  bool owned_ = false;
  bool as_postgres_ = false;
  uint16_t port_ = 0;
  int databases_ = 0;
};

}  // namespace hearth::support
