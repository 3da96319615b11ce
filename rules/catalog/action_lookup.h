// What the catalogue says about one Action or NotAction entry, shared by the catalog family's
// unknown-service, unknown-action and catalogue-gap rules so that they agree on which entry is
// whose.
//
// The catalogue is a snapshot, and AWS keeps adding (and retiring) actions, so "not in the
// catalogue" alone does not make an entry wrong. An entry counts as a mistake only on evidence of
// one: a close spelling of a name the catalogue knows, an API operation written for its
// permission, the beginning of several action names with the `*` left out (s3:Put), or a string
// that cannot be an action at all (an ARN). Anything else is a catalogue gap, which its own rule
// reports as a warning.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/policy_facts.h"
#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/action_pattern.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/service.h"
#include "catalog/suggest.h"
#include "engine/fix_edits.h"
#include "join.h"
#include "support/memo.h"

namespace iamlint::rules::catalog_lookup {

enum class Problem : uint8_t {
  kNone,            // a known action or pattern, "*", or a syntax error other rules own
  kUnknownService,  // the service prefix is not in the catalogue
  kNoMatch,  // the service is known, but no action of it has this name (or matches this pattern)
};

struct Diagnosis {
  Problem problem = Problem::kNone;
  // A mistake rather than a catalogue gap: see the header comment.
  bool mistake = false;
  bool api_name = false;  // an API operation (s3:HeadObject), suggestions are its permissions
  bool arn = false;       // an ARN written in Action
  // The name begins several action names (s3:Put): a `*` left out; suggestions is "s3:Put*" and
  // prefixed_actions how many actions it would name.
  bool missing_wildcard = false;
  std::size_t prefixed_actions = 0;
  bool pattern = false;                  // the name holds * or ?
  std::vector<std::string> suggestions;  // "service:Name" or, for a pattern's service, "service"
};

// The memory a Diagnosis owns, for its memo's byte limit (support/memo.h).
inline std::size_t heap_bytes(const Diagnosis& diagnosis) {
  return iamlint::heap_bytes(diagnosis.suggestions);
}

using catalog::has_wildcard;

inline std::string_view name_of(std::string_view qualified) {
  return qualified.substr(qualified.find(':') + 1);
}

// Close services under which the same name (or pattern) exists: the evidence that an unknown
// prefix is a typo. A close service without the action may be a new service, so it is no evidence.
inline void diagnose_service(const ast::Action& action, Diagnosis& out) {
  if (action.text.value.starts_with("arn:")) {
    out.mistake = out.arn = true;
    return;
  }
  for (const std::string& other : catalog::suggest_services(action.service)) {
    if (!catalog::is_likely_typo(action.service, other)) continue;
    std::string candidate = other + ":" + std::string(action.name);
    auto matches = catalog::expand_action_pattern(candidate);
    if (!matches || matches->empty()) continue;
    if (out.pattern) {
      out.suggestions.push_back(std::move(candidate));
    } else {
      // The catalogue's spelling of the name, not the one written.
      out.suggestions.push_back(catalog::Action(matches->front()).qualified_name());
    }
  }
  out.mistake = !out.suggestions.empty();
}

// "s3:Put" or "iam:List": no action has the name, but it begins several of them, so a `*` was
// almost certainly left out. One match is not enough: that name is a typo or a newer action.
inline void diagnose_missing_wildcard(const ast::Action& action, Diagnosis& out) {
  if (action.name.empty()) return;
  std::string widened = std::string(action.text.value) + "*";
  auto matches = catalog::expand_action_pattern(widened);
  if (!matches || matches->size() < 2) return;
  out.missing_wildcard = true;
  out.prefixed_actions = matches->size();
  out.suggestions.push_back(std::move(widened));
}

inline void diagnose_name(const ast::Action& action, Diagnosis& out) {
  for (std::string_view permission : catalog::permissions_for_operation(action.text.value)) {
    out.suggestions.emplace_back(permission);
  }
  if (!out.suggestions.empty()) {
    out.mistake = out.api_name = true;
    return;
  }
  for (std::string& suggestion : catalog::suggest_actions(action.text.value)) {
    if (catalog::is_likely_typo(action.name, name_of(suggestion)))
      out.suggestions.push_back(std::move(suggestion));
  }
  if (out.suggestions.empty() && !out.pattern) diagnose_missing_wildcard(action, out);
  out.mistake = !out.suggestions.empty();
}

inline Diagnosis diagnose_uncached(const ast::Action& action) {
  Diagnosis out;
  auto matches = catalog::expand_action_pattern(action.text.value);
  if (matches && !matches->empty()) return out;
  out.pattern = has_wildcard(action.name);
  if (!matches) {
    if (matches.error() != catalog::PatternError::kUnknownService) return out;
    out.problem = Problem::kUnknownService;
    diagnose_service(action, out);
    return out;
  }
  out.problem = Problem::kNoMatch;
  diagnose_name(action, out);
  return out;
}

// How much the memos of facts about an action entry hold: room for most distinct actions of the
// AWS managed policies (17,186 over all versions, some 1.7 MB of entries), so that linting them
// computes few twice.
inline constexpr std::size_t kRememberedActions = std::size_t{1} << 15;
inline constexpr std::size_t kRememberedBytes = std::size_t{3} << 19;

// diagnose_uncached, remembered per spelling: three rules ask about every entry, the corpus of
// AWS managed policies names 17,186 distinct actions in 761,469 entries, and an unknown one's
// suggestions cost an edit-distance scan of the catalogue. Every entry is remembered, known ones
// too, so that a repeated entry costs one hash lookup rather than three pattern expansions. The
// reference is valid until the next call on this thread.
inline const Diagnosis& diagnose(const ast::Action& action) {
  thread_local Memo<Diagnosis> memo({.entries = kRememberedActions, .bytes = kRememberedBytes});
  return memo.get(action.text.value, [&] { return diagnose_uncached(action); });
}

// Whether another entry of `list` begins with `action`'s text (iam:ListRoles next to iam:List):
// then the author names the longer actions one by one, and the short name is not a `*` left out
// but a name the catalogue lacks.
inline bool list_extends(const ast::EntryList<ast::Action>& list, const ast::Action& action) {
  return std::any_of(list.entries.begin(), list.entries.end(), [&](const ast::Action& other) {
    return other.text.value.size() > action.text.value.size() &&
           catalog::starts_with_folded(other.text.value, action.text.value);
  });
}

// Calls visit(entry, diagnosis) for every entry of the statement's Action and NotAction whose
// diagnosis has a problem. The others, nearly every entry, are told by the expansions the policy's
// facts hold (a known action, a syntax error), without a lookup of their own: three rules ask.
template <class Visit>
void for_each_diagnosis(const ast::Statement& statement, analysis::PolicyFacts& facts,
                        Visit&& visit) {
  for (const auto* list : {&statement.action, &statement.not_action}) {
    if (!*list) continue;
    const auto expansions = facts.entry_actions(statement, **list);
    for (std::size_t i = 0; i < expansions.size(); ++i) {
      const analysis::EntryActions& named = expansions[i];
      // What diagnose_uncached tells first: kNoMatch, kUnknownService or else kNone.
      if (named ? !named->empty() : named.error() != catalog::PatternError::kUnknownService)
        continue;
      const ast::Action& action = (*list)->entries[i];
      const Diagnosis& d = diagnose(action);
      if (d.missing_wildcard && list_extends(**list, action)) {
        visit(action, Diagnosis{.problem = d.problem});
      } else {
        visit(action, d);
      }
    }
  }
}

// The fix of an entry whose diagnosis names exactly one entry meant: a misspelt service or action,
// or an API operation that one permission authorises. The entry matches nothing, so writing the
// one meant changes what the statement grants: an unsafe fix. When another entry of the list
// already names every action of the one meant, the fix removes the entry instead, which changes
// nothing (safe), and leaves no redundant entry behind.
inline std::optional<engine::Fix> correction(const ast::Statement& statement,
                                             const ast::Action& action, const Diagnosis& d,
                                             const json::Document& doc) {
  // A pattern's close names are not what it meant; a misspelt service under it is.
  const bool certain = d.suggestions.size() == 1 && !d.missing_wildcard &&
                       (!d.pattern || d.problem == Problem::kUnknownService);
  if (!certain) return std::nullopt;
  const std::string& meant = d.suggestions.front();
  auto meant_actions = catalog::expand_action_pattern(meant);
  if (!meant_actions || meant_actions->empty()) return std::nullopt;
  for (const auto* list : {&statement.action, &statement.not_action}) {
    if (!*list) continue;
    const auto& entries = (*list)->entries;
    if (std::none_of(entries.begin(), entries.end(),
                     [&](const ast::Action& entry) { return &entry == &action; })) {
      continue;
    }
    for (const ast::Action& other : entries) {
      auto named = catalog::expand_action_pattern(other.text.value);
      if (&other == &action || !named) continue;
      if (std::includes(named->begin(), named->end(), meant_actions->begin(),
                        meant_actions->end())) {
        return engine::Fix{.description = fmt::format("Remove \"{}\" (\"{}\" names {} already)",
                                                      action.text.value, other.text.value, meant),
                           .edits = {engine::remove_element(doc, action.text.node)}};
      }
    }
  }
  return engine::Fix{.description = fmt::format("Replace with \"{}\"", meant),
                     .edits = {engine::replace_string(action.text.range, meant)},
                     .safe = false};
}

}  // namespace iamlint::rules::catalog_lookup
