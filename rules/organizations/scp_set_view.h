// The set an SCP is judged in (engine/scp_set.h): the SCPs linted together with it, or the SCP
// alone. The SCP-set rules ask one model either way, so that a lone file and a set mean the same.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "analysis/permission_model.h"
#include "engine/rule_context.h"

namespace iamlint::rules {

struct ScpSetView {
  const analysis::PermissionModel* model = nullptr;
  std::size_t origin = 0;               // the file being linted
  const engine::ScpSet* set = nullptr;  // null: the file alone
  std::string_view own_text;

  // The model's statement for one of this file's statements (matched by position: in a set the
  // model was built from its own parse of the file), or nullptr for a malformed one.
  template <class Kind>
  [[nodiscard]] const Kind* find(std::span<const Kind> statements,
                                 const ast::Statement& statement) const {
    auto it = std::find_if(statements.begin(), statements.end(), [&](const Kind& s) {
      return s.origin == origin && s.statement->index == statement.index;
    });
    return it == statements.end() ? nullptr : &*it;
  }

  // Where a statement of the set is, for messages: "deny_all.json:12 (DenyAll)" in another file,
  // "line 12 (DenyAll)" in this one.
  [[nodiscard]] std::string where(const analysis::ModelStatement& s) const {
    const std::string_view text = set ? set->texts[s.origin] : own_text;
    const auto end = text.begin() + std::min<std::size_t>(s.statement->range.begin, text.size());
    const auto line = 1 + std::count(text.begin(), end, '\n');
    std::string out = set && s.origin != origin ? fmt::format("{}:{}", set->paths[s.origin], line)
                                                : fmt::format("line {}", line);
    if (s.statement->sid && !s.statement->sid->value.empty())
      out += fmt::format(" ({})", s.statement->sid->value);
    return out;
  }
};

inline ScpSetView scp_set_view(engine::RuleContext& ctx) {
  if (const engine::ScpSetMember* member = ctx.scp_set())
    return {member->set->model, member->origin, member->set, ctx.source_text()};
  return {&ctx.facts().permissions(), 0, nullptr, ctx.source_text()};
}

}  // namespace iamlint::rules
