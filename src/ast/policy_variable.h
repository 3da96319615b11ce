// Policy variables inside policy strings: `${key}`, `${key, 'default'}` and the literal escapes
// `${*}`, `${?}`, `${$}`. Part of the grammar, so every rule family can read them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "ast/policy.h"

namespace iamlint::ast::policy_variable {

enum class Problem {
  kNone,
  kMissingBrace,  // "${aws:username" with no closing '}'
  kMissingQuote,  // "${aws:username, none}": the default is not in single quotes
  kSpaceInName,   // "${aws: username}"
  kEmpty,         // "${}"
};

struct Variable {
  std::size_t begin = 0;  // offset of '$' in the decoded text
  std::size_t end = 0;    // one past '}' (the end of the text for kMissingBrace)
  std::string_view name;  // "aws:username"; "*", "?" or "$" for an escape
  bool escape = false;    // ${*}, ${?} or ${$}: a literal character, not a lookup
  Problem problem = Problem::kNone;
};

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

inline Variable classify(std::string_view text, std::size_t begin, std::size_t close) {
  Variable var{.begin = begin, .end = close + 1};
  std::string_view inner = text.substr(begin + 2, close - begin - 2);
  std::size_t comma = inner.find(',');
  std::string_view name = inner.substr(0, comma);
  var.name = trim(name);
  if (trim(inner).empty()) {
    var.problem = Problem::kEmpty;
  } else if (inner == "*" || inner == "?" || inner == "$") {
    var.escape = true;
  } else if (var.name.empty() || name != var.name ||
             std::any_of(var.name.begin(), var.name.end(), is_space)) {
    var.problem = var.name.empty() ? Problem::kEmpty : Problem::kSpaceInName;
  } else if (comma != std::string_view::npos) {
    std::string_view fallback = trim(inner.substr(comma + 1));
    if (fallback.size() < 2 || fallback.front() != '\'' || fallback.back() != '\'') {
      var.problem = Problem::kMissingQuote;
    }
  }
  return var;
}

// Every `${...}` in `text`, in order. After a missing '}' the rest of the text is one variable.
inline std::vector<Variable> find_variables(std::string_view text) {
  std::vector<Variable> out;
  std::size_t at = text.find("${");
  while (at != std::string_view::npos) {
    std::size_t close = text.find('}', at + 2);
    if (close == std::string_view::npos) {
      out.push_back({.begin = at,
                     .end = text.size(),
                     .name = text.substr(at + 2),
                     .problem = Problem::kMissingBrace});
      break;
    }
    out.push_back(classify(text, at, close));
    at = text.find("${", close + 1);
  }
  return out;
}

// Whether `text` holds a variable that looks a value up (escapes like ${*} do not).
inline bool has_lookup(std::string_view text) {
  for (const Variable& var : find_variables(text)) {
    if (!var.escape) return true;
  }
  return false;
}

// The text with every variable removed, so that `*` and `?` left over are real wildcards.
inline std::string without_variables(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  for (const Variable& var : find_variables(text)) {
    out.append(text.substr(from, var.begin - from));
    from = var.end;
  }
  out.append(text.substr(from));
  return out;
}

// The source range of text[begin, end) inside a JSON string written at `range` when the string
// has no escapes (so decoded offsets map one to one); otherwise the whole string.
inline ByteRange sub_range(ByteRange range, std::string_view text, std::size_t begin,
                           std::size_t end) {
  if (range.size() != text.size() + 2) return range;
  return {static_cast<uint32_t>(range.begin + 1 + begin),
          static_cast<uint32_t>(range.begin + 1 + end)};
}

}  // namespace iamlint::ast::policy_variable
