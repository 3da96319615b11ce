#include "input/yaml_scalar.h"

#include <optional>
#include <string>

#include "input/yaml_text.h"
#include "support/text.h"

namespace iamlint::input {
namespace {

enum class Style { kPlain, kSingleQuoted, kDoubleQuoted, kBlock };

// Where the quoted scalar that opens at `open` ends (past its closing quote), or the end of the
// text when it is not closed.
uint32_t quoted_end(std::string_view text, uint32_t open) {
  const char quote = text[open];
  auto size = static_cast<uint32_t>(text.size());
  for (uint32_t at = open + 1; at < size; ++at) {
    if (quote == '"' && text[at] == '\\') {
      ++at;
    } else if (text[at] == quote) {
      if (quote == '\'' && at + 1 < size && text[at + 1] == '\'') {
        ++at;
      } else {
        return at + 1;
      }
    }
  }
  return size;
}

struct Escape {
  std::string bytes;  // what it decodes to; empty for an escaped line break
  uint32_t size;      // source bytes, the backslash included
};

// The double-quoted escape at `at` (a backslash), or nullopt for one this reader does not know.
std::optional<Escape> decode_escape(std::string_view text, uint32_t at) {
  if (at + 1 >= text.size()) return std::nullopt;
  const char c = text[at + 1];
  if (c == '\n' || c == '\r') {
    // An escaped line break joins the lines without a space; the next line's indent goes too.
    uint32_t end = at + 2 + (c == '\r' && at + 2 < text.size() && text[at + 2] == '\n');
    while (end < text.size() && is_blank(text[end])) ++end;
    return Escape{"", end - at};
  }
  std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits > 0) {
    if (at + 2 + digits > text.size()) return std::nullopt;
    uint32_t code_point = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const int digit = hex_digit_value(text[at + 2 + i]);
      if (digit < 0) return std::nullopt;
      code_point = code_point << 4 | static_cast<uint32_t>(digit);
    }
    std::string bytes;
    append_utf8(code_point, bytes);
    return Escape{bytes, static_cast<uint32_t>(2 + digits)};
  }
  uint32_t code_point = 0;
  switch (c) {
    case '0':
      code_point = 0;
      break;
    case 'a':
      code_point = 0x07;
      break;
    case 'b':
      code_point = 0x08;
      break;
    case 't':
    case '\t':
      code_point = '\t';
      break;
    case 'n':
      code_point = '\n';
      break;
    case 'v':
      code_point = 0x0B;
      break;
    case 'f':
      code_point = 0x0C;
      break;
    case 'r':
      code_point = '\r';
      break;
    case 'e':
      code_point = 0x1B;
      break;
    case ' ':
    case '"':
    case '/':
    case '\\':
      code_point = static_cast<unsigned char>(c);
      break;
    case 'N':
      code_point = 0x85;
      break;
    case '_':
      code_point = 0xA0;
      break;
    case 'L':
      code_point = 0x2028;
      break;
    case 'P':
      code_point = 0x2029;
      break;
    default:
      return std::nullopt;
  }
  std::string bytes;
  append_utf8(code_point, bytes);
  return Escape{bytes, 2};
}

// Matches `value` against the source from `at` on. Returns where the match ended in the source
// and, through `last_content`, the end of the last character matched as itself; nullopt when the
// value is not what the source says.
std::optional<uint32_t> match_value(std::string_view text, uint32_t at, std::string_view value,
                                    Style style, OffsetMap::Builder& map, uint32_t& last_content) {
  const auto size = static_cast<uint32_t>(text.size());
  std::size_t i = 0;
  last_content = at;
  while (i < value.size()) {
    if (at >= size) return std::nullopt;
    const char v = value[i];
    const char s = text[at];
    if (style == Style::kDoubleQuoted && s == '\\') {
      std::optional<Escape> escape = decode_escape(text, at);
      if (!escape || value.substr(i, escape->bytes.size()) != escape->bytes) return std::nullopt;
      if (!escape->bytes.empty()) {
        map.replaced(static_cast<uint32_t>(escape->bytes.size()), {at, at + escape->size});
      }
      i += escape->bytes.size();
      at += escape->size;
      last_content = at;
    } else if (style == Style::kSingleQuoted && s == '\'' && v == '\'' && at + 1 < size &&
               text[at + 1] == '\'') {
      map.replaced(1, {at, at + 2});
      ++i;
      at += 2;
      last_content = at;
    } else if (is_space(v) && is_space(s)) {
      // Folded line breaks, stripped indentation and trailing blanks: one run for the other.
      std::size_t value_end = i;
      while (value_end < value.size() && is_space(value[value_end])) ++value_end;
      uint32_t source_end = at;
      while (source_end < size && is_space(text[source_end])) ++source_end;
      map.replaced(static_cast<uint32_t>(value_end - i), {at, source_end});
      i = value_end;
      at = source_end;
    } else if (v == s) {
      map.verbatim(1, at);
      ++i;
      ++at;
      last_content = at;
    } else {
      return std::nullopt;
    }
  }
  return at;
}

Style style_at(std::string_view text, uint32_t content) {
  if (content >= text.size()) return Style::kPlain;
  switch (text[content]) {
    case '"':
      return Style::kDoubleQuoted;
    case '\'':
      return Style::kSingleQuoted;
    case '|':
    case '>':
      return Style::kBlock;
    default:
      return Style::kPlain;
  }
}

// Where the scalar ends when its value cannot be matched: past the closing quote, or the end of
// the line (before a comment) for the other styles.
uint32_t fallback_end(std::string_view text, uint32_t content, Style style) {
  if (style == Style::kSingleQuoted || style == Style::kDoubleQuoted) {
    return quoted_end(text, content);
  }
  uint32_t end = line_end(text, content);
  std::size_t comment = text.substr(content, end - content).find(" #");
  if (comment != std::string_view::npos) end = content + static_cast<uint32_t>(comment);
  while (end > content && is_blank(text[end - 1])) --end;
  return end;
}

}  // namespace

uint32_t skip_properties(std::string_view text, uint32_t at) {
  const auto size = static_cast<uint32_t>(text.size());
  while (at < size && (text[at] == '!' || text[at] == '&')) {
    while (at < size && !is_space(text[at])) ++at;
    while (at < size) {
      if (is_space(text[at])) {
        ++at;
      } else if (text[at] == '#') {
        at = line_end(text, at);
      } else {
        break;
      }
    }
  }
  return at;
}

ScalarSource locate_scalar(std::string_view text, uint32_t content, std::string_view value) {
  const Style style = style_at(text, content);
  uint32_t start = content;
  if (style == Style::kSingleQuoted || style == Style::kDoubleQuoted) {
    start = content + 1;
  } else if (style == Style::kBlock) {
    // Content starts on the line after the header ("|-", ">+2", a comment).
    start = line_end(text, content);
    if (start < text.size() && text[start] == '\r') ++start;
    if (start < text.size() && text[start] == '\n') ++start;
    if (!value.empty() && !is_space(value.front())) {
      while (start < text.size() && is_space(text[start])) ++start;
    }
  }

  OffsetMap::Builder map;
  uint32_t last_content = start;
  std::optional<uint32_t> matched = match_value(text, start, value, style, map, last_content);
  uint32_t end = 0;
  if (matched) {
    switch (style) {
      case Style::kPlain:
        end = *matched;
        break;
      case Style::kSingleQuoted:
      case Style::kDoubleQuoted:
        end = quoted_end(text, content);
        break;
      case Style::kBlock:
        end = std::max(last_content, line_end(text, content));
        break;
    }
    return {.range = {content, end}, .value_map = std::move(map).build(end)};
  }
  end = std::max(fallback_end(text, content, style), content);
  OffsetMap::Builder whole;
  if (!value.empty()) whole.replaced(static_cast<uint32_t>(value.size()), {content, end});
  return {.range = {content, end}, .value_map = std::move(whole).build(end)};
}

}  // namespace iamlint::input
