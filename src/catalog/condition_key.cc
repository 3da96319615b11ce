#include "catalog/condition_key.h"

#include <algorithm>
#include <vector>

#include "catalog/ascii.h"
#include "catalog/tables.h"
#include "support/assert.h"
#include "support/memo.h"

namespace iamlint::catalog {
namespace {

const tables::ConditionKeyRow& row(ConditionKey key) {
  return tables::kConditionKeys[key.index()];
}

// The placeholder starting at `text[i]`, or 0 if none starts there.
size_t placeholder_length(std::string_view text, size_t i) {
  if (text.substr(i, 2) == "${") {
    const size_t close = text.find('}', i);
    return close == std::string_view::npos ? 0 : close - i + 1;
  }
  if (text[i] == '<') {
    const size_t close = text.find('>', i);
    return close == std::string_view::npos ? 0 : close - i + 1;
  }
  return 0;
}

size_t literal_length(std::string_view key_template) {
  size_t n = 0;
  for (size_t i = 0; i < key_template.size();) {
    const size_t p = placeholder_length(key_template, i);
    n += p == 0 ? 1 : 0;
    i += p == 0 ? 1 : p;
  }
  return n;
}

// A templated key with the text before its first placeholder: only a key that starts with that
// text can be an instance of it.
struct Template {
  std::string_view head;
  ConditionKey key;
  size_t literal;  // literal_length of its name
};

// The templated keys sorted by head, built on first use (a policy without a templated key never
// pays for it), so that a lookup tries only those whose head shares the key's first character.
const std::vector<Template>& templates() {
  static const std::vector<Template> sorted = [] {
    std::vector<Template> out;
    for (std::uint32_t i = 0; i < tables::kTemplatedKeyCount; ++i) {
      const ConditionKey key(tables::kTemplatedKeys[i]);
      const std::string_view name = key.name();
      size_t head = 0;
      while (head < name.size() && placeholder_length(name, head) == 0) ++head;
      IAMLINT_ASSERT(head > 0);  // every key starts with its service prefix
      out.push_back({name.substr(0, head), key, literal_length(name)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Template& a, const Template& b) {
      return compare_folded(a.head, b.head) < 0;
    });
    return out;
  }();
  return sorted;
}

// find_condition_key, computed.
std::optional<ConditionKey> lookup_condition_key(std::string_view key) {
  const tables::ConditionKeyRow* begin = tables::kConditionKeys;
  const tables::ConditionKeyRow* end = begin + tables::kCounts.condition_keys;
  const auto* it =
      std::lower_bound(begin, end, key, [](const tables::ConditionKeyRow& r, std::string_view k) {
        return compare_folded(tables::str(r.name), k) < 0;
      });
  if (it != end && equals_folded(tables::str(it->name), key)) {
    return ConditionKey(static_cast<std::uint32_t>(it - begin));
  }
  if (key.empty()) return std::nullopt;
  std::optional<ConditionKey> best;
  size_t best_literal = 0;
  const std::vector<Template>& all = templates();
  auto first = std::partition_point(all.begin(), all.end(), [&](const Template& t) {
    return fold(t.head.front()) < fold(key.front());
  });
  for (auto it = first; it != all.end() && fold(it->head.front()) == fold(key.front()); ++it) {
    if (!starts_with_folded(key, it->head) || !key_template_matches(it->key.name(), key)) continue;
    // Ties go to the first in table order, as the table is sorted by name.
    if (!best || it->literal > best_literal ||
        (it->literal == best_literal && it->key.index() < best->index())) {
      best = it->key;
      best_literal = it->literal;
    }
  }
  return best;
}

}  // namespace

std::string_view to_string(KeyType type) {
  switch (type) {
    case KeyType::kString:
      return "String";
    case KeyType::kArn:
      return "ARN";
    case KeyType::kNumeric:
      return "Numeric";
    case KeyType::kDate:
      return "Date";
    case KeyType::kBool:
      return "Bool";
    case KeyType::kIpAddress:
      return "IPAddress";
    case KeyType::kBinary:
      return "Binary";
  }
  return "String";
}

std::string_view ConditionKey::name() const {
  return tables::str(row(*this).name);
}
KeyType ConditionKey::type() const {
  return static_cast<KeyType>(row(*this).type);
}
bool ConditionKey::multivalued() const {
  return (row(*this).flags & tables::kKeyMultivalued) != 0;
}
bool ConditionKey::templated() const {
  return (row(*this).flags & tables::kKeyTemplated) != 0;
}
bool ConditionKey::global() const {
  return (row(*this).flags & tables::kKeyGlobal) != 0;
}
bool ConditionKey::deprecated() const {
  return (row(*this).flags & tables::kKeyDeprecated) != 0;
}
std::string_view ConditionKey::replacement() const {
  return tables::str(row(*this).replacement);
}

std::string ConditionKey::type_name() const {
  return (multivalued() ? std::string("ArrayOf") : std::string()) + std::string(to_string(type()));
}

bool key_template_matches(std::string_view key_template, std::string_view key) {
  // Placeholders are few and short, so plain backtracking over them is fine.
  size_t t = 0;
  size_t k = 0;
  while (t < key_template.size()) {
    const size_t p = placeholder_length(key_template, t);
    if (p != 0) {
      const std::string_view rest = key_template.substr(t + p);
      for (size_t end = k + 1; end <= key.size(); ++end) {
        if (key_template_matches(rest, key.substr(end))) return true;
      }
      return false;
    }
    if (k >= key.size() || fold(key_template[t]) != fold(key[k])) return false;
    ++t;
    ++k;
  }
  return k == key.size();
}

// Remembered per spelling: rules and the analysis look up the key of every condition, and a
// lookup (a binary search on folded names, then the templated keys) costs some 2,000 instructions
// where a hit costs a hash.
std::optional<ConditionKey> find_condition_key(std::string_view key) {
  thread_local Memo<std::optional<ConditionKey>> memo;
  return memo.get(key, [&] { return lookup_condition_key(key); });
}

std::uint32_t condition_key_count() {
  return tables::kCounts.condition_keys;
}
ConditionKey condition_key_at(std::uint32_t index) {
  return ConditionKey(index);
}

}  // namespace iamlint::catalog
