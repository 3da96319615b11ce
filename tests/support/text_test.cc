#include "support/text.h"

#include <string>
#include <string_view>

#include <doctest/doctest.h>

namespace iamlint {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// `n` replacement characters, for the expected output of invalid input.
std::string replacements(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += kReplacement;
  return out;
}

struct Case {
  std::string_view input;
  std::string expected;
};

// Valid UTF-8 that both functions keep as it is.
constexpr std::string_view kValid[] = {
    "",
    "plain ASCII",
    "tab\there",
    "\xC2\xA0",              // U+00A0, the first code point after C1
    "\xC3\xA9\xE4\xB8\xAD",  // é 中
    "\xEF\xBF\xBF",          // U+FFFF
    "\xF0\x9F\x98\x80",      // U+1F600
    "\xF4\x8F\xBF\xBF",      // U+10FFFF, the last code point
};

TEST_CASE("text: valid UTF-8 passes through") {
  for (std::string_view text : kValid) {
    CAPTURE(text);
    CHECK(is_valid_utf8(text));
    CHECK(to_valid_utf8(text) == text);
    CHECK(to_terminal_text(text) == text);
  }
}

TEST_CASE("text: every byte of an invalid sequence becomes U+FFFD") {
  const Case kCases[] = {
      {"\x80", replacements(1)},                // lone continuation byte
      {"z\xFFz", "z" + replacements(1) + "z"},  // never a UTF-8 byte
      {"\xC0\xAF", replacements(2)},            // overlong '/'
      {"\xE0\x80\x80", replacements(3)},        // overlong NUL in three bytes
      {"\xED\xA0\x80", replacements(3)},        // a surrogate, U+D800
      {"\xF4\x90\x80\x80", replacements(4)},    // past U+10FFFF
      {"\xF5\x80\x80\x80", replacements(4)},
      {"\xE4\xB8", replacements(2)},         // truncated at the end
      {"\xE4\xB8z", replacements(2) + "z"},  // truncated before ASCII
      {"\xF0\x9F\x98\xF0\x9F\x98\x80", replacements(3) + "\xF0\x9F\x98\x80"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    CHECK_FALSE(is_valid_utf8(c.input));
    std::string valid = to_valid_utf8(c.input);
    CHECK(valid == c.expected);
    CHECK(is_valid_utf8(valid));
  }
}

TEST_CASE("text: to_valid_utf8 keeps control characters") {
  constexpr std::string_view kControls = "\0\x1B[31m\n\x7F\xC2\x9B"sv;
  CHECK(is_valid_utf8(kControls));
  CHECK(to_valid_utf8(kControls) == kControls);
}

TEST_CASE("text: to_terminal_text shows control characters as escapes") {
  const Case kCases[] = {
      {"\x1B[2J", "\\u001B[2J"},  // erase the screen
      {"\x1B]0;title\x07", "\\u001B]0;title\\u0007"},
      {"a\nb\rc", "a\\u000Ab\\u000Dc"},
      {"\0"sv, "\\u0000"},
      {"\x1F\x20", "\\u001F "},
      {"\x7F", "\\u007F"},
      {"\xC2\x80", "\\u0080"},    // C1: U+0080
      {"\xC2\x9B[", "\\u009B["},  // C1 CSI
      {"\xC2\x9F", "\\u009F"},
      {"\xFF\x1B", "\\xFF\\u001B"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    std::string shown = to_terminal_text(c.input);
    CHECK(shown == c.expected);
    CHECK(shown.find('\x1B') == std::string::npos);
  }
}

TEST_CASE("text: to_terminal_text shows each byte of an invalid sequence as \\xXX") {
  const Case kCases[] = {
      {"z\xFFz", "z\\xFFz"},
      {"caf\xC3", "caf\\xC3"},                     // truncated at the end
      {"\xED\xA0\x80", "\\xED\\xA0\\x80"},         // a surrogate, U+D800
      {"\xC0\xAF\xC3\xA9", "\\xC0\\xAF\xC3\xA9"},  // overlong '/', then a valid é
      {"\xF0\x9F\x98\xF0\x9F\x98\x80", "\\xF0\\x9F\\x98\xF0\x9F\x98\x80"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.input);
    std::string shown = to_terminal_text(c.input);
    CHECK(shown == c.expected);
    CHECK(is_valid_utf8(shown));
  }
}

TEST_CASE("text: control bytes that RapidJSON's SSE2 scans miss") {
  CHECK_FALSE(has_control_unseen_by_sse2(""));
  CHECK_FALSE(has_control_unseen_by_sse2("tab\tnewline\n and \x19, then plain text"));
  CHECK_FALSE(has_control_unseen_by_sse2("\x9A\x9F\xC3\xA9 high bytes are not control bytes"));
  for (char byte = 0x1A; byte <= 0x1F; ++byte) {
    for (std::size_t at : {0, 5, 7, 8, 20}) {
      std::string text(24, 'x');
      text[at] = byte;
      CAPTURE(at);
      CHECK(has_control_unseen_by_sse2(text));
    }
  }
}

}  // namespace
}  // namespace iamlint
