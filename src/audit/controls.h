// The controls `iamlint audit` checks an account's exported settings against: data, not code,
// like the guardrail baseline. audit/data/audit_controls.json is compiled in and parsed only when
// the command runs; each control names the practice of the root-account guide it checks and the
// CIS AWS Foundations Benchmark control it matches, and its thresholds (days, lengths) can be
// changed (--threshold NAME=VALUE).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_info.h"
#include "support/result.h"

namespace iamlint::audit {

struct Threshold {
  std::string name;  // unique across the controls: "access-key-max-age-days"
  int64_t value = 0;
};

struct Control {
  std::string id;    // "IAM6" + two digits, never reused; findings carry it as their rule id
  std::string name;  // kebab-case, names the gap: "root-user-without-mfa"
  std::string title;
  engine::Level level = engine::Level::kWarning;
  std::string security_severity;  // SARIF's score, e.g. "9.0"
  std::string practice;           // the root-account guide's practice, e.g. "Never create root
                                  // access keys"
  std::string rationale;
  std::vector<std::string> cis;  // "v3.0.0 1.5: Ensure MFA is enabled for the 'root' user account"
  std::vector<Threshold> thresholds;

  // The value of one of its thresholds; asserts that it has it.
  [[nodiscard]] int64_t threshold(std::string_view threshold_name) const;
};

// The text of audit/data/audit_controls.json, compiled in (tools/embed_text.py).
[[nodiscard]] std::string_view controls_text();

// The controls, in their order (asserted to parse: a unit test reads the data file).
[[nodiscard]] std::vector<Control> baseline_controls();

// Parses a controls document; errors name the problem and its byte offset.
[[nodiscard]] Result<std::vector<Control>> parse_controls(std::string_view text);

// Sets a threshold by name ("access-key-max-age-days=60"); an unknown name (the message lists the
// known ones) or a value that is not a whole number from 0 to 100000 is a usage error.
[[nodiscard]] Result<bool> set_threshold(std::vector<Control>& controls, std::string_view setting);

// The rule descriptors of the controls, for findings and every output format: views into
// `controls` and `pages`, which must outlive them.
struct ControlRules {
  std::deque<std::string> pages;  // Markdown, as `iamlint explain` and SARIF help show it
  std::vector<engine::RuleInfo> rules;
};
[[nodiscard]] ControlRules control_rules(const std::vector<Control>& controls);

}  // namespace iamlint::audit
