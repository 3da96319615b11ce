#include "engine/rule_info.h"

#include <algorithm>

namespace iamlint::engine {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kNote:
      return "note";
  }
  return "warning";
}

std::optional<Level> parse_level(std::string_view name) {
  for (Level level : {Level::kError, Level::kWarning, Level::kNote}) {
    if (level_name(level) == name) return level;
  }
  return std::nullopt;
}

std::string_view precision_name(Precision precision) {
  switch (precision) {
    case Precision::kVeryHigh:
      return "very-high";
    case Precision::kHigh:
      return "high";
    case Precision::kMedium:
      return "medium";
    case Precision::kLow:
      return "low";
  }
  return "high";
}

bool RuleInfo::applies_to(ast::PolicyKind kind,
                          std::optional<ast::AttachedResource> attached) const {
  if (judges_grants && ast::limits_only(kind, attached)) return false;
  auto listed = [this](ast::PolicyKind k) {
    return std::find(policy_kinds.begin(), policy_kinds.end(), k) != policy_kinds.end();
  };
  return policy_kinds.empty() || listed(kind) || listed(ast::grammar_of(kind));
}

bool RuleInfo::reports_level(Level candidate) const {
  return candidate == level ||
         std::any_of(other_levels.begin(), other_levels.end(),
                     [&](const LevelCase& other) { return other.level == candidate; });
}

}  // namespace iamlint::engine
