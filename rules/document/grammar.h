// Shared pieces of the document family: the element names of the policy grammar
// and small helpers over the lossless JSON tree, which the grammar rules read
// because lowering leaves out values of the wrong type.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "ast/policy.h"
#include "json/document.h"
#include "support/byte_range.h"

namespace iamlint::rules::document {

// Element names as the IAM grammar spells them; IAM compares them
// case-sensitively.
inline constexpr std::array<std::string_view, 3> kPolicyElements = {"Version", "Id", "Statement"};
inline constexpr std::array<std::string_view, 9> kStatementElements = {
    "Sid",       "Effect",   "Principal",   "NotPrincipal", "Action",
    "NotAction", "Resource", "NotResource", "Condition"};

template <std::size_t N>
[[nodiscard]] bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// ASCII case-insensitive equality, to name the spelling meant when only the
// case is wrong.
[[nodiscard]] inline bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The opening brace of an object: where a finding about something missing from
// it points.
[[nodiscard]] inline ByteRange opening_brace(const json::Node& object) {
  return {object.range.begin, object.range.begin + 1};
}

// Calls visit(member) for every member of `object` named `key`, duplicates
// included.
template <class Visit>
void for_each_member(const json::Document& doc, json::NodeId object, std::string_view key,
                     Visit&& visit) {
  for (json::NodeId member : doc.children(object)) {
    if (doc.node(member).key() == key) visit(member);
  }
}

[[nodiscard]] inline bool has_member(const json::Document& doc, json::NodeId object,
                                     std::string_view key) {
  return doc.find_member(object, key) != json::kNoNode;
}

// True for the kinds IAM itself stores (identity policies, permissions
// boundaries and role trust policies), whose grammar IAM enforces; the other
// kinds are stored by other services with rules of their own.
[[nodiscard]] inline bool is_iam_kind(ast::PolicyKind kind) {
  return ast::grammar_of(kind) == ast::PolicyKind::kIdentity || kind == ast::PolicyKind::kTrust;
}

}  // namespace iamlint::rules::document
