// JSON string literals for text that goes into JSON: report strings, and the replacement text of
// a fix that rewrites a policy's string.
#pragma once

#include <string>
#include <string_view>

namespace iamlint::json {

// `value` (valid UTF-8) as a JSON string literal with its quotes, every control byte escaped.
// RapidJSON's byte-by-byte writer does it: its SSE2 scans (Debian's 1.1.0) let 0x1A-0x1F through.
[[nodiscard]] std::string quoted(std::string_view value);

}  // namespace iamlint::json
