// One finding per problem: a rule's broad finding in a statement absorbs the narrower findings of
// the rules it names in RuleInfo::absorbs, in the same statement, whichever is reported first.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "ast/policy.h"
#include "engine/finding.h"

namespace iamlint::engine {

class Absorption {
 public:
  // `policy` is null for files that hold none: then nothing is absorbed.
  explicit Absorption(const ast::Policy* policy) : policy_(policy) {}

  // Whether a finding of `rule` at `range` says less than one already reported in its statement.
  [[nodiscard]] bool absorbed(const RuleInfo& rule, ByteRange range) const;
  // Records a finding of `rule` at `range` before it is added to `findings`, and leaves out the
  // findings of its statement that it absorbs. Only findings from `first` on are this policy's:
  // those before belong to other policies of the file, and are already placed in it.
  void add(const RuleInfo& rule, ByteRange range, std::vector<Finding>& findings,
           std::size_t first);

 private:
  // The statement whose range holds `range`, or nullopt outside every statement.
  [[nodiscard]] std::optional<std::uint32_t> statement_at(ByteRange range) const;

  const ast::Policy* policy_;
  // The rules with an absorbs list that reported, by statement.
  std::unordered_map<std::uint32_t, std::vector<const RuleInfo*>> broad_;
};

}  // namespace iamlint::engine
