// Parses JSON text into a lossless Document, iteratively (no recursion on input depth) and with
// UTF-8 validation. Invalid input is an ordinary outcome, described by a SyntaxError with the
// byte offset of the problem; it never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "json/document.h"
#include "support/result.h"

namespace iamlint::json {

// Real policies nest about six levels deep and CloudFormation templates about fifteen; the cap
// bounds every later walk over an untrusted tree.
inline constexpr uint32_t kMaxDepth = 128;

struct SyntaxError {
  uint32_t offset = 0;  // where the problem is, as a byte offset into the text
  std::string message;  // e.g. "expected ',' or '}' after an object member, found ']'"
  bool limit = false;   // not a syntax error: the input is past a size limit of iamlint's
  std::string_view language = "JSON";  // the syntax that is broken: "JSON" or "YAML"
};

[[nodiscard]] Result<Document, SyntaxError> parse(std::string_view text);

}  // namespace iamlint::json
