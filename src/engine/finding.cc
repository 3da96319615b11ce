#include "engine/finding.h"

#include <tuple>

namespace iamlint::engine {

bool finding_order(const Finding& a, const Finding& b) {
  return std::tie(a.range.begin, a.range.end, a.rule->id, a.message) <
         std::tie(b.range.begin, b.range.end, b.rule->id, b.message);
}

}  // namespace iamlint::engine
