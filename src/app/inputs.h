// Turns the PATH arguments into the list of inputs to lint.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "support/result.h"

namespace iamlint::app {

struct Inputs {
  std::vector<std::string> files;  // sorted by path, each once; "-" stands for standard input
  std::vector<Error> errors;       // paths that do not exist or cannot be listed
  std::vector<std::string> empty_directories;  // directory PATHs in which no file was found
};

// Files are taken as given whatever their extension; directories are searched recursively for
// *.json, *.yaml, *.yml and *.template files (any letter case), skipping hidden directories (such
// as .git) and not following symbolic links to directories. Absolute paths under the current
// directory are shown relative to it.
// `also` adds extensions searched for (".csv" for `iamlint audit`).
[[nodiscard]] Inputs collect_inputs(const std::vector<std::string>& paths,
                                    std::span<const std::string_view> also = {});

}  // namespace iamlint::app
