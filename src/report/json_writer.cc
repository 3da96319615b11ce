#include "report/json_writer.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <rapidjson/writer.h>

#include "json/quote.h"
#include "support/text.h"

namespace iamlint::report {

void ReportPrettyWriter::plain_string(std::string_view text) {
  PrettyPrefix(rapidjson::kStringType);
  char* at = os_->Push(text.size() + 2);
  at[0] = '"';
  std::memcpy(at + 1, text.data(), text.size());
  at[text.size() + 1] = '"';
  EndValue(true);
}

bool is_plain_json_string(std::string_view text) {
  // Eight bytes at a time. For a byte b below 0x80, b + 0x60 sets the high bit exactly when
  // b >= 0x20, with no carry into the next byte; (x - 0x0101...) & ~x & 0x8080... is non-zero
  // exactly when a byte of x is zero.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  while (text.size() >= sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data(), sizeof word);
    const uint64_t control = ~((word & ~kHighBits) + 0x6060606060606060u) & kHighBits;
    if (((word & kHighBits) | control | has_zero_byte(word ^ ('"' * kOnes)) |
         has_zero_byte(word ^ ('\\' * kOnes))) != 0) {
      return false;
    }
    text.remove_prefix(sizeof word);
  }
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\';
  });
}

JsonWriter::JsonWriter(std::ostream& out) : out_(out), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
}

void JsonWriter::key(std::string_view name) {
  if (is_plain_json_string(name)) return writer_.plain_string(name);
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonWriter::string(std::string_view value) {
  if (is_plain_json_string(value)) return writer_.plain_string(value);
  // Nearly every string is valid already; only the others are copied and repaired.
  std::string valid;
  if (!is_valid_utf8(value)) value = valid = to_valid_utf8(value);
  if (has_control_unseen_by_sse2(value)) {
    const std::string escaped = json::quoted(value);
    writer_.RawValue(escaped.data(), escaped.size(), rapidjson::kStringType);
    return;
  }
  writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonWriter::flush() {
  out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonWriter::finish() {
  flush();
  out_ << '\n';
}

}  // namespace iamlint::report
