#include "support/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/core.h>

namespace iamlint {
namespace {

// Length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not valid
// (overlong forms, surrogates and values past U+10FFFF included).
std::size_t valid_sequence_length(std::string_view text) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < min_second || byte(1) > max_second) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

template <class OnCodePoint, class OnInvalidByte>
std::string rewrite(std::string_view text, OnCodePoint on_code_point,
                    OnInvalidByte on_invalid_byte) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t length = valid_sequence_length(text);
    if (length == 0) {
      on_invalid_byte(static_cast<unsigned char>(text[0]), out);
      text.remove_prefix(1);
      continue;
    }
    on_code_point(text.substr(0, length), out);
    text.remove_prefix(length);
  }
  return out;
}

}  // namespace

std::size_t character_length(std::string_view text) {
  if (text.empty()) return 0;
  return std::max<std::size_t>(valid_sequence_length(text), 1);
}

bool is_valid_utf8(std::string_view text) {
  // Policies are nearly all ASCII: skip it eight bytes at a time, so that checking a whole file
  // before parsing costs little.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  while (!text.empty()) {
    uint64_t word;
    if (text.size() >= sizeof word) {
      std::memcpy(&word, text.data(), sizeof word);
      if ((word & kHighBits) == 0) {
        text.remove_prefix(sizeof word);
        continue;
      }
    }
    std::size_t length = valid_sequence_length(text);
    if (length == 0) return false;
    text.remove_prefix(length);
  }
  return true;
}

bool has_control_unseen_by_sse2(std::string_view text) {
  // Eight bytes at a time: for a byte b below 0x80, b + 0x60 sets the high bit exactly when
  // b >= 0x20, and b + 0x66 exactly when b >= 0x1A; neither sum carries into the next byte.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  constexpr uint64_t kFrom0x20 = 0x6060606060606060u;
  constexpr uint64_t kFrom0x1A = 0x6666666666666666u;
  while (text.size() >= sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data(), sizeof word);
    const uint64_t low = word & ~kHighBits;
    const uint64_t unseen = ~((low + kFrom0x20) | word) & (low + kFrom0x1A) & kHighBits;
    if (unseen != 0) return true;
    text.remove_prefix(sizeof word);
  }
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x1A && static_cast<unsigned char>(c) <= 0x1F;
  });
}

std::string to_valid_utf8(std::string_view text) {
  return rewrite(
      text, [](std::string_view sequence, std::string& out) { out += sequence; },
      [](unsigned char /*byte*/, std::string& out) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      });
}

std::string to_terminal_text(std::string_view text) {
  return rewrite(
      text,
      [](std::string_view sequence, std::string& out) {
        auto first = static_cast<unsigned char>(sequence[0]);
        bool c0 = sequence.size() == 1 && (first < 0x20 || first == 0x7F) && first != '\t';
        bool c1 =
            sequence.size() == 2 && first == 0xC2 && static_cast<unsigned char>(sequence[1]) < 0xA0;
        if (c0) {
          out += fmt::format("\\u{:04X}", first);
        } else if (c1) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(sequence[1]));
        } else {
          out += sequence;
        }
      },
      [](unsigned char byte, std::string& out) { out += fmt::format("\\x{:02X}", byte); });
}

std::size_t invalid_utf8_offset(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t length = valid_sequence_length(text.substr(at));
    if (length == 0) return at;
    at += length;
  }
  return at;
}

void append_utf8(uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | code_point >> 6);
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | code_point >> 12);
    out += static_cast<char>(0x80 | (code_point >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | code_point >> 18);
    out += static_cast<char>(0x80 | (code_point >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (code_point >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace iamlint
