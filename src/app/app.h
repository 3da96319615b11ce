// The program behind the command line: takes parsed Options, writes to the given streams,
// returns the exit code. Tests drive it directly.
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int run(const Options& options, std::ostream& out, std::ostream& err);

// "0.1.0", the version in meson.build.
[[nodiscard]] std::string_view version();

// The project's home, which SARIF reports name as the tool's information URI.
inline constexpr std::string_view kInformationUri = "https://github.com/iamlint/iamlint";

}  // namespace iamlint::app
