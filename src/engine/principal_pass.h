// The rules that judge what a principal may do with all its policies (Rule::check_principal), run
// once a file's policies are linted: for each user, group and role of an account export or a
// template with two or more identity policies.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "engine/linter.h"
#include "engine/principal_set.h"
#include "input/policy_source.h"

namespace iamlint::engine {

// Which of a file's `policy_count` policies check_principals may judge together, by index: those
// of a principal with two or more (one alone is judged by its own lint). The linter keeps only
// these lowered, so that a large account export holds no more than it needs.
[[nodiscard]] std::vector<bool> used_by_principals(std::span<const input::Principal> principals,
                                                   std::size_t policy_count);

// `lowered` holds, by index of `policies`, the policies the linter lowered; the others that a
// principal uses (kept only for principals, input::PolicyOrigin::linted false) are lowered here.
// Findings are added to `result` at the principal's place in the file, with its logical location.
void check_principals(std::span<const input::Principal> principals,
                      std::span<const input::PolicySource> policies,
                      std::vector<std::unique_ptr<LoweredPolicy>>& lowered,
                      const LintConfig& config, FileResult& result);

}  // namespace iamlint::engine
