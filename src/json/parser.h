// Parses JSON text into a lossless Document, with recursion no deeper than kMaxDepth whatever the
// input's depth, and with UTF-8 validation. Invalid input is an ordinary outcome, described by a
// SyntaxError with the byte offset of the problem; it never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "json/document.h"
#include "support/result.h"

namespace iamlint::json {

// Real policies nest about six levels deep and CloudFormation templates about fifteen; the cap
// bounds RapidJSON's recursion and every later walk over an untrusted tree.
inline constexpr uint32_t kMaxDepth = 128;

// How many values a text of `size` bytes may hold, so that a crafted one cannot make its tree
// (48 bytes a value) far larger than itself. Up to 4 MiB (the limit for policies and templates):
// a million and some, for an Action array of a million "*" (4 bytes each); beyond 4 MiB (an
// account's authorization details) one more per 32 bytes, which real exports (25 to 65 bytes a
// value) stay under.
[[nodiscard]] constexpr std::size_t max_values(std::size_t size) {
  constexpr std::size_t kSmallText = std::size_t{4} << 20;
  return kSmallText / 4 + (std::size_t{1} << 16) +
         (size > kSmallText ? (size - kSmallText) / 32 : 0);
}

struct SyntaxError {
  uint32_t offset = 0;  // where the problem is, as a byte offset into the text
  std::string message;  // e.g. "expected ',' or '}' after an object member, found ']'"
  bool limit = false;   // not a syntax error: the input is past a size limit of iamlint's
  std::string_view language = "JSON";  // the syntax that is broken: "JSON" or "YAML"
};

[[nodiscard]] Result<Document, SyntaxError> parse(std::string_view text);

}  // namespace iamlint::json
