// `iamlint rules` (the catalogue of rules) and `iamlint explain ID` (one rule's page).
#pragma once

#include <ostream>

#include "app/options.h"

namespace iamlint::app {

// Text: one line per rule. JSON: every metadata field. Markdown: the table of rules/README.md.
[[nodiscard]] int rules_command(const Options& options, std::ostream& out, std::ostream& err);

[[nodiscard]] int explain_command(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace iamlint::app
