// IAM018: the Id element in an identity policy. AWS documents Id as allowed in
// resource-based policies but not in identity-based ones; Access Analyzer has
// no code for it. A warning rather than an error, since whether every IAM API
// rejects it is not documented.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

class IdInIdentityPolicy final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kIdentity};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM018",
      .name = "id-in-identity-policy",
      .level = engine::Level::kWarning,
      .summary = "An identity policy has an Id element, which only resource-based policies support",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_policy(const ast::Policy& policy, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    for (json::NodeId member : doc.children(policy.node)) {
      const json::Node& node = doc.node(member);
      if (node.key() != "Id") continue;
      ctx.report(node.key_range,
                 "Id is supported in resource-based policies only; remove it from this identity "
                 "policy (a Sid can label a statement)");
    }
  }
};

IAMLINT_REGISTER_RULE(IdInIdentityPolicy);

}  // namespace
}  // namespace iamlint::rules
