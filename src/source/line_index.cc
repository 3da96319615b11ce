#include "source/line_index.h"

#include <algorithm>

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

}  // namespace

uint32_t count_columns(std::string_view bytes, ColumnUnit unit) {
  uint32_t columns = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    int length = sequence_length(static_cast<unsigned char>(bytes[i]));
    bool complete = i + length <= bytes.size();
    for (int k = 1; complete && k < length; ++k) {
      complete = is_continuation(static_cast<unsigned char>(bytes[i + k]));
    }
    if (!complete) length = 1;  // a stray byte is one column
    // Code points above U+FFFF take a surrogate pair in UTF-16.
    columns += (unit == ColumnUnit::kUtf16CodeUnits && length == 4 && complete) ? 2 : 1;
    i += length;
  }
  return columns;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  uint32_t first = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  line_starts_.push_back(first);
  for (uint32_t i = first; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

Position LineIndex::position(uint32_t offset, ColumnUnit unit) const {
  IAMLINT_ASSERT(offset <= text_.size());
  // The last line start that is <= offset; an offset inside the BOM maps to column 1.
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(std::max<std::ptrdiff_t>(after - line_starts_.begin(), 1));
  uint32_t start = line_starts_[line - 1];
  uint32_t column = offset > start ? count_columns(text_.substr(start, offset - start), unit) : 0;
  return {.line = line, .column = column + 1};
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
