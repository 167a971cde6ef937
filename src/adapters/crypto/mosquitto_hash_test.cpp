// mosquitto's $7$ password hashes (issue 12): the format mosquitto_passwd writes, checked
// against a line mosquitto_passwd 2.0.11 wrote, and fresh salts.
#include "adapters/crypto/mosquitto_hash.hpp"

#include <gtest/gtest.h>

namespace hearth::adapters::crypto {
namespace {

TEST(MosquittoHash, VerifiesWhatMosquittoPasswdWrote) {
  // `mosquitto_passwd -c -b pw x secretpw` (mosquitto 2.0.11, Debian 12).
  const std::string from_mosquitto =
      "$7$101$+Bci2rw37l3Qao+7$XnjexrXcI1qKPxiZuKZhuERJSW9a+AXEp/ZZKp+m4wJSUEM18OIfkFe5vcRlMe25"
      "lnuCLbZ+4Mc90yQmEm297A==";
  EXPECT_TRUE(VerifyMosquittoHash(from_mosquitto, "secretpw"));
  EXPECT_FALSE(VerifyMosquittoHash(from_mosquitto, "secretpx"));
}

TEST(MosquittoHash, WritesTheSameFormatWithAFreshSalt) {
  auto a = MosquittoHash("device password");
  auto b = MosquittoHash("device password");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);  // salts differ
  // $7$<iterations>$<16 base64 chars: 12 bytes>$<88 base64 chars: 64 bytes>
  EXPECT_EQ(a->rfind("$7$1000$", 0), 0u) << *a;
  EXPECT_EQ(a->size(), std::string("$7$1000$").size() + 16 + 1 + 88) << *a;
  EXPECT_TRUE(VerifyMosquittoHash(*a, "device password"));
  EXPECT_FALSE(VerifyMosquittoHash(*a, "device passwore"));
}

TEST(MosquittoHash, MalformedHashesNeverMatch) {
  for (const char* bad : {"", "$6$abc$def", "$7$", "$7$x$AAAA$AAAA", "$7$10$AAAA",
                          "$7$10$!!!!$AAAA", "$7$0$AAAAAAAAAAAAAAAA$AAAA", "plain"}) {
    EXPECT_FALSE(VerifyMosquittoHash(bad, "")) << bad;
  }
}

}  // namespace
}  // namespace hearth::adapters::crypto
