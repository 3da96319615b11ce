#include "catalog/suggest.h"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <utility>

#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/service.h"
#include "catalog/tables.h"

namespace iamlint::catalog {
namespace {

// How many edits still count as a typo for a word of this length.
std::size_t max_distance(std::size_t length) {
  return length <= 4 ? 1 : (length <= 8 ? 2 : 3);
}

// A lower bound of distance(), in linear time: an edit leaves at most one character of each side
// without a partner in the other (a swap none), so more unpartnered characters than the bound
// rule a candidate out before the quadratic table. Nearly every name of the catalogue fails it.
std::size_t bag_distance(std::string_view a, std::string_view b) {
  std::array<int, 256> count{};
  const auto slot = [&](char c) -> int& { return count[static_cast<unsigned char>(fold(c))]; };
  for (char c : a) ++slot(c);
  for (char c : b) --slot(c);
  std::size_t only_in_a = 0;
  std::size_t only_in_b = 0;
  // Each character's surplus counted once: its slot is cleared when first read.
  for (char c : a) {
    const int k = std::exchange(slot(c), 0);
    if (k > 0) only_in_a += static_cast<std::size_t>(k);
    if (k < 0) only_in_b += static_cast<std::size_t>(-k);
  }
  for (char c : b) only_in_b += static_cast<std::size_t>(-std::exchange(slot(c), 0));
  return std::max(only_in_a, only_in_b);
}

// Optimal string alignment distance on folded characters; gives up (returns bound + 1) as soon as
// a whole row exceeds `bound`, which keeps scanning 22,000 action names cheap.
std::size_t distance(std::string_view a, std::string_view b, std::size_t bound) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > bound || bag_distance(a, b) > bound) return bound + 1;
  // The folded texts and the table's last three rows, in buffers that every call reuses: a
  // suggestion scores every service or action of the catalogue, and allocating (or folding a
  // character again for each cell) per candidate cost more than comparing.
  thread_local std::string folded_a;
  thread_local std::string folded_b;
  thread_local std::vector<std::size_t> rows;
  folded_a.assign(a);
  folded_b.assign(b);
  for (char& c : folded_a) c = fold(c);
  for (char& c : folded_b) c = fold(c);
  rows.assign(3 * (m + 1), 0);
  std::size_t* before = rows.data();
  std::size_t* previous = before + (m + 1);
  std::size_t* current = previous + (m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    const char x = folded_a[i - 1];
    for (std::size_t j = 1; j <= m; ++j) {
      const char y = folded_b[j - 1];
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)});
      if (i > 1 && j > 1 && x == folded_b[j - 2] && folded_a[i - 2] == y) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

// Compared in place rather than on folded copies: this runs for most candidates of a suggestion.
bool contains_folded(std::string_view haystack, std::string_view needle) {
  for (std::size_t at = 0; at + needle.size() <= haystack.size(); ++at) {
    if (equals_folded(haystack.substr(at, needle.size()), needle)) return true;
  }
  return false;
}

// A score for `candidate` against `wanted`, or nullopt when it is not worth proposing.
std::optional<std::size_t> score(std::string_view wanted, std::string_view candidate) {
  const std::size_t bound = max_distance(wanted.size());
  const std::size_t d = distance(wanted, candidate, bound);
  if (d <= bound) return d;
  constexpr std::size_t kMinContained = 4;  // shorter fragments match far too much
  const bool contained = (wanted.size() >= kMinContained && contains_folded(candidate, wanted)) ||
                         (candidate.size() >= kMinContained && contains_folded(wanted, candidate));
  if (contained) return bound + 1;
  return std::nullopt;
}

struct Ranked {
  std::size_t score;
  std::uint32_t order;
  std::string text;
};

std::vector<std::string> best(std::vector<Ranked> ranked, std::size_t limit) {
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.score, a.order) < std::tie(b.score, b.order);
  });
  std::vector<std::string> out;
  for (Ranked& r : ranked) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), r.text) == out.end()) out.push_back(std::move(r.text));
  }
  return out;
}

}  // namespace

std::vector<std::string> suggest_services(std::string_view prefix, std::size_t limit) {
  std::vector<Ranked> ranked;
  for (Service service : services()) {
    if (equals_folded(service.prefix(), prefix)) continue;
    if (const auto s = score(prefix, service.prefix())) {
      ranked.push_back({*s, service.index(), std::string(service.prefix())});
    }
  }
  return best(std::move(ranked), limit);
}

std::vector<std::string> suggest_actions(std::string_view qualified_name, std::size_t limit) {
  const std::size_t colon = qualified_name.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string_view prefix = qualified_name.substr(0, colon);
  const std::string_view name = qualified_name.substr(colon + 1);

  std::vector<std::string> out;
  for (std::string_view permission : permissions_for_operation(qualified_name))
    out.emplace_back(permission);
  if (!out.empty()) return out;

  const auto service = find_service(prefix);
  if (!service) {
    for (const std::string& other : suggest_services(prefix, limit)) {
      if (const auto action = find_service(other)->find_action(name))
        out.push_back(action->qualified_name());
    }
    return out;
  }
  std::vector<Ranked> ranked;
  for (Action action : service->actions()) {
    if (const auto s = score(name, action.name()))
      ranked.push_back({*s, action.index(), action.qualified_name()});
  }
  return best(std::move(ranked), limit);
}

std::vector<std::string> suggest_condition_keys(std::string_view key, std::size_t limit) {
  const std::size_t colon = key.find(':');
  const std::string_view local = colon == std::string_view::npos ? key : key.substr(colon + 1);
  std::vector<Ranked> ranked;
  for (std::uint32_t i = 0; i < condition_key_count(); ++i) {
    const ConditionKey candidate = condition_key_at(i);
    const std::string_view name = candidate.name();
    if (candidate.global()) {
      // The right name under the wrong prefix is the commonest global-key mistake.
      const std::string_view candidate_local = name.substr(name.find(':') + 1);
      if (equals_folded(candidate_local, local) ||
          (candidate.templated() && key_template_matches(candidate_local, local))) {
        ranked.push_back({0, i, std::string(name)});
        continue;
      }
    }
    if (const auto s = score(key, name)) ranked.push_back({*s, i, std::string(name)});
  }
  return best(std::move(ranked), limit);
}

std::vector<std::string> suggest_from(std::string_view wanted,
                                      const std::vector<std::string_view>& candidates,
                                      std::size_t limit) {
  const std::size_t bound = max_distance(wanted.size());
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t d = distance(wanted, candidates[i], bound);
    if (d <= bound)
      ranked.push_back({d, static_cast<std::uint32_t>(i), std::string(candidates[i])});
  }
  return best(std::move(ranked), limit);
}

bool is_close_spelling(std::string_view wanted, std::string_view candidate) {
  const std::size_t bound = max_distance(wanted.size());
  return distance(wanted, candidate, bound) <= bound;
}

bool is_likely_typo(std::string_view wanted, std::string_view candidate) {
  const std::size_t bound = wanted.size() <= 4 ? 1 : 2;
  return distance(wanted, candidate, bound) <= bound;
}

std::vector<std::string_view> permissions_for_operation(std::string_view operation) {
  const tables::PairRow* begin = tables::kApiPermissionNames;
  const tables::PairRow* end = begin + tables::kApiPermissionNameCount;
  const auto* it =
      std::lower_bound(begin, end, operation, [](const tables::PairRow& r, std::string_view k) {
        return compare_folded(tables::str(r.key), k) < 0;
      });
  if (it == end || !equals_folded(tables::str(it->key), operation)) return {};
  std::vector<std::string_view> out;
  std::string_view rest = tables::str(it->value);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    out.push_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return out;
}

}  // namespace iamlint::catalog
