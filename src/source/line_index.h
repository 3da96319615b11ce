// Turns byte offsets into 1-based line and column numbers. Only reporters use it.
//
// A column is counted from the nearest checkpoint before the offset: long lines (a minified policy
// is one line of up to 4 MiB) get one every kCheckpointSpacing bytes, so that each of many
// findings on such a line costs a bounded count, not a scan from the line start.
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

  // Where a range starts and ends. A range on one line, the common case, is counted on from its
  // start instead of again from the line's.
  struct Span {
    Position start, end;
  };
  [[nodiscard]] Span span(uint32_t begin, uint32_t end, ColumnUnit unit) const;

  // The byte offset where a 1-based column (in code points) of a 1-based line starts; the end of
  // the line's text for a column past it.
  [[nodiscard]] uint32_t column_offset(uint32_t line, uint32_t column) const;

  // The text of a 1-based line, without its terminator.
  [[nodiscard]] std::string_view line_text(uint32_t line) const;
  [[nodiscard]] uint32_t line_start(uint32_t line) const { return line_starts_[line - 1]; }
  [[nodiscard]] uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  // Columns before a character boundary of a long line, in both units.
  struct Checkpoint {
    uint32_t offset;
    uint32_t code_points;
    uint32_t utf16_units;
  };
  static constexpr uint32_t kCheckpointSpacing = 1024;

  // Ends the last line at `end`; a long one gets its checkpoints.
  void end_line(uint32_t end) {
    if (end - line_starts_.back() > kCheckpointSpacing) add_checkpoints(line_starts_.back(), end);
  }
  void add_checkpoints(uint32_t start, uint32_t end);

  std::string_view text_;
  std::vector<uint32_t> line_starts_;    // byte offset of each line's first column
  std::vector<Checkpoint> checkpoints_;  // sorted by offset; none on short lines
};

// Counts the columns that `bytes` occupies in `unit`.
[[nodiscard]] uint32_t count_columns(std::string_view bytes, ColumnUnit unit);

// The length in bytes of the character at bytes[i]: a UTF-8 sequence, or one byte that does not
// start a complete one. Columns count these characters.
[[nodiscard]] uint32_t character_size(std::string_view bytes, std::size_t i);

}  // namespace iamlint::source
