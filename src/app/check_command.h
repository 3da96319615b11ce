// `iamlint check no-new-access | access-not-granted | no-public-access`: Access Analyzer's custom
// policy checks, offline. Exit 0 when the check passes, 1 when it fails, 2 on errors.
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int check_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
