// The controls `iamlint guardrails` checks an SCP (and RCP) set against: data, not code. The
// baseline (analysis/data/guardrail_controls.json) is compiled in and parsed only when the command
// runs; a team adds its own, or switches baseline ones off with a reason, with `--controls FILE`
// in the same format (README.md, "Guardrails").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/result.h"

namespace iamlint::analysis {

// A condition a control's Deny may carry without weakening it, such as `BoolIfExists
// aws:MultiFactorAuthPresent "false"` for "requires MFA"; `because` says why another operator on
// the same key does not do ("requests signed with long-term keys carry no ...").
struct AllowedCondition {
  std::string op;  // as written in policies: "BoolIfExists"
  std::string key;
  std::vector<std::string> values;
  std::string because;
};

struct Control {
  std::string id;  // lower-case words joined by '-', unique
  std::string title;
  std::string rationale;  // quotes the practice the control enforces
  std::vector<std::string> references;
  // Whom the Deny must bind: the member accounts' root user only, or every caller.
  bool root_only = false;
  // Whether the Deny may exempt principals named one by one (a break-glass role).
  bool named_exemptions = true;
  std::vector<std::string> deny;  // the actions (or patterns) the set must deny
  std::vector<AllowedCondition> allowed_conditions;
  std::optional<std::string> disabled;  // why the control is switched off
  std::string source;                   // "baseline" or the --controls file's path
};

// The text of analysis/data/guardrail_controls.json, compiled in (tools/embed_text.py).
[[nodiscard]] std::string_view baseline_controls_text();

// The baseline, in its order.
[[nodiscard]] std::vector<Control> baseline_controls();

// The controls of a controls file; errors name path:line:column.
[[nodiscard]] Result<std::vector<Control>> parse_controls(std::string_view text,
                                                          std::string_view path);

// `base` with `added` laid over it: a control with a known id replaces it (an entry with only
// "id" and "disabled" switches it off and keeps the rest), a new id is appended.
[[nodiscard]] std::vector<Control> merge_controls(std::vector<Control> base,
                                                  std::vector<Control> added);

}  // namespace iamlint::analysis
