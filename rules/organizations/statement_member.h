// The members of a statement as written, for SCP and RCP grammar checks that must see an element
// whatever its JSON type (the typed view leaves values of the wrong type out).
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <string_view>

#include "ast/policy.h"
#include "json/document.h"

namespace iamlint::rules::statement_member {

// Calls `visit(node)` for each member of the statement named exactly `name`, duplicates included.
template <class Visit>
void for_each(const json::Document& doc, const ast::Statement& statement, std::string_view name,
              Visit visit) {
  if (statement.node == json::kNoNode) return;
  for (json::NodeId member : doc.children(statement.node)) {
    if (doc.node(member).key() == name) visit(doc.node(member));
  }
}

}  // namespace iamlint::rules::statement_member
