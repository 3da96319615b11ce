// `iamlint diff OLD NEW`: the access a change adds and removes, per action, grouped by service and
// access level, with resources, principals and conditions — for people reviewing a change
// (text), or for tools (--format json).
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int diff_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
