#include "catalog/glob.h"

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/ascii.h"

namespace iamlint::catalog {
namespace {

bool same_letter(char a, char b, LetterCase letter_case) {
  return letter_case == LetterCase::kInsensitive ? fold(a) == fold(b) : a == b;
}

bool is_wildcard(char c) {
  return c == '*' || c == '?';
}

// Linear time apart from backtracking to the last `*`, which keeps the worst case
// O(pattern * text) with no recursion.
bool glob_match(std::string_view pattern, std::string_view text, LetterCase letter_case) {
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;  // position after the last `*` seen
  size_t star_text = 0;                  // text position that `*` is currently stretched to
  while (t < text.size()) {
    if (p < pattern.size() &&
        (pattern[p] == '?' || same_letter(pattern[p], text[t], letter_case))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = ++p;
      star_text = t;
    } else if (star != std::string_view::npos) {
      p = star;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// A run of wildcards such as `*?*` means "at least one character", as `?*` does. Writing every
// run as its `?`s followed by at most one `*` lets the comparisons below treat equal languages
// alike (`?*` contains `*?`).
std::string normalise(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size();) {
    if (!is_wildcard(pattern[i])) {
      out += pattern[i++];
      continue;
    }
    bool star = false;
    for (; i < pattern.size() && is_wildcard(pattern[i]); ++i) {
      if (pattern[i] == '*') {
        star = true;
      } else {
        out += '?';
      }
    }
    if (star) out += '*';
  }
  return out;
}

// True for the empty text too: what is left of a pattern that can match nothing but "".
bool all_stars(std::string_view text) {
  return text.find_first_not_of('*') == std::string_view::npos;
}

// A pattern that matches every text.
bool matches_everything(std::string_view pattern) {
  return !pattern.empty() && all_stars(pattern);
}

// The literal characters before the first wildcard, and those after the last (plain loops, as in
// has_wildcard).
std::string_view literal_head(std::string_view pattern) {
  std::size_t end = 0;
  while (end < pattern.size() && !is_wildcard(pattern[end])) ++end;
  return pattern.substr(0, end);
}
std::string_view literal_tail(std::string_view pattern) {
  std::size_t begin = pattern.size();
  while (begin > 0 && !is_wildcard(pattern[begin - 1])) --begin;
  return pattern.substr(begin);
}

bool same_letters(std::string_view a, std::string_view b, LetterCase letter_case) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
           return same_letter(x, y, letter_case);
         });
}

// What containment asks of the ends, checked before the table: every text of `inner` begins with
// the literal characters `outer` begins with only if `inner` begins with them too, as literals (a
// wildcard there could stand for another character), and likewise at the end. Resource patterns
// are mostly told apart here (`log-group:/aws/lambda/*` against `log-group:*:log-stream:*`).
bool ends_allow_containment(std::string_view outer, std::string_view inner,
                            LetterCase letter_case) {
  const std::string_view head = literal_head(outer);
  const std::string_view tail = literal_tail(outer);
  return literal_head(inner).size() >= head.size() && literal_tail(inner).size() >= tail.size() &&
         same_letters(head, inner.substr(0, head.size()), letter_case) &&
         same_letters(tail, inner.substr(inner.size() - tail.size()), letter_case);
}

// Runs a dynamic programme over suffixes: row i of `outer` against every suffix of `inner`,
// from the ends towards the starts, keeping two rows. `step(i, j, below, right, diagonal)`
// computes cell (i, j) from (i + 1, j), (i, j + 1) and (i + 1, j + 1); `last_row(j)` and
// `last_column(i)` are the cells past the end of one pattern.
template <class Step, class LastRow, class LastColumn>
bool suffix_table(std::string_view outer, std::string_view inner, Step step, LastRow last_row,
                  LastColumn last_column) {
  const std::size_t n = outer.size();
  const std::size_t m = inner.size();
  std::vector<char> below(m + 1);
  std::vector<char> row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) below[j] = last_row(j);
  for (std::size_t i = n; i-- > 0;) {
    row[m] = last_column(i);
    for (std::size_t j = m; j-- > 0;) row[j] = step(i, j, below[j], row[j + 1], below[j + 1]);
    std::swap(row, below);
  }
  return below[0] != 0;
}

// Whether `text` ends as `pattern` does after its last `*`: what follows that star (letters and
// `?`) must match the text's last characters one for one. A necessary condition, and a cheap one
// that rules out most names before the matching proper (`*Tags` against the actions of a service).
bool tail_can_match(std::string_view pattern, std::string_view text) {
  const std::size_t star = pattern.rfind('*');
  if (star == std::string_view::npos) return true;
  const std::string_view tail = pattern.substr(star + 1);
  if (tail.size() > text.size()) return false;
  const std::string_view end = text.substr(text.size() - tail.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    if (tail[i] != '?' && fold(tail[i]) != fold(end[i])) return false;
  }
  return true;
}

}  // namespace

bool glob_match_folded(std::string_view pattern, std::string_view text) {
  return tail_can_match(pattern, text) && glob_match(pattern, text, LetterCase::kInsensitive);
}

bool glob_contains(std::string_view outer_text, std::string_view inner_text,
                   LetterCase letter_case) {
  if (outer_text == inner_text || matches_everything(outer_text)) return true;
  if (outer_text.size() * inner_text.size() > kMaxGlobProduct) return false;
  // Most entries are plain names, and a plain name stands for one text (up to letter case): one
  // match decides, with no table. A pattern with a wildcard stands for many texts, which a plain
  // outer name cannot hold.
  if (!has_wildcard(inner_text)) return glob_match(outer_text, inner_text, letter_case);
  if (!has_wildcard(outer_text)) return false;
  if (!ends_allow_containment(outer_text, inner_text, letter_case)) return false;
  // The table's cell for two suffixes depends on nothing before them, and a literal head that both
  // share is matched letter by letter: starting after it gives the same answer on a smaller table.
  const std::size_t shared = literal_head(outer_text).size();
  const std::string outer = normalise(outer_text.substr(shared));
  const std::string inner = normalise(inner_text.substr(shared));
  return suffix_table(
      outer, inner,
      [&](std::size_t i, std::size_t j, bool below, bool right, bool diagonal) -> char {
        // `*` of outer either ends here or takes inner's next symbol, whatever it matches.
        if (outer[i] == '*') return below || right;
        // Only a `*` of outer matches all that a `*` of inner does.
        if (inner[j] == '*') return false;
        if (inner[j] == '?') return outer[i] == '?' && diagonal;
        return (outer[i] == '?' || same_letter(outer[i], inner[j], letter_case)) && diagonal;
      },
      // Past the end of outer only an empty inner is contained.
      [&](std::size_t j) -> char { return j == inner.size(); },
      // Past the end of inner, outer must be able to match the empty text.
      [&](std::size_t i) -> char { return all_stars(std::string_view(outer).substr(i)); });
}

bool glob_intersects(std::string_view a_text, std::string_view b_text, LetterCase letter_case) {
  if (a_text == b_text || matches_everything(a_text) || matches_everything(b_text)) return true;
  if (a_text.size() * b_text.size() > kMaxGlobProduct) return true;
  // A plain name meets a pattern exactly when the pattern matches it.
  if (!has_wildcard(a_text)) return glob_match(b_text, a_text, letter_case);
  if (!has_wildcard(b_text)) return glob_match(a_text, b_text, letter_case);
  const std::string a = normalise(a_text);
  const std::string b = normalise(b_text);
  return suffix_table(
      a, b,
      [&](std::size_t i, std::size_t j, bool below, bool right, bool diagonal) -> char {
        // A `*` on either side may match nothing, or take the other side's next character.
        if (a[i] == '*' || b[j] == '*') return below || right;
        return (a[i] == '?' || b[j] == '?' || same_letter(a[i], b[j], letter_case)) && diagonal;
      },
      [&](std::size_t j) -> char { return all_stars(std::string_view(b).substr(j)); },
      [&](std::size_t i) -> char { return all_stars(std::string_view(a).substr(i)); });
}

}  // namespace iamlint::catalog
