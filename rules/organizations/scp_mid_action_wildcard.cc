// IAM402: a wildcard before the end of an action name in an SCP. Organizations rejected it until
// the September 2025 SCP language update, and Access Analyzer's reference still lists the error,
// so this is a compatibility note, not an error; under --scp-syntax legacy it is an error.
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Offset of the first `*` or `?` in the action name that is not its last character.
std::string_view::size_type inner_wildcard(std::string_view name) {
  std::string_view::size_type at = name.find_first_of("*?");
  return at != std::string_view::npos && at + 1 < name.size() ? at : std::string_view::npos;
}

class ScpMidActionWildcard final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"compatibility", "scp"};
  static constexpr std::string_view kCodes[] = {"SCP_SYNTAX_ERROR_ACTION_WILDCARD"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kScp};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kError,
       "--scp-syntax legacy asks for the SCP language before September 2025, which rejects it"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM402",
      .name = "scp-mid-action-wildcard",
      .level = engine::Level::kNote,
      .other_levels = kOtherLevels,
      .summary =
          "An SCP action has a wildcard before the end of its name, which older SCP rules and "
          "Access Analyzer reject",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    for (const auto* list : {&statement.action, &statement.not_action}) {
      if (!*list) continue;
      for (const ast::Action& action : (*list)->entries) {
        if (!action.has_service()) continue;
        std::string_view::size_type at = inner_wildcard(action.name);
        if (at == std::string_view::npos) continue;
        std::string_view element = (*list)->name.value;
        std::string_view prefix = action.name.substr(0, at);
        if (ctx.policy().scp_syntax == ast::ScpSyntax::kLegacy) {
          ctx.report(action.text.range,
                     "{} \"{}\" has a wildcard before the end of the action name, which SCPs "
                     "before September 2025 reject (--scp-syntax legacy): write \"{}:{}*\" or list "
                     "the actions",
                     element, action.text.value, action.service, prefix)
              .level(engine::Level::kError);
          continue;
        }
        ctx.report(
            action.text.range,
            "{} \"{}\" has a wildcard before the end of the action name; SCPs accept this since "
            "September 2025, but Access Analyzer still reports it as an error and older tooling "
            "rejects it: write \"{}:{}*\" or list the actions if you need that compatibility",
            element, action.text.value, action.service, prefix);
      }
    }
  }
};

IAMLINT_REGISTER_RULE(ScpMidActionWildcard);

}  // namespace
}  // namespace iamlint::rules
