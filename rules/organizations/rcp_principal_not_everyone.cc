// IAM403: an RCP statement whose Principal is not "*", or that has NotPrincipal: AWS Organizations
// accepts only "Principal": "*" in resource control policies.
#include "engine/rule.h"
#include "organizations/statement_member.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kNarrowHint =
    "narrow who is affected with a Condition instead, e.g. on aws:PrincipalOrgID or "
    "aws:PrincipalArn";

class RcpPrincipalNotEveryone final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "rcp"};
  static constexpr std::string_view kCodes[] = {"RCP_SYNTAX_ERROR_PRINCIPAL"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kRcp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM403",
      .name = "rcp-principal-not-everyone",
      .level = engine::Level::kError,
      .summary =
          "A resource control policy statement has a Principal other than \"*\", a NotPrincipal, "
          "or no Principal",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    bool has_principal = false;
    statement_member::for_each(doc, statement, "Principal", [&](const json::Node& member) {
      has_principal = true;
      if (member.is_string() && member.text() == "*") return;
      ctx.report(member.range, "an RCP statement must use \"Principal\": \"*\"; {}", kNarrowHint);
    });
    statement_member::for_each(doc, statement, "NotPrincipal", [&](const json::Node& member) {
      has_principal = true;
      ctx.report(member.key_range,
                 "NotPrincipal is not supported in a resource control policy; write \"Principal\": "
                 "\"*\" and {}",
                 kNarrowHint);
    });
    if (has_principal) return;
    ByteRange opening{statement.range.begin, statement.range.begin + 1};
    ctx.report(opening,
               "this RCP statement has no Principal; add \"Principal\": \"*\", which RCPs require");
  }
};

IAMLINT_REGISTER_RULE(RcpPrincipalNotEveryone);

}  // namespace
}  // namespace iamlint::rules
