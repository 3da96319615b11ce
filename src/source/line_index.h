// Turns byte offsets into 1-based line and column numbers. Only reporters use it.
//
// Lines end at LF, CR or CRLF (as in SARIF and in editors). A UTF-8 byte-order mark at the start
// of the buffer is not part of the first line's columns. Columns count either Unicode code points
// (text output) or UTF-16 code units (SARIF's utf16CodeUnits); a byte that is not valid UTF-8
// counts as one unit, so a position is always defined.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iamlint::source {

enum class ColumnUnit { kCodePoints, kUtf16CodeUnits };

struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(Position, Position) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // `offset` may equal text.size() (the end of the buffer).
  [[nodiscard]] Position position(uint32_t offset, ColumnUnit unit) const;

  // The text of a 1-based line, without its terminator.
  [[nodiscard]] std::string_view line_text(uint32_t line) const;
  [[nodiscard]] uint32_t line_start(uint32_t line) const { return line_starts_[line - 1]; }
  [[nodiscard]] uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;  // byte offset of each line's first column
};

// Counts the columns that `bytes` occupies in `unit`.
[[nodiscard]] uint32_t count_columns(std::string_view bytes, ColumnUnit unit);

}  // namespace iamlint::source
