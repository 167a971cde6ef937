// The broker URL of --mqtt (issue 12): user names, passwords and TLS are taken; errors and logs
// never show a password.
#include "adapters/mqtt/mqtt_url.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <vector>

namespace hearth::adapters::mqtt {
namespace {

TEST(ParseMqttUrl, AcceptsPlainTlsAndCredentials) {
  struct Case {
    std::string url;
    bool tls;
    std::string host;
    uint16_t port;
    std::optional<std::string> username, password;
  };
  const std::vector<Case> cases = {
      {"mqtt://127.0.0.1:1883", false, "127.0.0.1", 1883, {}, {}},
      {"tcp://broker.local:18830", false, "broker.local", 18830, {}, {}},
      {"mqtt://localhost", false, "localhost", 1883, {}, {}},
      {"mqtt://[::1]:1884/", false, "::1", 1884, {}, {}},
      {"mqtts://broker.local", true, "broker.local", 8883, {}, {}},
      {"ssl://127.0.0.1:8884", true, "127.0.0.1", 8884, {}, {}},
      {"mqtt://hearth@h:1", false, "h", 1, "hearth", {}},
      {"mqtt://hearth:s3cret@h:1", false, "h", 1, "hearth", "s3cret"},
      {"mqtts://hearth:@h", true, "h", 8883, "hearth", ""},
      {"mqtt://u%40x:p%3Aw%40d@h:2", false, "h", 2, "u@x", "p:w@d"},  // percent-encoded
      {"mqtt://u:p@ss@h:3", false, "h", 3, "u", "p@ss"},              // the last '@' ends it
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.url);
    auto r = ParseMqttUrl(c.url);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->tls, c.tls);
    EXPECT_EQ(r->host, c.host);
    EXPECT_EQ(r->port, c.port);
    EXPECT_EQ(r->username, c.username);
    EXPECT_EQ(r->password, c.password);
  }
}

TEST(ParseMqttUrl, RefusesBadUrlsWithoutShowingThePassword) {
  const std::string expected = " (expected mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT])";
  struct Bad {
    std::string url;
    std::string message;
  };
  const std::vector<Bad> cases = {
      {"http://x:1", "--mqtt: 'http://x:1' is not an mqtt:// or mqtts:// URL"},
      {"http://u:hunter2@x:1", "--mqtt: 'http://u:****@x:1' is not an mqtt:// or mqtts:// URL"},
      {"mqtt://x:0", "--mqtt: bad port '0'"},
      {"mqtt://x:70000", "--mqtt: bad port '70000'"},
      {"mqtt://x:12a", "--mqtt: bad port '12a'"},
      {"mqtt://:1883", "--mqtt: bad host ''"},
      {"mqtts://u:hunter2@:1883", "--mqtt: bad host ''"},
      {"mqtt://@x:1883", "--mqtt: bad user name"},
      {"mqtt://u:hunter2%zz@x", "--mqtt: bad password (a broken %-escape)"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.url);
    auto r = ParseMqttUrl(c.url);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, c.message + expected);
    EXPECT_EQ(r.error().field, "mqtt");
    EXPECT_EQ(r.error().message.find("hunter2"), std::string::npos);
  }
}

TEST(MaskMqttUrl, HidesOnlyThePassword) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"mqtt://h:1", "mqtt://h:1"},
      {"mqtt://hearth@h:1", "mqtt://hearth@h:1"},
      {"mqtt://hearth:s3cret@h:1", "mqtt://hearth:****@h:1"},
      {"mqtts://u:p@ss@h", "mqtts://u:****@h"},
  };
  for (const auto& [url, masked] : cases) EXPECT_EQ(MaskMqttUrl(url), masked) << url;
}

TEST(ResolveMqttPassword, FromAFileOrTheEnvironment) {
  char path[] = "/tmp/hearth-mqtt-pw-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << "from-file\r\nsecond line\n";

  auto url = [](const char* u) { return *ParseMqttUrl(u); };
  {
    auto u = url("mqtt://hearth@h");
    ASSERT_TRUE(ResolveMqttPassword(u, path, "from-env").ok());
    EXPECT_EQ(u.password, "from-file");  // the file wins over the environment
  }
  {
    auto u = url("mqtt://hearth@h");
    ASSERT_TRUE(ResolveMqttPassword(u, "", "from-env").ok());
    EXPECT_EQ(u.password, "from-env");
  }
  {
    auto u = url("mqtt://hearth:in-url@h");
    ASSERT_TRUE(ResolveMqttPassword(u, "", "from-env").ok());
    EXPECT_EQ(u.password, "in-url");
  }
  {
    auto u = url("mqtt://h");  // anonymous: the environment is not used
    ASSERT_TRUE(ResolveMqttPassword(u, "", "from-env").ok());
    EXPECT_FALSE(u.password);
  }
  struct Bad {
    const char* url;
    std::string file;
    const char* message;
  };
  for (const Bad& c : std::vector<Bad>{
           {"mqtt://h", path, "--mqtt-password-file: the --mqtt URL names no user"},
           {"mqtt://u:p@h", path, "--mqtt-password-file: the --mqtt URL already has a password"},
           {"mqtt://u@h", "/nonexistent/pw", "--mqtt-password-file: cannot read /nonexistent/pw"},
       }) {
    SCOPED_TRACE(c.url);
    auto u = url(c.url);
    auto s = ResolveMqttPassword(u, c.file, nullptr);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message.rfind(c.message, 0), 0u) << s.error().message;
    EXPECT_EQ(s.error().field, "mqtt-password-file");
  }
  std::remove(path);
}

}  // namespace
}  // namespace hearth::adapters::mqtt
