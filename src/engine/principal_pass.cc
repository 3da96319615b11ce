#include "engine/principal_pass.h"

#include <algorithm>

#include "ast/lower.h"
#include "engine/rule.h"

namespace iamlint::engine {
namespace {

// The policy at `index`, lowered now if the linter did not (a policy kept only for principals);
// null when it cannot be read as a policy, whose own lint says why.
LoweredPolicy* lowered_at(std::span<const input::PolicySource> policies,
                          std::vector<std::unique_ptr<LoweredPolicy>>& lowered, std::size_t index) {
  if (lowered[index]) return lowered[index].get();
  const input::PolicySource& source = policies[index];
  if (source.origin.linted || !source.json->parsed() ||
      too_many_statements(source.json->doc(), source.root)) {
    return nullptr;
  }
  std::optional<ast::Policy> policy =
      ast::lower_policy(source.json->doc(), source.root, source.origin.kind);
  if (!policy) return nullptr;
  lowered[index] = std::make_unique<LoweredPolicy>(std::move(*policy));
  return lowered[index].get();
}

// The entries check_principals may judge (a principal's trust policy describes who may assume it,
// not what it may do).
bool judged(const input::PrincipalPolicy& entry) {
  return entry.policy && entry.attachment != input::Attachment::kTrust;
}

}  // namespace

std::vector<bool> used_by_principals(std::span<const input::Principal> principals,
                                     std::size_t policy_count) {
  std::vector<bool> used(policy_count, false);
  for (const input::Principal& principal : principals) {
    const auto judged_count =
        std::count_if(principal.policies.begin(), principal.policies.end(), judged);
    if (judged_count < 2) continue;
    for (const input::PrincipalPolicy& entry : principal.policies) {
      if (judged(entry)) used[*entry.policy] = true;
    }
  }
  return used;
}

void check_principals(std::span<const input::Principal> principals,
                      std::span<const input::PolicySource> policies,
                      std::vector<std::unique_ptr<LoweredPolicy>>& lowered,
                      const LintConfig& config, FileResult& result) {
  for (const input::Principal& principal : principals) {
    std::vector<PrincipalMember> members;
    LoweredPolicy* boundary = nullptr;
    for (const input::PrincipalPolicy& entry : principal.policies) {
      if (!judged(entry)) continue;
      LoweredPolicy* policy = lowered_at(policies, lowered, *entry.policy);
      if (policy == nullptr) continue;
      if (entry.attachment == input::Attachment::kBoundary) {
        boundary = policy;
      } else if (policy->policy.kind == ast::PolicyKind::kIdentity) {
        members.push_back({.entry = &entry, .source = &policies[*entry.policy], .lowered = policy});
      }
    }
    // One policy alone is judged by its own lint.
    if (members.size() < 2) continue;
    const PrincipalSet set(principal, std::move(members), boundary);
    const std::size_t first = result.findings.size();
    {
      RuleContext ctx(
          result.source.text, nullptr, nullptr, nullptr,
          {result.findings, result.omitted_findings, result.omitted_level, kMaxFindingsPerFile},
          config.trusted);
      for (const Rule* rule : config.rules) {
        ctx.set_rule(&rule->info());
        rule->check_principal(set, ctx);
      }
    }
    for (std::size_t i = first; i < result.findings.size(); ++i) {
      result.findings[i].logical_location = principal.location;
    }
  }
}

}  // namespace iamlint::engine
