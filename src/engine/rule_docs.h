// The rule documentation (rules/<family>/<name>.md), compiled into the binary by
// tools/embed_docs.py, for `iamlint explain` and SARIF rule help.
#pragma once

#include <string>
#include <string_view>

namespace iamlint::engine {

// The Markdown page of the rule with this name; empty when there is none.
[[nodiscard]] std::string_view rule_doc(std::string_view rule_name);

// rules/access_analyzer_codes.tsv: every Access Analyzer issue code with its finding type and, for
// codes no rule covers, the reason.
[[nodiscard]] std::string_view access_analyzer_codes_tsv();

// The first paragraph under "## What it does", joined into one line.
[[nodiscard]] std::string rule_description(std::string_view rule_name);

}  // namespace iamlint::engine
