#include "analysis/principal_scope.h"

#include <algorithm>

#include "catalog/ascii.h"
#include "engine/trusted_parties.h"

namespace iamlint::analysis {
namespace {

using engine::is_account_id;

bool is_everyone(const ast::PrincipalEntry& entry) {
  return entry.type == ast::PrincipalType::kAws && entry.text.value == "*";
}

// One side holds or meets the other: for NotPrincipal, an entry that touches a principal
// excludes at least part of it.
bool related(const ast::PrincipalEntry& a, const ast::PrincipalEntry& b) {
  return principal_contains(a, b) || principal_contains(b, a);
}

// Whether NotPrincipal entries `excluded` leave out every one of `listed`.
bool excludes_all(std::span<const ast::PrincipalEntry> excluded,
                  std::span<const ast::PrincipalEntry> listed) {
  return std::all_of(listed.begin(), listed.end(), [&](const ast::PrincipalEntry& entry) {
    return std::any_of(excluded.begin(), excluded.end(),
                       [&](const ast::PrincipalEntry& x) { return principal_contains(x, entry); });
  });
}

}  // namespace

bool is_account(const ast::PrincipalEntry& entry) {
  if (entry.type != ast::PrincipalType::kAws) return false;
  if (is_account_id(entry.text.value)) return true;
  std::optional<ast::Arn> arn = ast::split_arn(entry.text.value);
  return arn && arn->resource == "root" && is_account_id(arn->account);
}

std::string_view account_of(const ast::PrincipalEntry& entry) {
  if (entry.type != ast::PrincipalType::kAws) return {};
  if (is_account_id(entry.text.value)) return entry.text.value;
  std::optional<ast::Arn> arn = ast::split_arn(entry.text.value);
  return arn && is_account_id(arn->account) ? arn->account : std::string_view();
}

bool principal_contains(const ast::PrincipalEntry& outer, const ast::PrincipalEntry& inner) {
  if (outer.type != inner.type) return false;
  if (outer.type == ast::PrincipalType::kService || outer.type == ast::PrincipalType::kFederated) {
    return catalog::equals_folded(outer.text.value, inner.text.value);
  }
  if (outer.text.value == inner.text.value || is_everyone(outer)) return true;
  return is_account(outer) && !account_of(inner).empty() && account_of(outer) == account_of(inner);
}

PrincipalScope::PrincipalScope(const ast::Statement& statement) {
  if (statement.principal) {
    entries_ = statement.principal->entries;
    const bool everyone = statement.principal->is_wildcard ||
                          std::any_of(entries_.begin(), entries_.end(), is_everyone);
    form_ = everyone ? Form::kEveryone : Form::kListed;
  } else if (statement.not_principal) {
    entries_ = statement.not_principal->entries;
    form_ = Form::kAllBut;
  }
}

bool PrincipalScope::covers(const PrincipalScope& other) const {
  switch (form_) {
    case Form::kEveryone:
      return true;
    case Form::kHolder:
      return other.form_ == Form::kHolder;
    case Form::kListed:
      return other.form_ == Form::kListed &&
             std::all_of(other.entries_.begin(), other.entries_.end(),
                         [&](const ast::PrincipalEntry& theirs) {
                           return std::any_of(entries_.begin(), entries_.end(),
                                              [&](const ast::PrincipalEntry& mine) {
                                                return principal_contains(mine, theirs);
                                              });
                         });
    case Form::kAllBut:
      if (other.form_ == Form::kListed) {
        return std::all_of(
            other.entries_.begin(), other.entries_.end(), [&](const ast::PrincipalEntry& theirs) {
              return std::none_of(
                  entries_.begin(), entries_.end(),
                  [&](const ast::PrincipalEntry& excluded) { return related(excluded, theirs); });
            });
      }
      // Everyone but X covers everyone but Z when each of X is inside Z.
      return other.form_ == Form::kAllBut &&
             std::all_of(entries_.begin(), entries_.end(), [&](const ast::PrincipalEntry& mine) {
               return std::any_of(other.entries_.begin(), other.entries_.end(),
                                  [&](const ast::PrincipalEntry& theirs) {
                                    return principal_contains(theirs, mine);
                                  });
             });
  }
  return false;
}

bool PrincipalScope::overlaps(const PrincipalScope& other) const {
  if (form_ != Form::kListed || other.form_ != Form::kListed) {
    // Everyone, the holder and "all but a few" meet any other scope, except a list wholly
    // excluded by a NotPrincipal.
    if (form_ == Form::kAllBut && other.form_ == Form::kListed)
      return !excludes_all(entries_, other.entries_);
    if (other.form_ == Form::kAllBut && form_ == Form::kListed)
      return !excludes_all(other.entries_, entries_);
    return true;
  }
  return std::any_of(entries_.begin(), entries_.end(), [&](const ast::PrincipalEntry& mine) {
    return std::any_of(other.entries_.begin(), other.entries_.end(),
                       [&](const ast::PrincipalEntry& theirs) { return related(mine, theirs); });
  });
}

}  // namespace iamlint::analysis
