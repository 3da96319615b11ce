#include "catalog/arn_match.h"

#include <algorithm>
#include <vector>

#include "catalog/ascii.h"
#include "catalog/tables.h"

namespace iamlint::catalog {
namespace {

// One step of a pattern: a literal character, exactly one character, or any run (maybe empty).
// `narrow` steps (from name-like placeholders) cannot produce `/` or `:`.
struct Token {
  enum Kind : char { kLiteral, kOne, kStar } kind;
  char c = 0;
  bool narrow = false;
};

bool allows(const Token& wildcard, char c) {
  return !wildcard.narrow || (c != '/' && c != ':');
}

bool compatible(const Token& a, const Token& b) {
  if (a.kind == Token::kLiteral && b.kind == Token::kLiteral) return fold(a.c) == fold(b.c);
  if (a.kind == Token::kLiteral) return allows(b, a.c);
  if (b.kind == Token::kLiteral) return allows(a, b.c);
  return true;  // two wildcards: some character (a letter) satisfies both
}

bool is_narrow_placeholder(std::string_view name) {
  const tables::Str* begin = tables::kArnNameVariables;
  const tables::Str* end = begin + tables::kArnNameVariableCount;
  const tables::Str* it = std::lower_bound(
      begin, end, name, [](tables::Str s, std::string_view n) { return tables::str(s) < n; });
  return it != end && tables::str(*it) == name;
}

// `${...}` on the policy side is a variable with a non-empty value, except the escapes `${*}`,
// `${?}` and `${$}`; on the format side it is a placeholder.
void tokenize(std::string_view text, bool is_format, bool narrowing, std::vector<Token>& tokens) {
  tokens.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 2, close - i - 2);
        if (!is_format && (name == "*" || name == "?" || name == "$")) {
          tokens.push_back({Token::kLiteral, name[0]});
        } else {
          const bool narrow = is_format && narrowing && is_narrow_placeholder(name);
          tokens.push_back({Token::kOne, 0, narrow});
          tokens.push_back({Token::kStar, 0, narrow});
        }
        i = close;
        continue;
      }
    }
    if (c == '*') {
      tokens.push_back({Token::kStar});
    } else if (c == '?' && !is_format) {
      tokens.push_back({Token::kOne});
    } else {
      tokens.push_back({Token::kLiteral, c});
    }
  }
}

// Whether the languages of two token patterns intersect: a reachability search over pairs of
// positions, O(|a| * |b|) with no recursion.
bool intersects(const std::vector<Token>& a, const std::vector<Token>& b) {
  const size_t n = a.size();
  const size_t m = b.size();
  // Reused across calls (per thread): matching runs for every resource a rule looks at.
  thread_local std::vector<char> seen;
  thread_local std::vector<std::pair<size_t, size_t>> stack;
  seen.assign((n + 1) * (m + 1), 0);
  stack.assign(1, {0, 0});
  auto push = [&](size_t i, size_t j) {
    char& s = seen[i * (m + 1) + j];
    if (!s) {
      s = 1;
      stack.emplace_back(i, j);
    }
  };
  seen[0] = 1;
  while (!stack.empty()) {
    const auto [i, j] = stack.back();
    stack.pop_back();
    if (i == n && j == m) return true;
    const Token* x = i < n ? &a[i] : nullptr;
    const Token* y = j < m ? &b[j] : nullptr;
    if (x && x->kind == Token::kStar) push(i + 1, j);  // a's run ends here
    if (y && y->kind == Token::kStar) push(i, j + 1);
    if (!x || !y || !compatible(*x, *y)) continue;
    const bool x_star = x->kind == Token::kStar;
    const bool y_star = y->kind == Token::kStar;
    if (x_star && !y_star) push(i, j + 1);  // a's run absorbs b's character
    if (y_star && !x_star) push(i + 1, j);
    if (!x_star && !y_star) push(i + 1, j + 1);
  }
  return false;
}

bool is_one_placeholder(std::string_view format) {
  return format.size() > 3 && format.starts_with("${") && format.find('}') == format.size() - 1;
}

bool equals_folded_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return fold(x) == fold(y); });
}

// A character that may start or end a wildcard, variable or placeholder on either side.
bool is_special(char c) {
  return c == '*' || c == '?' || c == '$' || c == '{' || c == '}';
}

// Whether the literal text both sides start with, and the literal text both end with, agree: a
// necessary condition that rules out most pairs (another resource type's `accesspoint/` against
// a bucket's `my-bucket/*`) before the token search.
bool literal_ends_agree(std::string_view arn, std::string_view format) {
  const size_t n = std::min(arn.size(), format.size());
  for (size_t i = 0; i < n && !is_special(arn[i]) && !is_special(format[i]); ++i) {
    if (fold(arn[i]) != fold(format[i])) return false;
  }
  for (size_t i = 1; i <= n; ++i) {
    const char a = arn[arn.size() - i];
    const char f = format[format.size() - i];
    if (is_special(a) || is_special(f)) break;
    if (fold(a) != fold(f)) return false;
  }
  return true;
}

// Whether `text` holds no wildcard and no variable or placeholder. A plain loop, as in
// has_wildcard: find_first_of searches its character set once per character.
bool is_plain(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return c == '*' || c == '?' || c == '$'; });
}

bool segment_can_match(std::string_view arn, std::string_view format, bool narrowing) {
  // Fast paths for the segments nearly every comparison meets; the token search below decides the
  // rest. A lone `*` matches whatever the format produces.
  if (arn == "*") return true;
  const bool arn_plain = is_plain(arn);
  if (arn_plain && is_plain(format)) {
    return equals_folded_ascii(arn, format);
  }
  // `${Region}`, `${Account}`, `${Partition}`: one or more characters, '/' and ':' allowed.
  if (arn_plain && !narrowing && is_one_placeholder(format)) return !arn.empty();
  if (!literal_ends_agree(arn, format)) return false;
  thread_local std::vector<Token> arn_tokens;
  thread_local std::vector<Token> format_tokens;
  tokenize(arn, false, false, arn_tokens);
  tokenize(format, true, narrowing, format_tokens);
  return intersects(arn_tokens, format_tokens);
}

// The next ':' at or after `from` that is not inside a policy variable: the colon of
// "${aws:PrincipalAccount}" separates no fields, as IAM replaces the variable before matching (AWS
// managed policies name "arn:aws:kms:*:${aws:PrincipalAccount}:key/*").
size_t next_field_colon(std::string_view arn, size_t from) {
  for (size_t i = from; i < arn.size(); ++i) {
    if (arn[i] == ':') return i;
    if (arn[i] == '$' && i + 1 < arn.size() && arn[i + 1] == '{') {
      const size_t close = arn.find('}', i);
      if (close == std::string_view::npos) return arn.find(':', i);
      i = close;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<ArnParts> split_arn(std::string_view arn) {
  if (arn.substr(0, 4) != "arn:") return std::nullopt;
  std::string_view fields[5];
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const size_t colon = next_field_colon(arn, start);
    if (colon == std::string_view::npos) return std::nullopt;
    fields[i] = arn.substr(start, colon - start);
    start = colon + 1;
  }
  return ArnParts{fields[1], fields[2], fields[3], fields[4], arn.substr(start)};
}

bool arn_can_match(std::string_view arn, std::string_view format) {
  if (arn == "*") return true;
  const auto f = split_arn(format);
  const auto a = split_arn(arn);
  if (!f) return false;
  // Too few fields to compare segment-wise (e.g. `arn:aws:s3:*`): IAM matches the whole string.
  if (!a) return segment_can_match(arn, format, false);
  return segment_can_match(a->partition, f->partition, false) &&
         segment_can_match(a->service, f->service, false) &&
         segment_can_match(a->region, f->region, false) &&
         segment_can_match(a->account, f->account, false) &&
         segment_can_match(a->resource, f->resource, true);
}

}  // namespace iamlint::catalog
