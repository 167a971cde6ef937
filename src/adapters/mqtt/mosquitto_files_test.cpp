// The broker's account files (issue 12): one password line per account, service accounts that
// read every reading, devices that write only their own topic; written with safe modes.
#include "adapters/mqtt/mosquitto_files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace hearth::adapters::mqtt {
namespace {

std::vector<ports::DeviceCredential> Accounts() {
  return {{"S-1", "device", 11, "$7$1000$a$b", "cli:x", "t"},
          {"hearth", "service", std::nullopt, "$7$1000$c$d", "cli:x", "t"},
          {"S-2", "device", 12, "$7$1000$e$f", "cli:x", "t"}};
}

TEST(MosquittoFiles, PasswordFileHasOneLinePerAccount) {
  EXPECT_EQ(MosquittoPasswordFile(Accounts()),
            "S-1:$7$1000$a$b\nhearth:$7$1000$c$d\nS-2:$7$1000$e$f\n");
}

TEST(MosquittoFiles, AclLetsServicesReadAndDevicesWriteTheirOwnTopic) {
  const std::string acl = MosquittoAclFile(Accounts());
  EXPECT_NE(acl.find("user hearth\ntopic read hearth/v1/readings/#\n"
                     "topic readwrite hearth/v1/probe/#\n"),
            std::string::npos)
      << acl;
  EXPECT_NE(acl.find("\npattern write hearth/v1/readings/%u\n"), std::string::npos) << acl;
  EXPECT_EQ(acl.find("user S-1"), std::string::npos) << acl;  // devices: the pattern only
  EXPECT_EQ(acl.find("topic write"), std::string::npos) << acl;
}

TEST(MosquittoFiles, WritesBothFilesThePasswordsPrivately) {
  char tmpl[] = "/tmp/hearth-mosq-files-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = std::string(tmpl) + "/auth";
  ASSERT_TRUE(WriteMosquittoFiles(dir, Accounts()).ok());
  ASSERT_TRUE(WriteMosquittoFiles(dir, Accounts()).ok());  // again: replaced
  struct stat st {};
  ASSERT_EQ(stat((dir + "/password_file").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((dir + "/acl_file").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  std::stringstream pw;
  pw << std::ifstream(dir + "/password_file").rdbuf();
  EXPECT_EQ(pw.str(), MosquittoPasswordFile(Accounts()));
  EXPECT_FALSE(std::filesystem::exists(dir + "/password_file.tmp"));
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace hearth::adapters::mqtt
