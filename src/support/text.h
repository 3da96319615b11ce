// Making untrusted text safe to show: policies come from pull requests, and their bytes end up
// in terminals and in JSON reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace iamlint {

// UTF-8's byte order mark, which JSON and YAML readers skip at the start of a file.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

[[nodiscard]] bool is_valid_utf8(std::string_view text);

// Whether `text` holds a byte from 0x1A to 0x1F. RapidJSON 1.1.0 (Debian 12's) compares with 0x19
// in its SSE2 string scans, so its fast paths let these control characters through unescaped:
// the reader accepts them raw inside strings and the writer emits them raw, both invalid JSON.
// Text that holds one must take RapidJSON's byte-by-byte path.
[[nodiscard]] bool has_control_unseen_by_sse2(std::string_view text);

// The byte length of the character that starts `text`: its UTF-8 sequence, or 1 for a byte that
// does not start a valid one; 0 for empty text.
[[nodiscard]] std::size_t character_length(std::string_view text);

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD, so JSON writers emit valid
// JSON whatever the input held.
[[nodiscard]] std::string to_valid_utf8(std::string_view text);

// Text for a terminal: control characters (C0 except tab, DEL, C1) become visible as \u00XX, so
// that text from a policy cannot move the cursor, recolour or retitle a terminal, and each byte
// that is not valid UTF-8 becomes \xXX, so that the reader sees which bytes the file holds.
[[nodiscard]] std::string to_terminal_text(std::string_view text);

// The offset of the first byte of `text` that does not start a valid UTF-8 sequence, or
// text.size() when it is all valid.
[[nodiscard]] std::size_t invalid_utf8_offset(std::string_view text);

// Appends the UTF-8 encoding of a code point (at most U+10FFFF) to `out`.
void append_utf8(uint32_t code_point, std::string& out);

// The value of a hexadecimal digit, or -1 for any other character.
[[nodiscard]] int hex_digit_value(char c);

}  // namespace iamlint
