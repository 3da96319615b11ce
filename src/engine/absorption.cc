#include "engine/absorption.h"

#include <algorithm>

namespace iamlint::engine {
namespace {

bool absorbs(const RuleInfo& broad, const RuleInfo& narrow) {
  return std::find(broad.absorbs.begin(), broad.absorbs.end(), narrow.id) != broad.absorbs.end();
}

}  // namespace

std::optional<std::uint32_t> Absorption::statement_at(ByteRange range) const {
  if (policy_ == nullptr) return std::nullopt;
  // Statements are in source order.
  const auto& statements = policy_->statements;
  auto after = std::upper_bound(
      statements.begin(), statements.end(), range.begin,
      [](std::size_t offset, const ast::Statement& s) { return offset < s.range.begin; });
  if (after == statements.begin()) return std::nullopt;
  const ast::Statement& statement = *std::prev(after);
  if (range.end > statement.range.end) return std::nullopt;
  return statement.index;
}

bool Absorption::absorbed(const RuleInfo& rule, ByteRange range) const {
  if (broad_.empty()) return false;
  std::optional<std::uint32_t> statement = statement_at(range);
  if (!statement) return false;
  auto it = broad_.find(*statement);
  return it != broad_.end() &&
         std::any_of(it->second.begin(), it->second.end(),
                     [&](const RuleInfo* broad) { return absorbs(*broad, rule); });
}

void Absorption::add(const RuleInfo& rule, ByteRange range, std::vector<Finding>& findings,
                     std::size_t first) {
  if (rule.absorbs.empty()) return;
  std::optional<std::uint32_t> statement = statement_at(range);
  if (!statement) return;
  std::vector<const RuleInfo*>& broad = broad_[*statement];
  // A rule that reports again in the statement has nothing left to absorb there: its first
  // finding removed the earlier narrow ones and absorbed() turns away the later ones. Returning
  // keeps a statement of many "*" entries linear in its findings.
  if (std::find(broad.begin(), broad.end(), &rule) != broad.end()) return;
  broad.push_back(&rule);
  findings.erase(
      std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(),
                     [&](const Finding& finding) {
                       return absorbs(rule, *finding.rule) &&
                              statement_at(finding.range) == statement;
                     }),
      findings.end());
}

}  // namespace iamlint::engine
