// ctest-labels: unit security
// Password choice (rules/password_policy.hpp): lengths, and each shape of common password refused
// while passwords of the same length but no common shape pass.
#include "rules/password_policy.hpp"

#include <gtest/gtest.h>

#include <string>

namespace hearth::rules {
namespace {

TEST(PasswordPolicy, Lengths) {
  struct Case {
    std::string password;
    bool ok;
  };
  const Case cases[] = {
      {"", false},
      {"12345678", false},
      {"k7#Vq9!mZp2", false},             // 11 bytes
      {"k7#Vq9!mZp2x", true},             // 12
      {std::string(1024, 'x'), false},    // repeated, see below; long enough though
      {"tall-ferns-rust-quietly", true},  // a passphrase
      {std::string(1025, 'y'), false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.password.substr(0, 30));
    Status s = CheckPasswordChoice(c.password, "li.manager");
    EXPECT_EQ(s.ok(), c.ok);
    if (!s.ok() && !c.password.empty()) {
      EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(s.error().field, "password");
      EXPECT_EQ(s.error().message.find(c.password.substr(0, 12)), std::string::npos)
          << "never echoes the password";
    }
  }
  EXPECT_NE(CheckPasswordChoice("abc", "").error().message.find("12 to 1024 bytes"),
            std::string::npos);
}

TEST(PasswordPolicy, CommonShapesAreRefused) {
  struct Case {
    const char* password;
    const char* reason;  // a part of the message
  };
  const Case cases[] = {
      // 1. listed
      {"1qaz@wsx3edc", "list"},
      {"1QAZ@WSX#EDC", "list"},
      {"woaini1314520", "list"},
      // 2. repeated
      {"111111111111", "repeats"},
      {"888888888888", "repeats"},
      {"aaaaaaaaaaaa", "repeats"},
      {"woainiwoaini", "repeats"},
      {"abc123abc123", "repeats"},
      {"52013145201314", "repeats"},
      {"qwer1234qwer1234", "repeats"},
      // 3. runs
      {"123456789012", "run"},
      {"1234567890-=", "run"},
      {"098765432109", "run"},
      {"abcdefghijkl", "run"},
      {"qwertyuiopas", "run"},
      {"QWERTYUIOP[]", "run"},
      {"1qaz2wsx3edc", "run"},
      {"1q2w3e4r5t6y7u", "run"},
      {"qazwsxedcrfv", "run"},
      {"zaq12wsxcde3", "run"},
      {"!@#$%^&*()_+", "run"},
      {"lkjhgfdsapoiu", "run"},
      {"147258369147", "run"},
      // 4. word, name, pinyin or username with digits
      {"password1234", "word"},
      {"P@ssw0rd1234", "word"},
      {"admin@123456", "word"},
      {"Administrator", "word"},
      {"woaini5201314", "word"},
      {"1314520woaini", "word"},
      {"zhang19900101", "word"},
      {"wangwei888888", "word"},
      {"iloveyou1314", "list"},
      {"li.manager2024", "word"},  // the username
      {"nuanqi2024!!!", "word"},
      // 5. joined
      {"qwertyuiop123", "joins"},
      {"asdfghjkl;12345", "joins"},
      {"qweasdzxc123!", "word"},
      {"abc123456789", "word"},
      {"111111qwerty", "word"},
      {"qwerty!!asdfgh", "joins"},
      {"woaini123456", "word"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.password);
    Status s = CheckPasswordChoice(c.password, "li.manager");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "password");
    EXPECT_NE(s.error().message.find("too common"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find(c.reason), std::string::npos) << s.error().message;
  }
}

TEST(PasswordPolicy, UncommonPasswordsPass) {
  const char* cases[] = {
      "s3cret-pass-2024",       "tall-ferns-rust-quietly",       "Kx9#mQ2v!pLw",
      "zhang-bei-lake-07",     // a name, but not with digits alone
      "woaini-hearth-kite",    // a pinyin word among others
      "北京欢迎你的暖气好热",  // Chinese text
      "7382-9104-5mqk",        // unpatterned digits and letters
      "qwertyuiop-grebe-kayak", "li.manager-is-not-my-password",
  };
  for (const char* p : cases) {
    SCOPED_TRACE(p);
    Status s = CheckPasswordChoice(p, "li.manager");
    EXPECT_TRUE(s.ok()) << s.error().message;
  }
  // Another account's name is not special.
  EXPECT_TRUE(CheckPasswordChoice("li.regulator2024", "").ok());
  EXPECT_FALSE(CheckPasswordChoice("li.regulator2024", "Li.Regulator").ok());
}

}  // namespace
}  // namespace hearth::rules
