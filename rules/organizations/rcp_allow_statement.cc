// IAM404: an Allow statement in an RCP that is not the pass-through shape of RCPFullAWSAccess
// ("Principal": "*", "Resource": "*", no Condition), the only Allow that Organizations accepts.
#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule.h"
#include "organizations/statement_member.h"

namespace iamlint::rules {
namespace {

bool is_every_resource(const ast::Statement& statement) {
  if (!statement.resource || statement.not_resource) return false;
  const auto& entries = statement.resource->entries;
  return !entries.empty() &&
         std::all_of(entries.begin(), entries.end(),
                     [](const ast::Resource& r) { return r.text.value == "*"; });
}

class RcpAllowStatement final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "rcp"};
  static constexpr std::string_view kCodes[] = {"RCP_SYNTAX_ERROR_ALLOW"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kRcp};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM404",
      .name = "rcp-allow-statement",
      .level = engine::Level::kError,
      .summary =
          "A resource control policy has an Allow statement other than \"Principal\": \"*\" on "
          "\"Resource\": \"*\" without a Condition",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.allows() || !statement.effect_text) return;
    std::vector<std::string_view> problems;
    if (!is_every_resource(statement)) problems.emplace_back("its Resource is not \"*\"");
    statement_member::for_each(ctx.json(), statement, "Condition", [&](const json::Node&) {
      problems.emplace_back("it has a Condition");
    });
    if (problems.empty()) return;
    std::string why(problems.front());
    if (problems.size() > 1) why += fmt::format(" and {}", problems[1]);
    ctx.report(
        statement.effect_text->range,
        "an RCP accepts Allow only as the pass-through \"Principal\": \"*\" on \"Resource\": \"*\" "
        "without a Condition, but {}; RCPs cannot grant access: write it as a Deny of what must "
        "not happen",
        why);
  }
};

IAMLINT_REGISTER_RULE(RcpAllowStatement);

}  // namespace
}  // namespace iamlint::rules
