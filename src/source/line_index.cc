#include "source/line_index.h"

#include <algorithm>
#include <bit>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "support/assert.h"

namespace iamlint::source {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence led by `lead`, or 1 for a byte that cannot lead one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// The character at bytes[i]: its length in bytes and in UTF-16 code units. A byte that does not
// start a complete UTF-8 sequence is a character of its own.
struct Character {
  int bytes;
  int utf16_units;
};

Character character_at(std::string_view bytes, std::size_t i) {
  int length = sequence_length(static_cast<unsigned char>(bytes[i]));
  bool complete = i + length <= bytes.size();
  for (int k = 1; complete && k < length; ++k) {
    complete = is_continuation(static_cast<unsigned char>(bytes[i + k]));
  }
  if (!complete) return {1, 1};
  // Code points above U+FFFF take a surrogate pair in UTF-16.
  return {length, length == 4 ? 2 : 1};
}

// A mask of the CR and LF bytes among the 32 from `bytes` on. Lines are short (some 40 bytes in a
// policy), so a search started for each line break costs more than testing 32 bytes at once.
uint32_t line_breaks(const char* bytes) {
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
  const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16));
  const auto low_breaks = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(low, lf), _mm_cmpeq_epi8(low, cr))));
  const auto high_breaks = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(high, lf), _mm_cmpeq_epi8(high, cr))));
  return low_breaks | high_breaks << 16;
#else
  uint32_t breaks = 0;
  for (unsigned i = 0; i < 32; ++i) {
    if (bytes[i] == '\n' || bytes[i] == '\r') breaks |= uint32_t{1} << i;
  }
  return breaks;
#endif
}

}  // namespace

uint32_t character_size(std::string_view bytes, std::size_t i) {
  return character_at(bytes, i).bytes;
}

uint32_t count_columns(std::string_view bytes, ColumnUnit unit) {
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  uint32_t columns = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    // Eight ASCII bytes, the common case, are eight columns in either unit.
    uint64_t word;
    if (i + sizeof word <= bytes.size()) {
      std::memcpy(&word, bytes.data() + i, sizeof word);
      if ((word & kHighBits) == 0) {
        columns += sizeof word;
        i += sizeof word;
        continue;
      }
    }
    // The bytes of a range's last word are mostly ASCII too.
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++columns;
      ++i;
      continue;
    }
    const Character c = character_at(bytes, i);
    columns += unit == ColumnUnit::kUtf16CodeUnits ? c.utf16_units : 1;
    i += c.bytes;
  }
  return columns;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  uint32_t first = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  // Lines of policies and templates average some 40 bytes: room for nearly all at once.
  line_starts_.reserve(text.size() / 32 + 1);
  line_starts_.push_back(first);
  // The last bytes are tested in a copy padded with zeros.
  const std::size_t last_block = first + (text.size() - first) / 32 * 32;
  char last[32] = {};
  for (std::size_t block = first; block < text.size(); block += 32) {
    const char* bytes = text.data() + block;
    if (block == last_block) {
      bytes = static_cast<char*>(std::memcpy(last, bytes, text.size() - block));
    }
    for (uint32_t breaks = line_breaks(bytes); breaks != 0; breaks &= breaks - 1) {
      const std::size_t i = block + std::countr_zero(breaks);
      // The LF of a CRLF ends no line of its own: the CR before it did.
      if (text[i] == '\n' && i > first && text[i - 1] == '\r') continue;
      const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
      end_line(static_cast<uint32_t>(i));
      line_starts_.push_back(static_cast<uint32_t>(i + (crlf ? 2 : 1)));
    }
  }
  end_line(static_cast<uint32_t>(text.size()));
}

void LineIndex::add_checkpoints(uint32_t start, uint32_t end) {
  // Counting stops at the line end, as position() does for offsets on this line.
  const std::string_view line = text_.substr(start, end - start);
  Checkpoint at{start, 0, 0};
  uint32_t next = kCheckpointSpacing;
  for (std::size_t i = 0; i < line.size();) {
    if (i >= next) {
      at.offset = start + static_cast<uint32_t>(i);
      checkpoints_.push_back(at);
      next += kCheckpointSpacing;
    }
    const Character c = character_at(line, i);
    ++at.code_points;
    at.utf16_units += c.utf16_units;
    i += c.bytes;
  }
}

Position LineIndex::position(uint32_t offset, ColumnUnit unit) const {
  IAMLINT_ASSERT(offset <= text_.size());
  // The last line start that is <= offset; an offset inside the BOM maps to column 1.
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(std::max<std::ptrdiff_t>(after - line_starts_.begin(), 1));
  uint32_t from = line_starts_[line - 1];
  uint32_t column = 0;
  // Start from the last checkpoint of this line at or before the offset, if there is one.
  auto checkpoint = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                     [](uint32_t o, const Checkpoint& c) { return o < c.offset; });
  if (checkpoint != checkpoints_.begin() && std::prev(checkpoint)->offset > from) {
    const Checkpoint& c = *std::prev(checkpoint);
    from = c.offset;
    column = unit == ColumnUnit::kUtf16CodeUnits ? c.utf16_units : c.code_points;
  }
  if (offset > from) column += count_columns(text_.substr(from, offset - from), unit);
  return {.line = line, .column = column + 1};
}

LineIndex::Span LineIndex::span(uint32_t begin, uint32_t end, ColumnUnit unit) const {
  IAMLINT_ASSERT(begin <= end);
  const Position start = position(begin, unit);
  const bool one_line = start.line == line_count() || end < line_starts_[start.line];
  // Counting on from `begin` counts what counting from the line start would when a character
  // starts there, which an ASCII byte always does (a byte-order mark is no column at all). A
  // long range is left to the checkpoints, so that a finding's cost stays bounded.
  const bool ascii_start = begin < text_.size() && static_cast<unsigned char>(text_[begin]) < 0x80;
  if (!one_line || !ascii_start || begin < line_starts_[start.line - 1] ||
      end - begin > kCheckpointSpacing) {
    return {start, position(end, unit)};
  }
  return {start,
          {start.line, start.column + count_columns(text_.substr(begin, end - begin), unit)}};
}

uint32_t LineIndex::column_offset(uint32_t line, uint32_t column) const {
  const std::string_view content = line_text(line);
  const uint32_t start = line_starts_[line - 1];
  // Skip to the last checkpoint of the line before the column.
  auto first = std::lower_bound(checkpoints_.begin(), checkpoints_.end(), start,
                                [](const Checkpoint& c, uint32_t o) { return c.offset < o; });
  auto last = std::lower_bound(first, checkpoints_.end(), start + content.size() + 1,
                               [](const Checkpoint& c, uint32_t o) { return c.offset < o; });
  auto after = std::upper_bound(first, last, column - 1, [](uint32_t wanted, const Checkpoint& c) {
    return wanted < c.code_points;
  });
  std::size_t i = 0;
  uint32_t seen = 0;
  if (after != first) {
    i = std::prev(after)->offset - start;
    seen = std::prev(after)->code_points;
  }
  for (; seen + 1 < column && i < content.size(); ++seen) i += character_size(content, i);
  return start + static_cast<uint32_t>(std::min(i, content.size()));
}

std::string_view LineIndex::line_text(uint32_t line) const {
  IAMLINT_ASSERT(line >= 1 && line <= line_starts_.size());
  uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view content = text_.substr(start, end - start);
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) {
    content.remove_suffix(1);
  }
  return content;
}

}  // namespace iamlint::source
