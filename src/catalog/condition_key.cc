#include "catalog/condition_key.h"

#include <algorithm>

#include "catalog/ascii.h"
#include "catalog/tables.h"
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
  // Only the templates whose head shares the key's first character are tried.
  std::optional<ConditionKey> best;
  size_t best_literal = 0;
  auto head = [](const tables::KeyTemplateRow& t) {
    return ConditionKey(t.key).name().substr(0, t.head);
  };
  const tables::KeyTemplateRow* last = tables::kKeyTemplates + tables::kKeyTemplateCount;
  const tables::KeyTemplateRow* first = std::partition_point(
      tables::kKeyTemplates, last,
      [&](const tables::KeyTemplateRow& t) { return fold(head(t).front()) < fold(key.front()); });
  for (const auto* t = first; t != last && fold(head(*t).front()) == fold(key.front()); ++t) {
    const ConditionKey candidate(t->key);
    if (!starts_with_folded(key, head(*t)) || !key_template_matches(candidate.name(), key))
      continue;
    // Ties go to the first in table order, as the table is sorted by name.
    if (!best || t->literal > best_literal ||
        (t->literal == best_literal && candidate.index() < best->index())) {
      best = candidate;
      best_literal = t->literal;
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
