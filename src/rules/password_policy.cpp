#include "rules/password_policy.hpp"

#include <algorithm>
#include <iterator>
#include <string>

namespace hearth::rules {
namespace {

// Where the lists come from: compiled by hand for Hearth (issue 12) from the shapes that head the
// publicly reported analyses of leaked password sets, Chinese (the 2011 CSDN, Tianya and 12306
// leaks) and English (the yearly "most common passwords" lists): pinyin words, surnames and the
// most common full names with digits (birthdays, 520/1314 "I love you (for ever)"), keyboard
// walks along rows, columns and zig-zags of a QWERTY keyboard and the numeric keypad, repeated
// digits, and the English words of those lists. No published list was copied; the entries are
// the patterns, lower case, and the rules of password_policy.hpp extend them with digits.

// Whole passwords that the rules below do not already refuse, each at least 12 characters.
constexpr std::string_view kCommonPasswords[] = {
    "1qaz@wsx3edc", "1qaz@wsx#edc", "!qaz@wsx#edc",  "1qaz!qaz2wsx@wsx", "zaq!2wsx#edc",
    "!qaz2wsx#edc", "1q2w3e4r5t6y", "qwer1234asdf",  "1234qwerasdf",     "abcd1234abcd",
    "asdf1234zxcv", "q1w2e3r4t5y6", "woaini1314520", "5201314woaini",    "iloveyou1314",
    "woaiwojia520", "p@ssw0rd!@#$", "admin@huawei",  "huawei@123456",    "root@1234567",
    "qwe!@#123456", "!@#qweasdzxc", "aa123456789aa", "a1b2c3d4e5f6",
};

// Common words, names and pinyin: with digits before or after them (or joined to a keyboard
// walk) they are refused. Lower case, letters and digits only (they are matched on skeletons).
// clang-format off
constexpr std::string_view kCommonWords[] = {
    // English words of the most-common lists
    "password", "passw0rd", "pssw0rd", "pssword", "passwd", "admin", "administrator", "root",
    "user", "test", "guest", "welcome", "changeme", "letmein", "iloveyou", "trustno", "qwerty",
    "qwert", "qwe", "asdf", "asd", "zxcv", "zxc", "qweasdzxc", "qazwsx", "abc", "abcd", "abcde",
    "a", "aa", "qq", "sunshine", "princess", "football", "baseball", "dragon", "monkey", "shadow",
    "master", "superman", "batman", "michael", "whatever", "computer", "internet", "starwars",
    "hello", "love", "lovely", "secret", "system", "server", "default", "temp",
    // pinyin words and phrases
    "woaini", "aini", "woaiwojia", "wojiushiwo", "woxihuanni", "woaini1314", "baobei", "laopo",
    "laogong", "xiaobao", "zhongguo", "china", "beijing", "shanghai", "shandong", "weihai",
    "zibo", "nuanqi", "gongre", "reli", "hearth", "huawei", "xiaomi", "tianya", "caonima",
    "nihao", "haha", "hehe",
    // the most common surnames (pinyin)
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "song", "xie",
    "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan",
    "cai", "jiang", "yu", "du", "ye", "cheng", "wei",
    // the most common full names (pinyin)
    "zhangwei", "wangwei", "wangfang", "liwei", "lina", "zhangmin", "lijing", "wangjing",
    "liuwei", "wangxiuying",
};
// clang-format on

// Runs along a keyboard (rows, columns, zig-zags, the keypad), in skeleton form; matched
// forwards and backwards. Digit and letter steps (1234…, abcd…) are checked by IsStepRun.
constexpr std::string_view kKeyboardRuns[] = {
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
    "zaq12wsxcde34rfvbgt56yhnmju78iklo90p",
    "1qazxsw23edcvfr45tgbnhy67ujmki89olp0",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "1a2b3c4d5e6f7g8h9i",
    "147258369147258369",
    "789456123789456123",
    "159357159357",
};

// Runs of the full password (symbols included), lower case; forwards and backwards.
constexpr std::string_view kSymbolRuns[] = {
    "`1234567890-=", "~!@#$%^&*()_+", "qwertyuiop[]\\",
    "asdfghjkl;'",   "zxcvbnm,./",    "!@#$%^&*()!@#$%^&*()",
};

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower case; ASCII letters, digits and non-ASCII bytes (Chinese text) kept, the rest dropped.
std::string Skeleton(std::string_view s) {
  std::string out;
  for (char c : Lower(s)) {
    if (IsAsciiLetter(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80) out += c;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// A unit repeated at least twice ("1111", "abcabc").
bool IsRepeat(std::string_view s) {
  if (s.size() < 2) return false;
  std::string doubled = std::string(s) + std::string(s);
  return doubled.find(s, 1) < s.size();
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

template <size_t N>
bool InRunsOf(std::string_view s, const std::string_view (&runs)[N]) {
  std::string reversed(s.rbegin(), s.rend());
  return std::any_of(std::begin(runs), std::end(runs), [&](std::string_view run) {
    return Contains(run, s) || Contains(run, reversed);
  });
}

// Digits going up or down by one (0 follows 9, as on the keyboard: "890123"), or letters going
// up or down the alphabet; at least 3 characters.
bool IsStepRun(std::string_view s) {
  if (s.size() < 3) return false;
  for (int step : {1, -1}) {
    bool ok = true;
    for (size_t i = 1; i < s.size() && ok; ++i) {
      char a = s[i - 1], b = s[i];
      if (IsDigit(a) && IsDigit(b)) {
        ok = (a - '0' + step + 10) % 10 == b - '0';
      } else if (IsAsciiLetter(a) && IsAsciiLetter(b)) {
        ok = a + step == b;
      } else {
        ok = false;
      }
    }
    if (ok) return true;
  }
  return false;
}

bool IsRun(std::string_view s) {
  return s.size() >= 3 && (IsStepRun(s) || InRunsOf(s, kKeyboardRuns));
}

bool IsWord(std::string_view s, std::string_view username) {
  if (!username.empty() && s == username) return true;
  return std::find(std::begin(kCommonWords), std::end(kCommonWords), s) != std::end(kCommonWords);
}

// A part of a refused joint (rule 5): a word, a run, a repeat, or a number of up to 4 digits (a
// year, a short number).
bool IsWeakPart(std::string_view s, std::string_view username) {
  return IsWord(s, username) || IsRun(s) || IsRepeat(s) || (AllDigits(s) && s.size() <= 4);
}

// Why `skeleton` (or `lower`, the whole password lower-cased) is common, or nullptr.
const char* CommonReason(const std::string& lower, const std::string& skeleton,
                         std::string_view username) {
  for (std::string_view listed : kCommonPasswords) {
    if (lower == listed || skeleton == Skeleton(listed))
      return "it is on the list of common passwords";
  }
  if (InRunsOf(lower, kSymbolRuns) || skeleton.empty()) {
    return "it is a run of keys on the keyboard";
  }
  if (IsRepeat(skeleton)) return "it repeats the same characters";
  if (IsRun(skeleton)) return "it is a run of keys on the keyboard or of letters or digits";
  // Rules 4 and 5: split once. Skeletons of long passphrases are not looked into: the shapes
  // refused here are short.
  if (skeleton.size() > 64) return nullptr;
  for (size_t i = 1; i < skeleton.size(); ++i) {
    std::string_view head(skeleton.data(), i), tail(skeleton.data() + i, skeleton.size() - i);
    if ((IsWord(head, username) && AllDigits(tail)) ||
        (AllDigits(head) && IsWord(tail, username))) {
      return "it is a common word, name or the username with digits";
    }
    if (IsWeakPart(head, username) && IsWeakPart(tail, username)) {
      return "it joins common words, runs of keys or repeated characters";
    }
  }
  if (IsWord(skeleton, username)) return "it is a common word, name or the username";
  return nullptr;
}

}  // namespace

Status CheckPasswordChoice(std::string_view password, std::string_view username) {
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return Error::InvalidArgument("a password is " + std::to_string(kMinPasswordBytes) + " to " +
                                      std::to_string(kMaxPasswordBytes) + " bytes long",
                                  "password");
  }
  if (const char* why = CommonReason(Lower(password), Skeleton(password), Skeleton(username))) {
    return Error::InvalidArgument(
        std::string("this password is too common (") + why + "); choose another", "password");
  }
  return OkStatus();
}

}  // namespace hearth::rules
