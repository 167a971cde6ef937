// Salts, tokens, digests and argon2id password hashes.
#include <gtest/gtest.h>

#include <set>

#include "adapters/crypto/password_hash.hpp"
#include "adapters/crypto/hmac.hpp"
#include "adapters/crypto/tokens.hpp"

namespace hearth::adapters::crypto {
namespace {

// Cheap enough for tests; the default cost is exercised once below.
constexpr Argon2Cost kTestCost{1, 64, 1};

TEST(Tokens, Base64UrlVectors) {
  struct Case {
    std::string bytes;
    const char* text;
  };
  // RFC 4648 §10, without padding, plus the two characters that differ from base64.
  const Case cases[] = {{"", ""},
                        {"f", "Zg"},
                        {"fo", "Zm8"},
                        {"foo", "Zm9v"},
                        {"foob", "Zm9vYg"},
                        {"fooba", "Zm9vYmE"},
                        {"foobar", "Zm9vYmFy"},
                        {"\xfb\xff", "-_8"},
                        {std::string(3, '\0'), "AAAA"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Base64Url(c.bytes), c.text);
  }
}

TEST(Tokens, Sha256Vectors) {
  struct Case {
    const char* data;
    const char* hex;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.data);
    EXPECT_EQ(Sha256Hex(c.data), c.hex);
  }
}

TEST(Hmac, Rfc4231Vectors) {
  struct Case {
    std::string key, data, want;
  };
  const Case cases[] = {
      {std::string(20, '\x0b'), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"Jefe", "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
  };
  for (const Case& c : cases) EXPECT_EQ(HmacSha256Hex(c.key, c.data), c.want);
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST(Tokens, RandomBytesDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto b = RandomBytes(32);
    ASSERT_TRUE(b.ok());
    ASSERT_EQ(b->size(), 32u);
    seen.insert(*b);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(Base64Url(*RandomBytes(32)).size(), 43u);
}

TEST(PasswordHash, HashesAndVerifies) {
  auto h = HashPassword("correct horse", kTestCost);
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_EQ(h->rfind("$argon2id$v=19$m=64,t=1,p=1$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse"));
  struct Case {
    std::string password;
  };
  const Case wrong[] = {{""},
                        {"correct hors"},
                        {"correct horse "},
                        {"Correct horse"},
                        {std::string("correct horse\0", 14)}};
  for (const auto& c : wrong) {
    SCOPED_TRACE(c.password);
    EXPECT_FALSE(VerifyPassword(*h, c.password));
  }
  // A fresh salt each time: the same password hashes differently, and both verify.
  auto again = HashPassword("correct horse", kTestCost);
  EXPECT_NE(*h, *again);
  EXPECT_TRUE(VerifyPassword(*again, "correct horse"));
}

TEST(PasswordHash, MalformedHashesNeverMatch) {
  auto h = *HashPassword("pw", kTestCost);
  const std::string cases[] = {"",
                               "pw",
                               "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAA",
                               h.substr(0, h.size() - 2),
                               "$argon2id$",
                               h + "x"};
  for (const auto& c : cases) {
    SCOPED_TRACE(c);
    EXPECT_FALSE(VerifyPassword(c, "pw"));
  }
}

// The reference implementation's argon2id test vector (phc-winner-argon2 src/test.c): hashes
// made elsewhere verify here.
TEST(PasswordHash, ReferenceVector) {
  const char* encoded =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
  EXPECT_TRUE(VerifyPassword(encoded, "password"));
  EXPECT_FALSE(VerifyPassword(encoded, "passwore"));
}

TEST(PasswordHash, DefaultCostIsEncoded) {
  auto h = HashPassword("pw");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "pw"));
}

}  // namespace
}  // namespace hearth::adapters::crypto
