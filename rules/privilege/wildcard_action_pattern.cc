// IAM250: an Allow statement with a partial wildcard ("s3:Put*", "iam:*Policy*"), judged by the
// actions it grants rather than by its shape. A wildcard that names a small family of variants of
// one operation (kms:ReEncrypt*, kms:GenerateDataKey*) is no risk of its own, and a resource
// policy's grant to the owner's (or a trusted) account is the owner's choice (the key
// administrators of a KMS key policy).
#include <algorithm>

#include "analysis/actions.h"
#include "analysis/policy_facts.h"
#include "catalog/action.h"
#include "engine/rule.h"
#include "trusted_accounts.h"

namespace iamlint::rules {
namespace {

// At most this many actions of one access level other than Permissions management: variants of one
// operation (ReEncryptFrom and ReEncryptTo), whose wildcard is shorthand rather than breadth.
constexpr std::size_t kFamilySize = 4;

catalog::AccessLevel level_of(std::uint32_t index) {
  return catalog::Action(index).access_level();
}

// "kms:GenerateDataKey*", "kms:ReEncrypt*", "sqs:SendMessage*": a trailing wildcard after a name
// of two words or more (a verb and what it acts on), matching a few actions of one access level
// other than Permissions management. "sqs:Delete*" fixes only the verb, so its matches
// (DeleteMessage, DeleteQueue) are different operations, however few.
bool is_variant_family(std::string_view name, analysis::Indices granted) {
  if (granted.size() > kFamilySize || !name.ends_with('*')) return false;
  const std::string_view stem = name.substr(0, name.size() - 1);
  if (analysis::is_pattern(stem) ||
      std::count_if(stem.begin(), stem.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) < 2)
    return false;
  const catalog::AccessLevel level = level_of(granted.front());
  return level != catalog::AccessLevel::kPermissionsManagement &&
         std::all_of(granted.begin(), granted.end(),
                     [&](std::uint32_t index) { return level_of(index) == level; });
}

bool manages_permissions(analysis::Indices granted) {
  return std::any_of(granted.begin(), granted.end(), [](std::uint32_t index) {
    return level_of(index) == catalog::AccessLevel::kPermissionsManagement;
  });
}

// The statement is limited to the resources it names: a resource policy to its own resource, an
// identity policy to its Resource entries, unless one of them is "*" or it uses NotResource.
bool names_its_resources(const ast::Statement& statement, ast::PolicyKind kind) {
  if (kind == ast::PolicyKind::kResource) return true;
  if (!statement.resource || statement.not_resource) return false;
  const auto& entries = statement.resource->entries;
  return std::none_of(entries.begin(), entries.end(), [](const ast::Resource& resource) {
    return resource.text.value == "*" || (resource.arn && resource.arn->resource == "*");
  });
}

class WildcardActionPattern final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "least-privilege"};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "PERMISSIONS_MANAGEMENT_ACTIONS"}};
  static constexpr std::string_view kAbsorbs[] = {"IAM203"};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every action the pattern grants only reads (List or Read), or the statement names its "
       "resources and none of the actions manages permissions"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM250",
      .name = "wildcard-action-pattern",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An Allow statement's action wildcard grants actions that change resources or "
          "permissions",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "4.0",
      .equivalents = kEquivalents,
      .judges_grants = true,
      .absorbs = kAbsorbs,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.action || grants_only_to_trusted_accounts(statement, ctx))
      return;
    const bool named_resources = names_its_resources(statement, ctx.kind());
    const auto& entries = statement.action->entries;
    // The expansions the model made of the entries, rather than a lookup of each pattern again.
    const auto expanded = ctx.facts().entry_actions(statement, *statement.action);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::Action& action = entries[i];
      // "*" and "service:*" have rules of their own.
      if (action.name == "*" || !analysis::is_pattern(action.name)) continue;
      const analysis::Indices matched = expanded[i] ? *expanded[i] : analysis::Indices();
      // The catalogue rules report patterns that match nothing; "kms:ReEncrypt*" names variants
      // of one operation: shorthand, not breadth.
      if (matched.empty() || is_variant_family(action.name, matched)) continue;
      const std::vector<std::uint32_t> granted =
          analysis::still_granted(matched, statement, ctx.facts());
      if (granted.empty()) continue;  // a Deny takes them all
      const bool lesser =
          analysis::only_reads(granted) || (named_resources && !manages_permissions(granted));
      ctx.report(action.text.range, "Action \"{}\" allows {}", action.text.value,
                 analysis::describe_grant(granted))
          .level(lesser ? engine::Level::kNote : engine::Level::kWarning);
    }
  }
};

IAMLINT_REGISTER_RULE(WildcardActionPattern);

}  // namespace
}  // namespace iamlint::rules
