// Globs over '/'-separated relative paths, as configuration files write them:
//   *    any run of characters within one path segment
//   ?    one character other than '/'
//   **   as a whole segment, any number of segments (none included): "policies/**/*.json"
// A pattern without '/' matches the last segment at any depth ("*.scp.json"), as .gitignore does;
// a pattern that matches a directory also matches everything under it ("vendor").
#pragma once

#include <string_view>

namespace iamlint {

[[nodiscard]] bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace iamlint
