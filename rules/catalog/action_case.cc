// IAM158: an action written in another letter case than its service documents it
// ("S3:getobject" for "s3:GetObject"), or a wildcard pattern whose service prefix is not lower
// case ("EC2:Describe*"). IAM ignores the case; people and tools that search policies do not.
#include <optional>
#include <string>

#include <fmt/core.h>

#include "catalog/action.h"
#include "catalog/glob.h"
#include "catalog/service.h"
#include "engine/fix_edits.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

constexpr std::string_view kTags[] = {"style", "catalog"};

// How the catalogue spells the entry, or nothing when it already does (or does not know it). A
// wildcard pattern keeps its name part as written: only its service prefix has one spelling.
std::optional<std::string> documented_spelling(const ast::Action& action) {
  if (!action.has_service()) return std::nullopt;
  if (!catalog::has_wildcard(action.text.value)) {
    const std::optional<catalog::Action> known = catalog::find_action(action.text.value);
    if (!known) return std::nullopt;
    std::string spelling = known->qualified_name();
    return spelling == action.text.value ? std::nullopt : std::optional(spelling);
  }
  const std::optional<catalog::Service> service = catalog::find_service(action.service);
  if (!service || service->prefix() == action.service) return std::nullopt;
  return fmt::format("{}:{}", service->prefix(), action.name);
}

class ActionCase final : public engine::Rule {
 public:
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM158",
      .name = "action-case",
      .level = engine::Level::kNote,
      .summary = "An action is written in another letter case than its service documents it",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .fixable = true,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (!*list) continue;
      for (const ast::Action& action : (*list)->entries) {
        const std::optional<std::string> spelling = documented_spelling(action);
        if (!spelling) continue;
        // Safe: IAM compares actions without regard to case, so the policy means the same.
        ctx.report(action.text.range,
                   "\"{}\" is written \"{}\" in the service's documentation; IAM ignores the "
                   "case, but one spelling keeps policies easy to search and compare",
                   action.text.value, *spelling)
            .fix({.description = fmt::format("Write \"{}\"", *spelling),
                  .edits = {engine::replace_string(action.text.range, *spelling)}});
      }
    }
  }
};

IAMLINT_REGISTER_RULE(ActionCase);

}  // namespace
}  // namespace iamlint::rules
