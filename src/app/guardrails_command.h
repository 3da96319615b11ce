// `iamlint guardrails [--format text|sarif|json] [--controls FILE] PATH...`: whether an SCP (and
// RCP) set enforces the root-account baseline and a team's own controls.
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int guardrails_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
