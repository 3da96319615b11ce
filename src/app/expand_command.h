// `iamlint expand PATTERN...` (what action patterns grant) and `iamlint expand --policy FILE`
// (each statement's effective actions, NotAction inverted).
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int expand_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
