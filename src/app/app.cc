#include "app/app.h"

#include "app/audit_command.h"
#include "app/check_command.h"
#include "app/diff_command.h"
#include "app/expand_command.h"
#include "app/guardrails_command.h"
#include "app/lint_command.h"
#include "app/rules_command.h"
#include "app/settings.h"
#include "app/version.h"

namespace iamlint::app {

std::string_view version() {
  return kVersion;
}

int run(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.command) {
    case Command::kLint:
      return lint_command(options, out, err);
    case Command::kRules:
      return rules_command(options, out, err);
    case Command::kExplain:
      return explain_command(options, out, err);
    case Command::kExpand:
      return expand_command(options, out, err);
    case Command::kConfig:
      return config_command(options, out, err);
    case Command::kGuardrails:
      return guardrails_command(options, out, err);
    case Command::kCheck:
      return check_command(options, out, err);
    case Command::kDiff:
      return diff_command(options, out, err);
    case Command::kAudit:
      return audit_command(options, out, err);
  }
  return kExitError;
}

}  // namespace iamlint::app
