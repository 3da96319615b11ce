// The report of `iamlint guardrails`: per control, enforced, partial (with why, where), missing or
// off, as text ending in a coverage table, as JSON, or as SARIF whose rules are the controls, so
// that code scanning fails a pull request that weakens a guardrail where the weakening is.
#pragma once

#include <ostream>
#include <span>
#include <string_view>

#include "analysis/guardrail_check.h"
#include "input/offset_map.h"
#include "report/sarif_reporter.h"

namespace iamlint::report {

// One policy of the checked set, by the origin index the model was given, and the file that
// holds it.
struct GuardrailFile {
  std::string_view path;
  std::string_view text;  // the file's
  // Where the policy sits in the file's structure ("Resources.DenyRoot.Properties.Content");
  // empty for a bare policy file.
  std::string_view location;
  // From the policy's JSON (YAML made JSON, a decoded string) to the file's text; nullptr when
  // the policy's text is the file's own.
  const input::OffsetMap* to_file = nullptr;
};

struct GuardrailReport {
  std::span<const analysis::ControlVerdict> verdicts;
  std::span<const GuardrailFile> files;  // by origin
};

void write_guardrails_text(const GuardrailReport& report, std::ostream& out);
void write_guardrails_json(const GuardrailReport& report, std::ostream& out);
void write_guardrails_sarif(const GuardrailReport& report, const ToolInfo& tool, std::ostream& out);

}  // namespace iamlint::report
