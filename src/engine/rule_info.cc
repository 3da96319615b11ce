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

bool RuleInfo::applies_to(ast::PolicyKind kind) const {
  return policy_kinds.empty() ||
         std::find(policy_kinds.begin(), policy_kinds.end(), kind) != policy_kinds.end();
}

}  // namespace iamlint::engine
