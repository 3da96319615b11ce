// What a YAML text must satisfy before iamlint hands it to yaml-cpp, whose scanner queues a token
// for every open flow collection until it closes: a megabyte of '[' costs it a quarter of a
// gigabyte. So flow nesting is measured first, by a scan that follows YAML's quoting, comments
// and block scalars closely enough that real templates pass and crafted ones are caught.
#pragma once

#include <optional>
#include <string_view>

#include "json/parser.h"

namespace iamlint::input {

// Nullopt when `text` is valid UTF-8 without the control characters YAML forbids and its flow
// collections nest at most json::kMaxDepth deep; else why not, and where.
[[nodiscard]] std::optional<json::SyntaxError> check_yaml_text(std::string_view text);

}  // namespace iamlint::input
