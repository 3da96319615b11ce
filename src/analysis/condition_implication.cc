#include "analysis/condition_implication.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/core.h>

#include "analysis/condition_facts.h"
#include "analysis/condition_operators.h"
#include "analysis/ip_range.h"
#include "analysis/resource_scope.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"

namespace iamlint::analysis {
namespace {

using catalog::LetterCase;
using operators::Family;
using operators::OperatorInfo;

// One value of a condition with what its operator makes of it.
struct Operand {
  std::string_view text;
  const OperatorInfo* op;
};

// Whether every value `inner` accepts is accepted by `outer` too (same family), or nullopt when
// the values cannot be compared.
using Contains = std::optional<bool> (*)(const Operand& outer, const Operand& inner);

bool ignores_case(const OperatorInfo& op) {
  return op.name.ends_with("IgnoreCase");
}

std::optional<bool> string_contains(const Operand& outer, const Operand& inner) {
  const bool outer_folded = ignores_case(*outer.op);
  if (ignores_case(*inner.op) && !outer_folded) return false;
  const LetterCase letter_case = outer_folded ? LetterCase::kInsensitive : LetterCase::kSensitive;
  if (!outer.op->like) {
    // A literal contains only itself; a pattern on the inside may match more.
    if (inner.op->like && catalog::has_wildcard(inner.text)) return false;
    return outer_folded ? catalog::equals_folded(outer.text, inner.text) : outer.text == inner.text;
  }
  // A literal inner value read as a pattern matches at least that literal: containment of the
  // pattern is containment of the literal.
  return catalog::glob_contains(outer.text, inner.text, letter_case);
}

std::optional<bool> arn_contains(const Operand& outer, const Operand& inner) {
  return resource_contains(outer.text, inner.text);
}

std::optional<bool> ip_contains(const Operand& outer, const Operand& inner) {
  std::optional<ip::Range> a = ip::parse(outer.text);
  std::optional<ip::Range> b = ip::parse(inner.text);
  if (!a || !b) return std::nullopt;
  return ip::within(*b, *a);
}

std::optional<bool> same_folded(const Operand& outer, const Operand& inner) {
  return catalog::equals_folded(outer.text, inner.text);
}

std::optional<bool> same_bytes(const Operand& outer, const Operand& inner) {
  return outer.text == inner.text;
}

// Numbers and dates: each value with its operator is a point or a half-line.
struct Bound {
  enum class Shape : uint8_t { kPoint, kBelow, kAbove } shape;
  double value;
  bool inclusive;  // for kBelow and kAbove
};

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Reads `count` digits at `at`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data() + at, text.data() + at + count, value);
  if (error != std::errc() || end != text.data() + at + count) return std::nullopt;
  at += count;
  return value;
}

bool take(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Seconds since the epoch of an ISO 8601 date as IAM takes it ("2026-01-01",
// "2026-01-01T12:00:00Z", "2026-01-01T12:00:00+02:00") or of a plain epoch number.
std::optional<double> parse_date(std::string_view text) {
  if (std::optional<double> epoch = parse_number(text)) return epoch;
  std::size_t at = 0;
  auto year = digits(text, at, 4);
  if (!year || !take(text, at, '-')) return std::nullopt;
  auto month = digits(text, at, 2);
  if (!month || !take(text, at, '-')) return std::nullopt;
  auto day = digits(text, at, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  double seconds = static_cast<double>(days_from_civil(*year, *month, *day)) * 86400;
  if (take(text, at, 'T')) {
    auto hour = digits(text, at, 2);
    if (!hour || !take(text, at, ':')) return std::nullopt;
    auto minute = digits(text, at, 2);
    if (!minute) return std::nullopt;
    seconds += *hour * 3600.0 + *minute * 60.0;
    if (take(text, at, ':')) {
      auto second = digits(text, at, 2);
      if (!second) return std::nullopt;
      seconds += *second;
      if (take(text, at, '.')) {
        const std::size_t start = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == start) return std::nullopt;
        std::string fraction = "0.";
        fraction += text.substr(start, at - start);
        seconds += *parse_number(fraction);
      }
    }
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      const double sign = text[at++] == '+' ? -1 : 1;  // local time + offset = UTC - ...
      auto hours = digits(text, at, 2);
      if (!hours || !take(text, at, ':')) return std::nullopt;
      auto minutes = digits(text, at, 2);
      if (!minutes) return std::nullopt;
      seconds += sign * (*hours * 3600.0 + *minutes * 60.0);
    } else {
      take(text, at, 'Z');
    }
  }
  if (at != text.size()) return std::nullopt;
  return seconds;
}

std::optional<Bound> bound_of(const Operand& operand) {
  const bool date = operand.op->family == Family::kDate;
  std::optional<double> value = date ? parse_date(operand.text) : parse_number(operand.text);
  if (!value) return std::nullopt;
  std::string_view comparison = operand.op->name.substr(date ? 4 : 7);  // after Date / Numeric
  if (comparison == "Equals" || comparison == "NotEquals")
    return Bound{Bound::Shape::kPoint, *value, true};
  if (comparison.starts_with("LessThan"))
    return Bound{Bound::Shape::kBelow, *value, comparison.ends_with("Equals")};
  if (comparison.starts_with("GreaterThan"))
    return Bound{Bound::Shape::kAbove, *value, comparison.ends_with("Equals")};
  return std::nullopt;
}

bool bound_contains(const Bound& outer, const Bound& inner) {
  using Shape = Bound::Shape;
  const auto below = [&](double x, bool x_inclusive) {  // the points up to x lie under outer
    return x < outer.value || (x == outer.value && (outer.inclusive || !x_inclusive));
  };
  const auto above = [&](double x, bool x_inclusive) {
    return x > outer.value || (x == outer.value && (outer.inclusive || !x_inclusive));
  };
  switch (outer.shape) {
    case Shape::kPoint:
      return inner.shape == Shape::kPoint && inner.value == outer.value;
    case Shape::kBelow:
      return inner.shape != Shape::kAbove && below(inner.value, inner.inclusive);
    case Shape::kAbove:
      return inner.shape != Shape::kBelow && above(inner.value, inner.inclusive);
  }
  return false;
}

std::optional<bool> bounds_contain(const Operand& outer, const Operand& inner) {
  std::optional<Bound> a = bound_of(outer);
  std::optional<Bound> b = bound_of(inner);
  if (!a || !b) return std::nullopt;
  return bound_contains(*a, *b);
}

Contains contains_for(Family family) {
  switch (family) {
    case Family::kString:
      return string_contains;
    case Family::kArn:
      return arn_contains;
    case Family::kIp:
      return ip_contains;
    case Family::kNumeric:
    case Family::kDate:
      return bounds_contain;
    case Family::kBool:
    case Family::kNull:
      return same_folded;
    case Family::kBinary:
      return same_bytes;
    case Family::kUnknown:
      break;
  }
  return nullptr;
}

// Whether each value of `inner` is contained in some value of `outer`.
Implication each_contained(const ast::Condition& inner, const OperatorInfo& inner_op,
                           const ast::Condition& outer, const OperatorInfo& outer_op,
                           Contains contains) {
  Implication verdict = Implication::kImplied;
  for (const ast::ConditionValue& value : inner.values) {
    bool found = false;
    bool undecided = false;
    for (const ast::ConditionValue& candidate : outer.values) {
      std::optional<bool> result = contains({candidate.text, &outer_op}, {value.text, &inner_op});
      if (!result) {
        undecided = true;
      } else if (*result) {
        found = true;
        break;
      }
    }
    if (found) continue;
    if (!undecided) return Implication::kNotImplied;
    verdict = Implication::kUndecided;
  }
  return verdict;
}

}  // namespace

Implication implies(const ast::Condition& narrower, const ast::Condition& wider) {
  if (!catalog::equals_folded(narrower.key.value, wider.key.value)) return Implication::kUndecided;
  const OperatorInfo* n = operators::find(narrower.op.base);
  const OperatorInfo* w = operators::find(wider.op.base);
  if (n == nullptr || w == nullptr || n->family != w->family || n->negated != w->negated ||
      narrower.op.qualifier != wider.op.qualifier || narrower.values.empty() ||
      wider.values.empty()) {
    return Implication::kUndecided;
  }
  // IfExists lets a request without the key through, which a positive test without it does not
  // (ForAllValues and negated tests let it through anyway).
  if (narrower.op.if_exists && !wider.op.if_exists && !w->negated &&
      wider.op.qualifier != ast::SetQualifier::kForAllValues) {
    return Implication::kNotImplied;
  }
  Contains contains = contains_for(n->family);
  if (contains == nullptr) return Implication::kUndecided;
  // A positive test is narrower when it accepts fewer values; a negated one when it excludes more.
  return n->negated ? each_contained(wider, *w, narrower, *n, contains)
                    : each_contained(narrower, *n, wider, *w, contains);
}

SetImplication implies_all(std::span<const ast::Condition> narrower,
                           std::span<const ast::Condition> wider) {
  SetImplication result;
  const auto tests_key = [](std::span<const ast::Condition> set, std::string_view key) {
    return std::any_of(set.begin(), set.end(), [&](const ast::Condition& condition) {
      return catalog::equals_folded(condition.key.value, key);
    });
  };
  const bool tests_other_keys = std::any_of(
      narrower.begin(), narrower.end(),
      [&](const ast::Condition& condition) { return !tests_key(wider, condition.key.value); });
  for (const ast::Condition& condition : wider) {
    ConditionGap gap{
        .wider = &condition,
        .verdict = tests_other_keys ? Implication::kUndecided : Implication::kNotImplied};
    bool implied = false;
    bool compared = false;
    for (const ast::Condition& candidate : narrower) {
      if (!catalog::equals_folded(candidate.key.value, condition.key.value)) continue;
      const Implication verdict = implies(candidate, condition);
      if (verdict == Implication::kImplied) {
        implied = true;
        break;
      }
      if (!compared || rank(verdict) > rank(gap.verdict)) {
        gap.nearest = &candidate;
        gap.verdict = verdict;
        compared = true;
      }
    }
    if (implied) continue;
    if (rank(gap.verdict) > rank(result.verdict)) result.verdict = gap.verdict;
    result.gaps.push_back(gap);
  }
  return result;
}

std::string describe_gap(const ConditionGap& gap) {
  const std::string wider = describe(*gap.wider);
  if (gap.nearest == nullptr) {
    return gap.verdict == Implication::kUndecided
               ? fmt::format(
                     "condition {} is gone, and the conditions on other keys that "
                     "replace it cannot be compared with it",
                     wider)
               : fmt::format("condition {} is gone", wider);
  }
  return gap.verdict == Implication::kUndecided
             ? fmt::format("condition {} cannot be compared with {}", wider, describe(*gap.nearest))
             : fmt::format("condition {} is widened to {}", wider, describe(*gap.nearest));
}

}  // namespace iamlint::analysis
