// IAM005: a required element is absent: Statement from the policy; Effect,
// Action/NotAction, Resource/NotResource (except in role trust policies) or
// Principal/NotPrincipal (in resource, trust and resource control policies)
// from a statement.
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"
#include "grammar.h"

namespace iamlint::rules {
namespace {

using ast::PolicyKind;

// An ECR repository policy applies to its repository and takes no Resource (AWS's examples leave
// it out), so a resource policy statement whose actions are all ECR actions needs none.
bool acts_only_on_ecr(const ast::Statement& statement) {
  const auto& list = statement.action ? statement.action : statement.not_action;
  return list && !list->entries.empty() &&
         std::all_of(list->entries.begin(), list->entries.end(), [](const ast::Action& action) {
           return catalog::equals_folded(action.service, "ecr");
         });
}

class MissingRequiredElement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"MISSING_STATEMENT", "MISSING_EFFECT",
                                                "MISSING_ACTION", "MISSING_RESOURCE",
                                                "MISSING_PRINCIPAL"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kWarning,
       "a resource policy statement has no Resource and acts on other services than ECR, whose "
       "repository policies need none"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM005",
      .name = "missing-required-element",
      .level = engine::Level::kError,
      .other_levels = kOtherLevels,
      .summary = "A policy or statement lacks an element that its policy type requires",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    json::NodeId statement = doc.find_member(policy.node, "Statement");
    if (statement == json::kNoNode) {
      ctx.report(document::opening_brace(doc.node(policy.node)),
                 "the policy has no Statement; add \"Statement\": [{{\"Effect\": ..., \"Action\": "
                 "..., ...}}]")
          .code("MISSING_STATEMENT");
    } else if (doc.node(statement).is_array() && doc.node(statement).child_count == 0) {
      ctx.report(doc.node(statement).range,
                 "Statement is empty; a policy needs at least one statement")
          .code("MISSING_STATEMENT");
    }
  }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    ByteRange at = document::opening_brace(doc.node(statement.node));
    auto has = [&](std::string_view key) { return document::has_member(doc, statement.node, key); };
    if (!has("Effect")) {
      ctx.report(at,
                 "the statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"")
          .code("MISSING_EFFECT");
    }
    if (!has("Action") && !has("NotAction")) {
      ctx.report(at, "the statement has no Action or NotAction; add the actions it applies to")
          .code("MISSING_ACTION");
    }
    PolicyKind kind = ctx.kind();
    if (kind != PolicyKind::kTrust && !has("Resource") && !has("NotResource")) {
      if (kind == PolicyKind::kResource) {
        // Some services take resource policies without Resource, so without --resource-type this
        // is a warning, not an error; none at all for a statement of ECR actions.
        if (!acts_only_on_ecr(statement))
          ctx.report(at,
                     "the statement has no Resource or NotResource; most resource policies need "
                     "one (ECR repository policies do not): add the resources it applies to")
              .code("MISSING_RESOURCE")
              .level(engine::Level::kWarning);
      } else {
        ctx.report(at,
                   "the statement has no Resource or NotResource; add the resources it applies to "
                   "(\"*\" for all)")
            .code("MISSING_RESOURCE");
      }
    }
    bool needs_principal =
        kind == PolicyKind::kResource || kind == PolicyKind::kTrust || kind == PolicyKind::kRcp;
    if (needs_principal && !has("Principal") && !has("NotPrincipal")) {
      std::string_view fix = kind == PolicyKind::kRcp ? "add \"Principal\": \"*\""
                                                      : "add the principals it applies to";
      ctx.report(at, "the statement of this {} policy has no Principal; {}",
                 ast::policy_kind_name(kind), fix)
          .code("MISSING_PRINCIPAL");
    }
  }
};

IAMLINT_REGISTER_RULE(MissingRequiredElement);

}  // namespace
}  // namespace iamlint::rules
