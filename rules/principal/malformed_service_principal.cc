// IAM052: a Service principal that is not a service's DNS-style name such as ec2.amazonaws.com.
#include <re2/re2.h>

#include "engine/rule.h"
#include "principal_elements.h"

namespace iamlint::rules {
namespace {

// Lowercase DNS labels under the domains AWS service principals use: amazonaws.com (also
// Regional names such as logs.us-east-1.amazonaws.com), amazonaws.com.cn in China, and the few
// under amazon.com (alexa-appkit.amazon.com) or aws.internal.
bool is_service_principal(std::string_view value) {
  static const RE2 kPattern(
      R"([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com|aws\.internal))");
  return RE2::FullMatch(value, kPattern);
}

class MalformedServicePrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal"};
  static constexpr std::string_view kCodes[] = {"INVALID_SERVICE_PRINCIPAL_FORMAT"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM052",
      .name = "malformed-service-principal",
      .level = engine::Level::kError,
      .summary = "A Service principal is not a service name such as ec2.amazonaws.com",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    principal::for_each_principal_element(
        statement, [&](const ast::Principal& p, std::string_view element) {
          for (const ast::PrincipalEntry& entry : p.entries) {
            std::string_view value = entry.text.value;
            // Wildcards are malformed-principal's finding.
            if (entry.type != ast::PrincipalType::kService ||
                value.find_first_of("*?") != std::string_view::npos) {
              continue;
            }
            if (is_service_principal(value)) continue;
            ctx.report(entry.text.range,
                       "{} service \"{}\" is not a service principal; write the service's name in "
                       "lowercase, usually <service>.amazonaws.com (e.g. \"lambda.amazonaws.com\")",
                       element, value);
          }
        });
  }
};

IAMLINT_REGISTER_RULE(MalformedServicePrincipal);

}  // namespace
}  // namespace iamlint::rules
