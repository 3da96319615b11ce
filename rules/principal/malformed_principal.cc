// IAM050: a Principal that is neither "*" nor a map of the four principal types, or a principal
// value with a partial wildcard.
#include <algorithm>

#include "catalog/ascii.h"
#include "engine/rule.h"
#include "principal_elements.h"

namespace iamlint::rules {
namespace {

// The valid key that differs only in case, or empty.
std::string_view key_spelling(std::string_view key) {
  for (std::string_view valid : principal::kPrincipalKeys) {
    if (catalog::equals_folded(key, valid)) return valid;
  }
  return {};
}

class MalformedPrincipal final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal"};
  static constexpr std::string_view kCodes[] = {"INVALID_PRINCIPAL_FORMAT", "INVALID_PRINCIPAL_KEY",
                                                "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "UNKNOWN_PRINCIPAL"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM050",
      .name = "malformed-principal",
      .level = engine::Level::kError,
      .summary =
          "A Principal is not \"*\" or a map of AWS, CanonicalUser, Federated and Service, or a "
          "principal value has a partial wildcard",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    principal::for_each_principal_element(
        statement, [&](const ast::Principal& p, std::string_view element) {
          check_shape(p, element, ctx);
          for (const ast::PrincipalEntry& entry : p.entries) {
            std::string_view value = entry.text.value;
            if (value == "*" || value.find_first_of("*?") == std::string_view::npos) continue;
            ctx.report(entry.text.range,
                       "{} value \"{}\" has a wildcard inside it; IAM matches principals exactly, "
                       "and \"*\" is allowed only as the whole value: name each principal, or "
                       "narrow \"*\" with a condition such as aws:PrincipalArn",
                       element, value)
                .code("UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
          }
        });
  }

 private:
  static void check_shape(const ast::Principal& p, std::string_view element,
                          engine::RuleContext& ctx) {
    const json::Document& doc = ctx.json();
    const json::Node& node = doc.node(p.node);
    if (node.opaque) return;  // a CloudFormation intrinsic function: known at deployment
    if (node.is_string()) {
      if (node.text() == "*") return;
      ctx.report(node.range, "{} \"{}\" must be \"*\" or an object such as {{\"AWS\": \"{}\"}}",
                 element, node.text(), node.text())
          .code("INVALID_PRINCIPAL_FORMAT");
    } else if (node.is_object()) {
      for (json::NodeId member : doc.children(p.node)) {
        const json::Node& m = doc.node(member);
        if (std::find(principal::kPrincipalKeys.begin(), principal::kPrincipalKeys.end(),
                      m.key()) != principal::kPrincipalKeys.end()) {
          continue;
        }
        std::string_view fix = key_spelling(m.key());
        if (!fix.empty()) {
          ctx.report(m.key_range, "{} key \"{}\" is case-sensitive: write \"{}\"", element, m.key(),
                     fix)
              .code("INVALID_PRINCIPAL_KEY");
        } else {
          ctx.report(m.key_range,
                     "{} key \"{}\" is not a principal type; use \"AWS\", \"Service\", "
                     "\"Federated\" or \"CanonicalUser\"",
                     element, m.key())
              .code("INVALID_PRINCIPAL_KEY");
        }
      }
    } else if (!(node.is_array() && node.child_count == 0)) {  // [] is empty-principal's finding
      ctx.report(node.range,
                 "{} must be \"*\" or an object such as {{\"AWS\": [...]}}, not a JSON {}", element,
                 json::kind_name(node.kind))
          .code("INVALID_PRINCIPAL_FORMAT");
    }
  }
};

IAMLINT_REGISTER_RULE(MalformedPrincipal);

}  // namespace
}  // namespace iamlint::rules
