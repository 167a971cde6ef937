// Which passwords an account may have (issue 12, item 8). Pure; thread-safe.
//
// Decisions (no document sets them; the platform's, after NIST SP 800-63B §5.1.1.2: a minimum
// length and a check against commonly used values, no composition rules):
// - Length: kMinPasswordBytes (12) to kMaxPasswordBytes (1024) bytes.
// - Refused as common (password_policy.cpp holds the lists and says where they come from), on
//   the password lower-cased (ASCII) with every character that is not a letter or a digit
//   dropped, its "skeleton" ("Woaini@1314!" -> "woaini1314"):
//   1. a listed password ("1qaz@wsx3edc");
//   2. a unit repeated ("111111111111", "woainiwoaini", "abc123abc123");
//   3. a run along the keyboard or the alphabet or the digits ("qwertyuiopas", "1qaz2wsx3edc",
//      "123456789012", "!@#$%^&*()_+"), forwards or backwards;
//   4. a common word, name or pinyin ("woaini", "zhangwei", "password", "admin") or the account's
//      username, with digits before or after it ("woaini1314520", "zhang19900101",
//      "admin@123456");
//   5. two of the above joined ("qwertyuiop123", "asdfghjkl;12345").
//   The check is conservative: it refuses the shapes that head every list of leaked passwords,
//   not every weak password.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.hpp"

namespace hearth::rules {

inline constexpr size_t kMinPasswordBytes = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

/// invalid_argument (field "password") when `password` is too short or too long, or common for
/// the account `username` (may be empty: then only the lists count). The message names the
/// reason and never echoes the password.
Status CheckPasswordChoice(std::string_view password, std::string_view username);

}  // namespace hearth::rules
