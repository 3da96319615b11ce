#include "input/mapped_text.h"

#include <cstdint>

#include "support/assert.h"
#include "support/text.h"

namespace iamlint::input {
namespace {

// Four hex digits at `at` (the parser checked them).
uint32_t hex4(std::string_view text, std::size_t at) {
  uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = value << 4 | hex_digit_value(text[at + i]);
  return value;
}

char simple_escape(char c) {
  switch (c) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return c;  // '"', '\\' and '/'
  }
}

}  // namespace

MappedText decode_json_string(std::string_view source, ByteRange quoted) {
  IAMLINT_ASSERT(quoted.size() >= 2 && quoted.end <= source.size());
  MappedText out;
  OffsetMap::Builder map;
  const uint32_t end = quoted.end - 1;  // the closing quote
  uint32_t at = quoted.begin + 1;
  while (at < end) {
    uint32_t run = at;
    while (run < end && source[run] != '\\') ++run;
    out.text.append(source.substr(at, run - at));
    map.verbatim(run - at, at);
    if (run == end) break;
    const uint32_t escape = run;
    const std::size_t before = out.text.size();
    if (source[escape + 1] != 'u') {
      out.text += simple_escape(source[escape + 1]);
      at = escape + 2;
    } else {
      uint32_t code_point = hex4(source, escape + 2);
      at = escape + 6;
      // A high surrogate is followed by its low one (the parser rejects lone surrogates).
      if (code_point >= 0xD800 && code_point < 0xDC00 && at + 6 <= end && source[at] == '\\' &&
          source[at + 1] == 'u') {
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (hex4(source, at + 2) - 0xDC00);
        at += 6;
      }
      append_utf8(code_point, out.text);
    }
    map.replaced(static_cast<uint32_t>(out.text.size() - before), {escape, at});
  }
  out.map = std::move(map).build(end);
  return out;
}

bool is_percent_encoded_object(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  text.remove_prefix(start);
  return text.size() >= 3 && text[0] == '%' && text[1] == '7' && (text[2] == 'B' || text[2] == 'b');
}

MappedText decode_percent(std::string_view text) {
  MappedText out;
  OffsetMap::Builder map;
  uint32_t at = 0;
  const auto size = static_cast<uint32_t>(text.size());
  while (at < size) {
    uint32_t run = at;
    while (run < size && text[run] != '%') ++run;
    const int high = run + 2 < size ? hex_digit_value(text[run + 1]) : -1;
    const int low = run + 2 < size ? hex_digit_value(text[run + 2]) : -1;
    // A '%' without two hex digits is kept, with the text before it.
    const bool escape = run < size && high >= 0 && low >= 0;
    const uint32_t kept_end = escape || run == size ? run : run + 1;
    out.text.append(text.substr(at, kept_end - at));
    map.verbatim(kept_end - at, at);
    at = kept_end;
    if (!escape) continue;
    out.text += static_cast<char>(high << 4 | low);
    map.replaced(1, {run, run + 3});
    at = run + 3;
  }
  out.map = std::move(map).build(size);
  return out;
}

}  // namespace iamlint::input
