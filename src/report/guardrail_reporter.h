// The report of `iamlint guardrails`: per control, enforced, partial (with why, where), missing or
// off, as text ending in a coverage table, as JSON, or as SARIF whose rules are the controls, so
// that code scanning fails a pull request that weakens a guardrail where the weakening is.
#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "analysis/guardrail_check.h"
#include "report/sarif_reporter.h"

namespace iamlint::report {

// One file of the checked set, by the origin index the model was given.
struct GuardrailFile {
  std::string_view path;
  std::string_view text;
};

struct GuardrailReport {
  std::span<const analysis::ControlVerdict> verdicts;
  std::span<const GuardrailFile> files;  // by origin
};

void write_guardrails_text(const GuardrailReport& report, std::ostream& out);
void write_guardrails_json(const GuardrailReport& report, std::ostream& out);
void write_guardrails_sarif(const GuardrailReport& report, const ToolInfo& tool, std::ostream& out);

}  // namespace iamlint::report
