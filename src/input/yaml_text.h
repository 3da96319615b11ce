// Character classes, line scanning and errors shared by the YAML readers (yaml_guard,
// yaml_scalar, yaml_to_json, yaml_comments), which scan the YAML text itself around yaml-cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "json/parser.h"

namespace iamlint::input {

[[nodiscard]] inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// A blank or a line break.
[[nodiscard]] inline bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\r';
}

// The offset of the line break that ends the line holding `at`, or the text's size.
[[nodiscard]] inline uint32_t line_end(std::string_view text, uint32_t at) {
  const std::size_t end = text.find_first_of("\r\n", at);
  return static_cast<uint32_t>(end == std::string_view::npos ? text.size() : end);
}

// `limit`: the text is past a bound iamlint sets (json::SyntaxError::limit), not invalid.
[[nodiscard]] inline json::SyntaxError yaml_error(uint32_t offset, std::string message,
                                                  bool limit = false) {
  return {.offset = offset, .message = std::move(message), .limit = limit, .language = "YAML"};
}

}  // namespace iamlint::input
