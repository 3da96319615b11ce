// IAM512: a condition key that a service principal's requests never carry. Only the pair AWS
// documents is known: aws:PrincipalOrgID with cloudfront.amazonaws.com.
#include <array>

#include "engine/rule.h"
#include "trust_principals.h"

namespace iamlint::rules {
namespace {

struct UnsupportedPair {
  std::string_view service;
  std::string_view key;
};

// From the Access Analyzer check reference's example; AWS publishes no full list.
constexpr std::array<UnsupportedPair, 1> kUnsupported = {
    {{"cloudfront.amazonaws.com", "aws:PrincipalOrgID"}}};

class PrincipalKeyForServicePrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM512",
      .name = "principal-key-for-service-principal",
      .level = engine::Level::kError,
      .summary =
          "A statement for a service principal tests a condition key that the service's requests "
          "do not carry",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    trust::for_each_allowed_service(statement, [&](const ast::PrincipalEntry& entry) {
      for (const UnsupportedPair& pair : kUnsupported) {
        if (entry.text.value != pair.service) continue;
        for (const ast::Condition& condition : statement.conditions) {
          if (!catalog::equals_folded(condition.key.value, pair.key)) continue;
          ctx.report(condition.key.range,
                     "\"{}\" is not present in requests from the service principal \"{}\", so the "
                     "condition never matches it; use aws:SourceArn or aws:SourceAccount to "
                     "restrict the service",
                     condition.key.value, entry.text.value)
              .related(entry.text.range, "the service principal");
        }
      }
    });
  }
};

IAMLINT_REGISTER_RULE(PrincipalKeyForServicePrincipal);

}  // namespace
}  // namespace iamlint::rules
