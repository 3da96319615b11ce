#include "audit/timestamp.h"

#include <chrono>

#include <fmt/core.h>

namespace iamlint::audit {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;

// Reads exactly `digits` decimal digits at `at`, advancing it.
std::optional<int> number(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  at += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  std::size_t at = 0;
  const auto year = number(text, at, 4);
  if (!year || !expect(text, at, '-')) return std::nullopt;
  const auto month = number(text, at, 2);
  if (!month || !expect(text, at, '-')) return std::nullopt;
  const auto day = number(text, at, 2);
  if (!day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  Timestamp seconds =
      static_cast<Timestamp>(std::chrono::sys_days(date).time_since_epoch().count()) *
      kSecondsPerDay;
  if (at == text.size()) return seconds;
  if (!expect(text, at, 'T')) return std::nullopt;
  const auto hour = number(text, at, 2);
  if (!hour || *hour > 23 || !expect(text, at, ':')) return std::nullopt;
  const auto minute = number(text, at, 2);
  if (!minute || *minute > 59 || !expect(text, at, ':')) return std::nullopt;
  const auto second = number(text, at, 2);
  if (!second || *second > 60) return std::nullopt;
  seconds += *hour * 3600 + *minute * 60 + *second;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t digits = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == digits) return std::nullopt;
  }
  if (at < text.size() && text[at] == 'Z')
    return at + 1 == text.size() ? std::optional(seconds) : std::nullopt;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '+' ? 1 : -1;
    ++at;
    const auto offset_hours = number(text, at, 2);
    if (!offset_hours || !expect(text, at, ':')) return std::nullopt;
    const auto offset_minutes = number(text, at, 2);
    if (!offset_minutes || at != text.size()) return std::nullopt;
    return seconds - sign * (*offset_hours * 3600 + *offset_minutes * 60);
  }
  return at == text.size() ? std::optional(seconds) : std::nullopt;
}

int64_t days_between(Timestamp earlier, Timestamp later) {
  return (later - earlier) / kSecondsPerDay;
}

std::string format_date(Timestamp at) {
  const auto days = std::chrono::sys_days(std::chrono::days(
      at >= 0 ? at / kSecondsPerDay : (at - kSecondsPerDay + 1) / kSecondsPerDay));
  const std::chrono::year_month_day date(days);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace iamlint::audit
