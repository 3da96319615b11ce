#include "source/line_index.h"

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint::source {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEmoji =
    "\xF0\x9F\x98\x80";                            // U+1F600: one code point, two UTF-16 units
constexpr std::string_view kCjk = "\xE4\xB8\xAD";  // U+4E2D: one code point, one UTF-16 unit

std::vector<std::string_view> all_lines(const LineIndex& index) {
  std::vector<std::string_view> lines;
  for (uint32_t line = 1; line <= index.line_count(); ++line)
    lines.push_back(index.line_text(line));
  return lines;
}

TEST_CASE("line index splits lines at LF, CR and CRLF") {
  struct Case {
    std::string_view text;
    std::vector<std::string_view> lines;
    std::vector<uint32_t> starts;
  };
  const Case kCases[] = {
      {"", {""}, {0}},
      {"abc", {"abc"}, {0}},
      {"a\nb", {"a", "b"}, {0, 2}},
      {"a\r\nb", {"a", "b"}, {0, 3}},
      {"a\rb", {"a", "b"}, {0, 2}},
      {"a\n", {"a", ""}, {0, 2}},
      {"\n\n", {"", "", ""}, {0, 1, 2}},
      // LF then CR is two line ends; CR CR LF is a CR then a CRLF.
      {"a\n\rb", {"a", "", "b"}, {0, 2, 3}},
      {"a\r\r\nb", {"a", "", "b"}, {0, 2, 4}},
      {"x\r\ny\rz\nw", {"x", "y", "z", "w"}, {0, 3, 5, 7}},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    LineIndex index(c.text);
    CHECK(all_lines(index) == c.lines);
    REQUIRE(index.line_count() == c.starts.size());
    for (uint32_t line = 1; line <= index.line_count(); ++line)
      CHECK(index.line_start(line) == c.starts[line - 1]);
  }
}

TEST_CASE("line index maps byte offsets to 1-based lines and columns") {
  constexpr std::string_view kText = "ab\r\ncd\ref\ngh";
  LineIndex index(kText);
  struct Case {
    uint32_t offset;
    Position expected;
  };
  const Case kCases[] = {
      {0, {1, 1}}, {1, {1, 2}},  {2, {1, 3}},  // the CR of a CRLF still belongs to line 1
      {3, {1, 4}}, {4, {2, 1}},  {6, {2, 3}},  {7, {3, 1}},
      {9, {3, 3}}, {10, {4, 1}}, {12, {4, 3}},  // the end of the buffer
  };
  for (const Case& c : kCases) {
    CAPTURE(c.offset);
    Position position = index.position(c.offset, ColumnUnit::kCodePoints);
    CHECK(position.line == c.expected.line);
    CHECK(position.column == c.expected.column);
  }
}

TEST_CASE("line index counts columns in code points or UTF-16 code units") {
  // {"Sid": "<emoji><cjk>", "A": 1}
  const std::string text =
      "{\n  \"Sid\": \"" + std::string(kEmoji) + std::string(kCjk) + "\", \"A\": 1}";
  LineIndex index(text);
  auto offset_of = [&](std::string_view needle) {
    return static_cast<uint32_t>(text.find(needle));
  };
  uint32_t a = offset_of("\"A\"");
  // Before "A" on line 2: 2 spaces, "Sid": (6), space, quote, emoji, cjk, quote, comma, space.
  CHECK(index.position(a, ColumnUnit::kCodePoints) == Position{2, 16});
  CHECK(index.position(a, ColumnUnit::kUtf16CodeUnits) == Position{2, 17});
  uint32_t cjk = offset_of(kCjk);
  CHECK(index.position(cjk, ColumnUnit::kCodePoints) == Position{2, 12});
  CHECK(index.position(cjk, ColumnUnit::kUtf16CodeUnits) == Position{2, 13});
}

TEST_CASE("line index leaves a byte-order mark out of the first line") {
  const std::string text = std::string(kBom) + "{}\n[]";
  LineIndex index(text);
  CHECK(index.line_text(1) == "{}");
  CHECK(index.line_start(1) == 3);
  CHECK(index.line_count() == 2);
  for (uint32_t offset = 0; offset <= 3; ++offset) {
    CAPTURE(offset);
    CHECK(index.position(offset, ColumnUnit::kUtf16CodeUnits) == Position{1, 1});
  }
  CHECK(index.position(4, ColumnUnit::kCodePoints) == Position{1, 2});
  CHECK(index.position(6, ColumnUnit::kCodePoints) == Position{2, 1});

  SUBCASE("only at the start of the buffer") {
    const std::string later = "x" + std::string(kBom) + "y";
    LineIndex other(later);
    CHECK(other.line_text(1) == later);
    CHECK(other.position(4, ColumnUnit::kCodePoints) == Position{1, 3});
  }
}

// span counts on from a range's start; it must agree with position everywhere, whatever the
// bytes, the line ends and the line lengths.
TEST_CASE("line index spans agree with the positions of their ends") {
  std::string text = std::string(kBom) + "ab\r\n\"" + std::string(kEmoji) + "x\"\xC3\n\r" +
                     std::string(kCjk) + "\xE4\xB8yz";
  text += "\n" + std::string(2500, 'a') + std::string(kEmoji) + std::string(2500, 'b');
  const LineIndex index(text);
  const auto size = static_cast<uint32_t>(text.size());
  for (ColumnUnit unit : {ColumnUnit::kCodePoints, ColumnUnit::kUtf16CodeUnits}) {
    for (uint32_t begin = 0; begin <= size; begin += begin < 40 ? 1 : 97) {
      for (uint32_t end = begin; end <= size; end += end < 40 ? 1 : 89) {
        const LineIndex::Span span = index.span(begin, end, unit);
        CAPTURE(begin);
        CAPTURE(end);
        CHECK(span.start == index.position(begin, unit));
        CHECK(span.end == index.position(end, unit));
      }
    }
  }
}

TEST_CASE("count_columns counts code points, surrogate pairs and stray bytes") {
  struct Case {
    std::string_view bytes;
    uint32_t code_points;
    uint32_t utf16_units;
  };
  const Case kCases[] = {
      {"", 0, 0},
      {"abc", 3, 3},
      {"a\tb", 3, 3},
      {"\xC3\xA9", 1, 1},  // é
      {kCjk, 1, 1},
      {kEmoji, 1, 2},
      {"z\xF0\x9F\x98\x80z", 3, 4},
      // Invalid UTF-8: every byte that does not belong to a complete sequence is one column.
      {"\xFF", 1, 1},
      {"\x80\x80", 2, 2},
      {"\xE4\xB8", 2, 2},      // truncated three-byte sequence
      {"\xF0\x9F\x98", 3, 3},  // truncated four-byte sequence
      {"\xE4zz", 3, 3},        // lead byte followed by ASCII
      {"\xF0\x9F\x98z", 4, 4},
      {"\0"sv, 1, 1},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.bytes);
    CHECK(count_columns(c.bytes, ColumnUnit::kCodePoints) == c.code_points);
    CHECK(count_columns(c.bytes, ColumnUnit::kUtf16CodeUnits) == c.utf16_units);
  }
}

TEST_CASE("line index positions every offset of invalid UTF-8") {
  constexpr std::string_view kText = "\xFF\xFE\n\x80z";
  LineIndex index(kText);
  CHECK(index.position(2, ColumnUnit::kCodePoints) == Position{1, 3});
  CHECK(index.position(4, ColumnUnit::kCodePoints) == Position{2, 2});
  CHECK(index.position(5, ColumnUnit::kUtf16CodeUnits) == Position{2, 3});
}

TEST_CASE("line index counts long lines from checkpoints exactly as from the line start") {
  // Long enough for several checkpoints, with characters of every width and stray bytes placed so
  // that some straddle a checkpoint spacing.
  std::string line;
  const std::string_view pieces[] = {"a",    "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                     "\xFF", "\xE2\x82"};
  for (int i = 0; line.size() < 5000; ++i) line += pieces[(i * 7) % 6];
  const std::string text = "{\n" + line + "\r\n" + line;
  LineIndex index(text);
  const auto second_line = static_cast<uint32_t>(2 + line.size() + 2);
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    const bool in_second = offset >= second_line;
    const uint32_t start = in_second ? second_line : (offset >= 2 ? 2 : 0);
    const uint32_t expected_line = in_second ? 3 : (offset >= 2 ? 2 : 1);
    // Offsets inside the CRLF still belong to the second line.
    const std::string_view before = std::string_view(text).substr(start, offset - start);
    for (ColumnUnit unit : {ColumnUnit::kCodePoints, ColumnUnit::kUtf16CodeUnits}) {
      const Position expected{expected_line, count_columns(before, unit) + 1};
      REQUIRE(index.position(offset, unit) == expected);
    }
  }
}

TEST_CASE("column_offset finds the byte where each column starts") {
  std::string line;
  const std::string_view pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF"};
  for (int i = 0; line.size() < 3000; ++i) line += pieces[(i * 3) % 5];
  const std::string text = "x\n" + line + "\n";
  LineIndex index(text);
  const uint32_t columns = count_columns(line, ColumnUnit::kCodePoints);
  uint32_t expected = 2;  // the long line starts after "x\n"
  for (uint32_t column = 1; column <= columns; ++column) {
    REQUIRE(index.column_offset(2, column) == expected);
    expected += character_size(line, expected - 2);
  }
  CHECK(index.column_offset(2, columns + 1) == 2 + line.size());
  CHECK(index.column_offset(2, columns + 50) == 2 + line.size());  // past the end: the end
  CHECK(index.column_offset(1, 1) == 0);
  CHECK(index.column_offset(3, 1) == text.size());
}

}  // namespace
}  // namespace iamlint::source
