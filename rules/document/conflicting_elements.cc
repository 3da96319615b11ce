// IAM009: a statement has both an element and its Not form (Action and
// NotAction, Principal and NotPrincipal, Resource and NotResource); they are
// mutually exclusive and IAM rejects the policy.
#include <array>
#include <utility>

#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kExclusive = {{
    {"Action", "NotAction"},
    {"Principal", "NotPrincipal"},
    {"Resource", "NotResource"},
}};

class ConflictingElements final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness"};
  static constexpr std::string_view kCodes[] = {"UNSUPPORTED_ELEMENT_COMBINATION"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "MALFORMED"},
                                                        {"cfn-lint", "E3510"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM009",
      .name = "conflicting-elements",
      .level = engine::Level::kError,
      .summary = "A statement has both an element and its Not form",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    const json::Document& doc = ctx.json();
    for (const auto& [positive, negative] : kExclusive) {
      json::NodeId first = doc.find_member(statement.node, positive);
      json::NodeId second = doc.find_member(statement.node, negative);
      if (first == json::kNoNode || second == json::kNoNode) continue;
      if (second < first) std::swap(first, second);  // node ids follow source order
      const json::Node& later = doc.node(second);
      const json::Node& earlier = doc.node(first);
      ctx.report(later.key_range,
                 "{} and {} cannot be combined in one statement; keep one of them (or split the "
                 "statement in two)",
                 earlier.key(), later.key())
          .related(earlier.key_range, fmt::format("{} is here", earlier.key()));
    }
  }
};

IAMLINT_REGISTER_RULE(ConflictingElements);

}  // namespace
}  // namespace iamlint::rules
