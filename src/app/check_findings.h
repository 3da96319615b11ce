// The findings of `iamlint check`: each reason a check fails, located at the statement (and the
// element) of the policy that grants the access, so that every output format — and GitHub's
// review of a pull request's diff — shows it where the change is.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analysis/access_comparison.h"
#include "app/loaded_policy.h"
#include "engine/finding.h"
#include "engine/rule_info.h"

namespace iamlint::app {

// The checks as rules of their own: SARIF names them in its rule list; their pages are
// rules/checks/<name>.md.
extern const engine::RuleInfo kNoNewAccessCheck;
extern const engine::RuleInfo kAccessNotGrantedCheck;
extern const engine::RuleInfo kNoPublicAccessCheck;

// One finding per delta of compare_access(older, newer): an error where the access is shown to be
// new, a warning where the comparison cannot decide (both fail the check). Findings are in ranges
// of the newer policy's own text (LoadedPolicy::place moves them to its file).
[[nodiscard]] std::vector<engine::Finding> new_access_findings(
    std::span<const analysis::AccessDelta> deltas, const LoadedPolicy& older);

// The grants of `policy` that may allow one of `actions` (names or patterns) on one of
// `resources` (any resource when empty).
[[nodiscard]] std::vector<engine::Finding> granted_findings(const LoadedPolicy& policy,
                                                            std::span<const std::string> actions,
                                                            std::span<const std::string> resources);

// The grants of `policy` open to anyone (analysis::public_grants).
[[nodiscard]] std::vector<engine::Finding> public_findings(const LoadedPolicy& policy);

// For messages: `statement 2 "ReadData"`, or `statement 2` without a Sid.
[[nodiscard]] std::string statement_label(const ast::Statement& statement);

// The actions of a delta, for messages ("2 actions, all Write: s3:DeleteObject, s3:PutObject").
[[nodiscard]] std::string describe_actions(const analysis::AccessDelta& delta);

}  // namespace iamlint::app
