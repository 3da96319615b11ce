// IAM203: an Allow statement on Resource "*", or on an ARN pattern that names every resource of
// its type, for actions that could be limited to specific resources. Actions that accept only "*"
// (most List and Describe calls) never trigger it; a condition on the resource (its tags, the
// service a role is passed to) limits "*" as ARNs would, and makes the finding a note.
#include <algorithm>

#include "analysis/actions.h"
#include "analysis/condition_facts.h"
#include "analysis/policy_facts.h"
#include "analysis/resource_scope.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// The grant's first condition on what the request acts on, or null: attribute-based access
// control (Resource "*" with a test on aws:ResourceTag) is how AWS documents limiting such grants.
const analysis::ConditionFact* condition_on_resource(const analysis::Grant& grant) {
  for (const analysis::ConditionFact* fact : grant.narrowing_conditions()) {
    if (fact->narrowing == analysis::Narrowing::kResource) return fact;
  }
  return nullptr;
}

class WildcardResource final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"security", "least-privilege"};
  // In a resource policy "*" names the resource the policy is attached to (a KMS key policy must
  // say
  // "*"), and SCPs and RCPs bound other policies rather than grant; only identity policies grant
  // on every resource with it.
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr engine::Equivalent kEquivalents[] = {
      {"Parliament", "RESOURCE_STAR"}, {"Checkov", "CKV_AWS_355"}, {"Checkov", "CKV_AWS_356"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "every action it covers only reads (List or Read), or a condition on the resource (its "
       "tags, "
       "the tags it is created with, the service a role is passed to) limits which ones \"*\" "
       "reaches"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM203",
      .name = "wildcard-resource",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary =
          "An Allow statement applies to every resource, though its actions can be limited to "
          "specific ones",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .security_severity = "5.0",
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
      .judges_grants = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.resource) return;
    // What the statement still allows after the policy's Deny statements.
    const analysis::Grant* grant = ctx.facts().permissions().grant_of(statement);
    if (grant == nullptr) return;
    const catalog::ActionSet scoped = analysis::resource_scoped(grant->allowed());
    if (scoped.empty()) return;
    const auto& resources = statement.resource->entries;
    auto star = std::find_if(resources.begin(), resources.end(), [](const ast::Resource& resource) {
      return resource.text.value == "*";
    });
    if (star != resources.end()) {
      report(ctx, *star, scoped, "Resource \"*\" covers", condition_on_resource(*grant));
      return;
    }
    // An ARN pattern that names every resource of its type is just as unconstrained, unless a
    // condition narrows who may use it or on what (a tag test, a source account, …): naming
    // every resource and narrowing by condition is how AWS writes scoped grants on resources
    // created later.
    if (!grant->narrowing_conditions().empty()) return;
    for (const ast::Resource& resource : resources) {
      const catalog::ActionSet everywhere =
          analysis::reaching_every_resource(resource.text.value, scoped);
      if (everywhere.empty()) continue;
      report(ctx, resource, everywhere,
             fmt::format("Resource \"{}\" names every resource of its type, as \"*\" would, for",
                         resource.text.value),
             nullptr);
    }
  }

 private:
  // Reading everything is a smaller risk than changing it, and a condition on the resource limits
  // the grant as ARNs would: say so, but as a note.
  static void report(engine::RuleContext& ctx, const ast::Resource& resource,
                     const catalog::ActionSet& actions, std::string_view subject,
                     const analysis::ConditionFact* limit) {
    ctx.report(resource.text.range, "{} actions that can be limited to specific resources: {}; {}",
               subject, analysis::describe_grant(actions),
               limit ? fmt::format("the condition {} limits which ones",
                                   analysis::describe(*limit->condition))
                     : std::string("name their resources' ARNs instead"))
        .level(limit || analysis::only_reads(actions) ? engine::Level::kNote
                                                      : engine::Level::kWarning);
  }
};

IAMLINT_REGISTER_RULE(WildcardResource);

}  // namespace
}  // namespace iamlint::rules
