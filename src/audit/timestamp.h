// The times of the exports: ISO 8601 as AWS writes them ("2026-11-30T08:15:02+00:00",
// "2026-11-30T08:15:02Z", with or without fractions of a second) and dates ("2026-11-30", for
// --now). Audits compare them with the report's own time, never with the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iamlint::audit {

// Seconds since 1970-01-01T00:00:00Z.
using Timestamp = int64_t;

// The time a text names, or nullopt when it is none (the credential report's "N/A",
// "no_information", "not_supported", or anything malformed).
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);

// Whole days from `earlier` to `later` (negative when `earlier` is after `later`).
[[nodiscard]] int64_t days_between(Timestamp earlier, Timestamp later);

// "2026-11-30", for messages.
[[nodiscard]] std::string format_date(Timestamp at);

}  // namespace iamlint::audit
