#include "app/cli/environment.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "model/resources.hpp"

namespace hearth::app::cli {
namespace {

std::filesystem::path ExecutableDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}

}  // namespace

std::filesystem::path DefaultPolicyDir() {
  if (const char* env = std::getenv("HEARTH_POLICY_DIR"); env && *env) return env;
  std::error_code ec;
  for (auto candidate : {ExecutableDir() / ".." / ".." / "policies",
                         ExecutableDir() / ".." / ".." / ".." / "policies",
                         ExecutableDir() / ".." / "share" / "hearth" / "policies"}) {
    if (std::filesystem::is_directory(candidate, ec)) return candidate.lexically_normal();
  }
  return "policies";
}

std::string DefaultWebDir() {
  if (const char* env = std::getenv("HEARTH_WEB_DIR"); env) return env;
  std::error_code ec;
  for (auto candidate :
       {ExecutableDir() / ".." / "web", ExecutableDir() / ".." / "share" / "hearth" / "web"}) {
    if (std::filesystem::is_regular_file(candidate / "index.html", ec)) {
      return candidate.lexically_normal().string();
    }
  }
  return "";
}

std::string DefaultDbPath() {
  if (const char* env = std::getenv("HEARTH_DB"); env && *env) return env;
  return "var/hearth.db";
}

void NoteDefaultDb(bool given, const std::string& db) {
  if (given) return;
  const char* env = std::getenv("HEARTH_DB");
  std::cerr << "hearth: using the database " << db
            << (env && *env ? " (from $HEARTH_DB)" : " (the default; give --db to choose)") << "\n";
}

int ExitCode(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
      return 2;
    default:
      return 1;
  }
}

int Fail(const Error& error) {
  std::cerr << "hearth: error: " << error.message;
  if (error.code == ErrorCode::kInternal && !error.detail.empty())
    std::cerr << " (" << error.detail << ")";
  std::cerr << "\n";
  return ExitCode(error);
}

std::string CliActor() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : std::to_string(getuid()));
}

Result<int64_t> CompanyByCode(ports::RecordStore& records, const std::string& code) {
  ports::ListQuery q;
  q.equals = {{"code", code}};
  auto companies = records.List(*model::FindResource("companies"), q);
  if (!companies.ok()) return companies.error();
  if (companies->items.empty()) {
    return Error::InvalidArgument("no company with the code '" + code + "' (--company)", "company");
  }
  return companies->items.front().id;
}

}  // namespace hearth::app::cli
