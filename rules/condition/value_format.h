// Value formats of the Numeric, Date, Bool and Binary condition operators, shared by the
// condition family's rules.
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <string_view>

#include <re2/re2.h>

#include "catalog/ascii.h"

namespace iamlint::rules::value_format {

inline bool is_boolean(std::string_view text) {
  return catalog::equals_folded(text, "true") || catalog::equals_folded(text, "false");
}

inline bool is_number(std::string_view text) {
  static const re2::RE2 kNumber(R"([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)");
  return re2::RE2::FullMatch(text, kNumber);
}

// Seconds since 1970 ("1735689600"): accepted by Date operators but easy to misread.
inline bool is_epoch(std::string_view text) {
  static const re2::RE2 kEpoch(R"(-?\d+(\.\d+)?)");
  return re2::RE2::FullMatch(text, kEpoch);
}

// A W3C/ISO 8601 date or date-time: 2026-01-31, 2026-01-31T12:00Z, 2026-01-31T12:00:00.5+02:00.
inline bool is_iso_date(std::string_view text) {
  static const re2::RE2 kDate(
      R"(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?)?)?)");
  return re2::RE2::FullMatch(text, kDate);
}

inline bool is_base64(std::string_view text) {
  static const re2::RE2 kBase64(R"(([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)");
  return !text.empty() && re2::RE2::FullMatch(text, kBase64);
}

}  // namespace iamlint::rules::value_format
