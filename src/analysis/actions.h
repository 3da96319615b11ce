// What the Action and NotAction entries of a statement grant, in catalogue terms: computed from
// the cached per-pattern expansions, so each rule can ask without re-matching patterns.
//
// One entry's actions are a sorted span of catalogue positions (cheap for the usual one action);
// a whole statement's are an ActionSet (word operations for "*" and NotAction).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ast/policy.h"
#include "catalog/action_pattern.h"
#include "catalog/action_set.h"
#include "support/result.h"

namespace iamlint::analysis {

class PolicyFacts;

using Indices = std::span<const std::uint32_t>;  // sorted catalogue positions

// The actions one Action entry names; empty for a pattern that is invalid or matches nothing.
[[nodiscard]] Indices actions_of(const ast::Action& action);

// What catalog::expand_action_pattern says of one Action or NotAction entry: its actions, or the
// error that keeps it from naming any (a malformed pattern, an unknown service).
using EntryActions = Result<Indices, catalog::PatternError>;

// EntryActions of each entry of `list`, in the order of its entries.
[[nodiscard]] std::vector<EntryActions> entry_actions(const ast::EntryList<ast::Action>& list);

// The actions a statement's Action grants or denies; for NotAction, every catalogue action that
// no entry names. Empty when the statement has neither.
[[nodiscard]] catalog::ActionSet statement_actions(const ast::Statement& statement);
// The same from `entries`, entry_actions of the list it reads (Action, or else NotAction).
[[nodiscard]] catalog::ActionSet statement_actions(const ast::Statement& statement,
                                                   std::span<const EntryActions> entries);

// True when `text` holds a wildcard that makes it a pattern rather than one action name.
[[nodiscard]] bool is_pattern(std::string_view text);

// The actions that can be limited to specific resources (their catalogue entry names at least
// one resource type); the others accept only "Resource": "*".
[[nodiscard]] catalog::ActionSet resource_scoped(const catalog::ActionSet& actions);

// The positions of a set's actions, in order.
[[nodiscard]] std::vector<std::uint32_t> indices_of(const catalog::ActionSet& actions);

// For messages: "40 actions (12 Permissions management), most sensitive first: s3:PutBucketPolicy,
// s3:PutBucketAcl, s3:PutAccessPointPolicy and 37 more" (analysis::sensitivity_rank), or "194
// actions, all List: …" when they share one access level; a single action reads
// "s3:GetObject (Read)".
[[nodiscard]] std::string describe_grant(Indices actions);
[[nodiscard]] std::string describe_grant(const catalog::ActionSet& actions);

// The entries of `granted` (one Action entry's actions) that the statement still allows after the
// policy's Deny statements, on the resources it names (`s3:*` on `arn:aws:s3:::b/*` grants only
// object actions): what grant rules describe. Empty when a Deny takes them all away, when no
// resource fits, or when the statement is not a well-formed Allow.
[[nodiscard]] std::vector<std::uint32_t> still_granted(Indices granted,
                                                       const ast::Statement& statement,
                                                       PolicyFacts& facts);

// True when every action is List or Read.
[[nodiscard]] bool only_reads(Indices actions);
[[nodiscard]] bool only_reads(const catalog::ActionSet& actions);

}  // namespace iamlint::analysis
