// `iamlint [options] PATH...`: lint the inputs and report.
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int lint_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
