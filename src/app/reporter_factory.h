// The reporter for --format: one place, so that `iamlint` (lint) and `iamlint check` write the
// same formats the same way.
#pragma once

#include <memory>
#include <ostream>

#include "app/options.h"
#include "report/reporter.h"

namespace iamlint::app {

[[nodiscard]] std::unique_ptr<report::Reporter> make_reporter(const Options& options,
                                                              std::ostream& out);

}  // namespace iamlint::app
