// Text decoded from a part of a file, with the map back to the bytes it came from: a policy
// written as a JSON string, or URL-encoded as IAM's API returns it.
#pragma once

#include <string>
#include <string_view>

#include "input/offset_map.h"
#include "support/byte_range.h"

namespace iamlint::input {

struct MappedText {
  std::string text;
  OffsetMap map;  // offsets of `text` to offsets of what it was decoded from
};

// The value of the JSON string at `quoted` (quotes included) of `source`, which the JSON parser
// accepted: each escape sequence stands for its source bytes, the rest is verbatim.
[[nodiscard]] MappedText decode_json_string(std::string_view source, ByteRange quoted);

// True when `text` looks like a URL-encoded JSON object ("%7B%22Version..."), as IAM's API
// returns policy documents (RFC 3986: '%' escapes only, '+' is not a space).
[[nodiscard]] bool is_percent_encoded_object(std::string_view text);

// `text` with its %XX escapes decoded; a '%' not followed by two hex digits stays as written.
[[nodiscard]] MappedText decode_percent(std::string_view text);

}  // namespace iamlint::input
