// `iamlint audit [--format F] [--now TIME] [--threshold NAME=VALUE] PATH...`: the root-account
// checklist over an account's exported settings (credential report, password policy, CloudTrail,
// AWS Config, Organizations), offline.
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

[[nodiscard]] int audit_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
