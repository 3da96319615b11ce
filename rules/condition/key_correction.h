// The fix of a condition key that names no key, where the catalogue says for certain which key
// was meant. Shared by unknown-global-condition-key (IAM305) and unknown-service-condition-key
// (IAM350).
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "ast/policy.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/suggest.h"
#include "condition/operator_family.h"
#include "engine/finding.h"
#include "engine/fix_edits.h"
#include "json/document.h"

namespace iamlint::rules::condition_keys {

// Whether the best of `ranked` (suggestions for `written`, best first, at least two asked for) is
// certainly the key meant: a likely typo of it (catalog::is_likely_typo), and the next best not.
inline bool certainly_meant(std::string_view written, const std::vector<std::string>& ranked) {
  return !ranked.empty() && catalog::is_likely_typo(written, ranked[0]) &&
         (ranked.size() == 1 || !catalog::is_likely_typo(written, ranked[1]));
}

// Writes `meant` for the condition's key. Unsafe: requests carry the key meant and never the one
// written, so the condition starts to hold or fail where it did not, and the statement applies
// differently. None when the operator already tests a key of that name (keys are compared
// case-insensitively): the rename would write it twice; and none when the operator does not compare
// the meant key's type (StringEquals on aws:SecureTransport): the fix would only trade one finding
// for another (IAM355).
inline std::optional<engine::Fix> replace_key(const ast::Condition& condition,
                                              std::string_view meant, const json::Document& doc) {
  const std::optional<catalog::ConditionKey> known = catalog::find_condition_key(meant);
  if (known && !operators::compares(operators::family_of(condition.op), known->type(), meant))
    return std::nullopt;
  for (json::NodeId sibling : doc.children(doc.node(condition.key.node).parent)) {
    if (catalog::equals_folded(doc.node(sibling).key(), meant)) return std::nullopt;
  }
  return engine::Fix{.description = fmt::format("Replace with \"{}\"", meant),
                     .edits = {engine::replace_string(condition.key.range, meant)},
                     .safe = false};
}

}  // namespace iamlint::rules::condition_keys
