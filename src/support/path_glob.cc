#include "support/path_glob.h"

#include <vector>

namespace iamlint {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && segment != ".") out.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// One segment against one segment pattern, with '*' and '?'; iterative, backtracking only to the
// last '*', so the cost stays O(pattern * text).
bool segment_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Whether the pattern's segments from `p` match a prefix of the path's segments from `t` (a match
// of a directory covers what is under it). matched[p][t] memoises, so "**" stays polynomial.
bool match_from(const std::vector<std::string_view>& pattern,
                const std::vector<std::string_view>& path, std::size_t p, std::size_t t,
                std::vector<signed char>& memo) {
  signed char& known = memo[p * (path.size() + 1) + t];
  if (known >= 0) return known;
  bool result;
  if (p == pattern.size()) {
    result = true;  // the rest of the path is under a matched directory
  } else if (pattern[p] == "**") {
    result = match_from(pattern, path, p + 1, t, memo) ||
             (t < path.size() && match_from(pattern, path, p, t + 1, memo));
  } else {
    result = t < path.size() && segment_match(pattern[p], path[t]) &&
             match_from(pattern, path, p + 1, t + 1, memo);
  }
  known = result ? 1 : 0;
  return result;
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
  std::vector<std::string_view> pattern_segments = segments(pattern);
  if (pattern_segments.empty()) return false;
  if (pattern.find('/') == std::string_view::npos) {
    pattern_segments.insert(pattern_segments.begin(), "**");
  }
  std::vector<std::string_view> path_segments = segments(path);
  std::vector<signed char> memo((pattern_segments.size() + 1) * (path_segments.size() + 1), -1);
  return match_from(pattern_segments, path_segments, 0, 0, memo);
}

}  // namespace iamlint
