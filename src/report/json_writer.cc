#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

#include <rapidjson/internal/itoa.h>
#include <rapidjson/writer.h>

#include "json/quote.h"
#include "support/assert.h"
#include "support/text.h"

namespace iamlint::report {

namespace {

constexpr std::size_t kIndentPerLevel = 2;
// What new_line copies from: a separator, a line break and the indentation of up to 32 levels
// (deeper ones are filled in).
constexpr std::size_t kCopiedIndent = 32 * kIndentPerLevel;
constexpr auto kLineBreak = [] {
  std::array<char, 2 + kCopiedIndent> text{};
  text.fill(' ');
  text[0] = ',';
  text[1] = '\n';
  return text;
}();
// The line breaks of the first fifteen levels, which nearly every report stays within.
constexpr std::size_t kFixedCopy = 32;
constexpr std::size_t kMaxDigits = std::numeric_limits<uint64_t>::digits10 + 1;

// `text` between quotes at `at`; where it ends.
char* write_quoted(char* at, std::string_view text) {
  at[0] = '"';
  std::memcpy(at + 1, text.data(), text.size());
  at[text.size() + 1] = '"';
  return at + text.size() + 2;
}

}  // namespace

ReportPrettyWriter::ReportPrettyWriter(rapidjson::StringBuffer& buffer) : PrettyWriter(buffer) {
  SetIndent(' ', kIndentPerLevel);
}

// new_line, begin_value and begin_member are inlined in each function that writes a value: as
// calls, their entry and exit cost about as much as their work.
[[gnu::always_inline]] inline char* ReportPrettyWriter::new_line(bool comma, std::size_t size) {
  const std::size_t indent = level_stack_.GetSize() / sizeof(Level) * kIndentPerLevel;
  const std::size_t length = (comma ? 2 : 1) + indent;
  const char* from = kLineBreak.data() + (comma ? 0 : 1);
  // Nearly always a copy of a fixed size, which the compiler writes as a few moves, and what it
  // copies past `length` is overwritten or given back.
  if (length <= kFixedCopy) {
    const std::size_t reserved = std::max(length + size, kFixedCopy);
    char* at = os_->Push(reserved);
    std::memcpy(at, from, kFixedCopy);
    os_->Pop(reserved - length - size);
    return at + length;
  }
  char* at = os_->Push(length + size);
  if (indent <= kCopiedIndent) {
    std::memcpy(at, from, length);
  } else {
    std::memcpy(at, from, length - indent);
    std::memset(at + length - indent, ' ', indent);
  }
  return at + length;
}

// PrettyWriter::PrettyPrefix in one piece.
[[gnu::always_inline]] inline char* ReportPrettyWriter::begin_value(std::size_t size) {
  if (level_stack_.Empty()) {
    hasRoot_ = true;
    return os_->Push(size);
  }
  Level& level = *level_stack_.Top<Level>();
  const std::size_t count = level.valueCount++;
  if (!level.inArray && count % 2 == 1) {  // after its key
    char* at = os_->Push(2 + size);
    at[0] = ':';
    at[1] = ' ';
    return at + 2;
  }
  return new_line(count > 0, size);
}

bool ReportPrettyWriter::start(char bracket, bool array) {
  *begin_value(1) = bracket;
  new (level_stack_.Push<Level>()) Level(array);
  return true;
}

bool ReportPrettyWriter::end(char bracket) {
  if (level_stack_.Pop<Level>(1)->valueCount == 0) {
    os_->Put(bracket);
  } else {
    *new_line(false, 1) = bracket;
  }
  return true;
}

void ReportPrettyWriter::write_digits(char* at, uint64_t value) {
  const char* end = rapidjson::internal::u64toa(value, at);
  os_->Pop(kMaxDigits - static_cast<std::size_t>(end - at));
}

bool ReportPrettyWriter::Uint64(uint64_t value) {
  write_digits(begin_value(kMaxDigits), value);
  return true;
}

[[gnu::always_inline]] inline char* ReportPrettyWriter::begin_member(std::string_view name,
                                                                     std::size_t size) {
  char* at = begin_value(name.size() + 4 + size);
  at = write_quoted(at, name);
  at[0] = ':';
  at[1] = ' ';
  ++level_stack_.Top<Level>()->valueCount;  // the value's
  return at + 2;
}

void ReportPrettyWriter::plain_string(std::string_view text) {
  write_quoted(begin_value(text.size() + 2), text);
}

void ReportPrettyWriter::plain_member(std::string_view name, std::string_view value) {
  write_quoted(begin_member(name, value.size() + 2), value);
}

void ReportPrettyWriter::number_member(std::string_view name, uint64_t value) {
  write_digits(begin_member(name, kMaxDigits), value);
}

void ReportPrettyWriter::open_levels(std::size_t depth) {
  for (std::size_t i = 0; i < depth; ++i) new (level_stack_.Push<Level>()) Level(true);
  level_stack_.Top<Level>()->valueCount = 1;
  hasRoot_ = true;
}

std::size_t ReportPrettyWriter::elements() const {
  return level_stack_.Top<Level>()->valueCount;
}

bool ReportPrettyWriter::add_elements(std::size_t count) {
  Level* level = level_stack_.Top<Level>();
  IAMLINT_DEBUG_ASSERT(level->inArray);
  const bool had = level->valueCount > 0;
  level->valueCount += count;
  return had;
}

bool is_plain_json_string(std::string_view text) {
  // Eight bytes at a time. For a byte b below 0x80, b + 0x60 sets the high bit exactly when
  // b >= 0x20, with no carry into the next byte; (x - 0x0101...) & ~x & 0x8080... is non-zero
  // exactly when a byte of x is zero.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  constexpr auto plain = [=](uint64_t word) {
    const uint64_t control = ~((word & ~kHighBits) + 0x6060606060606060u) & kHighBits;
    return ((word & kHighBits) | control | has_zero_byte(word ^ ('"' * kOnes)) |
            has_zero_byte(word ^ ('\\' * kOnes))) == 0;
  };
  const auto load = [](const char* at, std::size_t size) {
    uint64_t word = 0;
    std::memcpy(&word, at, size);
    return word;
  };
  const char* at = text.data();
  std::size_t size = text.size();
  // A short string, as most keys are, in one word of overlapping loads and no loop: its first and
  // last four bytes, or its first, middle and last byte padded with spaces.
  if (size >= sizeof(uint64_t)) {
    for (; size > sizeof(uint64_t); at += sizeof(uint64_t), size -= sizeof(uint64_t)) {
      if (!plain(load(at, sizeof(uint64_t)))) return false;
    }
    return plain(load(at + size - sizeof(uint64_t), sizeof(uint64_t)));
  }
  if (size >= 4) return plain(load(at, 4) | load(at + size - 4, 4) << 32);
  if (size == 0) return true;
  const auto byte = [](char c) { return uint64_t{static_cast<unsigned char>(c)}; };
  return plain(0x2020202020000000u | byte(at[0]) | byte(at[size / 2]) << 8 |
               byte(at[size - 1]) << 16);
}

namespace {

// The buffer of the ArrayAt writer on this thread. Each file's part is copied out of it in
// pieces, and it serves the next file at the size it has grown to, as a stream writer's own
// buffer does.
struct ThreadBuffer {
  rapidjson::StringBuffer buffer;
  bool lent = false;
};
thread_local ThreadBuffer thread_buffer;
// A buffer that an exceptionally large value grew past this is freed, not kept (the writer hands
// its text over between objects, at about JsonWriter::kPieceBytes).
constexpr std::size_t kKeptBufferBytes = std::size_t{1} << 20;

rapidjson::StringBuffer& borrow_thread_buffer() {
  IAMLINT_ASSERT(!thread_buffer.lent);  // one ArrayAt writer at a time per thread
  thread_buffer.lent = true;
  return thread_buffer.buffer;
}

void return_thread_buffer() {
  rapidjson::StringBuffer& buffer = thread_buffer.buffer;
  buffer.Clear();
  if (buffer.stack_.GetCapacity() > kKeptBufferBytes) buffer.ShrinkToFit();
  thread_buffer.lent = false;
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(&out), buffer_(own_buffer_), writer_(buffer_) {}

JsonWriter::JsonWriter(ArrayAt at)
    : out_(nullptr), buffer_(borrow_thread_buffer()), writer_(buffer_) {
  writer_.open_levels(at.depth);
}

JsonWriter::~JsonWriter() {
  if (out_ == nullptr) return_thread_buffer();
}

void JsonWriter::checked_key(std::string_view name) {
  if (is_plain_json_string(name)) return writer_.plain_string(name);
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonWriter::field(Key name, std::string_view value) {
  if (is_plain_json_string(value)) return writer_.plain_member(name.text(), value);
  key(name);
  escaped_string(value);
}

void JsonWriter::string(std::string_view value) {
  if (is_plain_json_string(value)) return writer_.plain_string(value);
  escaped_string(value);
}

void JsonWriter::escaped_string(std::string_view value) {
  // Nearly every string is valid already; only the others are copied and repaired.
  std::string valid;
  if (!is_valid_utf8(value)) value = valid = to_valid_utf8(value);
  if (has_control_unseen_by_sse2(value)) {
    const std::string escaped = json::quoted(value);
    writer_.RawValue(escaped.data(), escaped.size(), rapidjson::kStringType);
    return;
  }
  writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::size_t JsonWriter::number_placeholder() {
  writer_.value_placeholder();
  return handed_over_ + buffer_.GetSize();
}

std::size_t JsonWriter::elements() const {
  return writer_.elements() - 1;  // the one that ArrayAt pretends came before
}

void JsonWriter::hand_over() {
  if (out_ != nullptr) return flush();
  handed_over_ += buffer_.GetSize();
  pieces_.emplace_back(buffer_.GetString(), buffer_.GetSize());
  buffer_.Clear();
}

std::vector<std::string> JsonWriter::take() {
  if (buffer_.GetSize() > 0) hand_over();
  handed_over_ = 0;
  return std::exchange(pieces_, {});
}

void JsonWriter::append(std::span<const std::string> elements, std::size_t count,
                        std::span<const NumberAt> numbers) {
  if (count == 0) return;
  // The array's first element has no separator before it.
  IAMLINT_DEBUG_ASSERT(!elements.empty() && elements.front().starts_with(','));
  std::size_t at = writer_.add_elements(count) ? 0 : 1;  // in the whole text
  flush();
  const auto write = [&](std::string_view text) {
    out_->write(text.data(), static_cast<std::streamsize>(text.size()));
  };
  const NumberAt* number = numbers.data();
  const NumberAt* const numbers_end = number + numbers.size();
  std::size_t piece_at = 0;  // where the piece starts in the whole text
  for (const std::string& piece : elements) {
    const std::size_t piece_end = piece_at + piece.size();
    for (; number != numbers_end && number->offset <= piece_end; ++number) {
      write(std::string_view(piece).substr(at - piece_at, number->offset - at));
      char digits[kMaxDigits];
      const auto written = std::to_chars(std::begin(digits), std::end(digits), number->value);
      write({digits, written.ptr});
      at = number->offset;
    }
    write(std::string_view(piece).substr(at - piece_at));
    at = piece_at = piece_end;
  }
}

void JsonWriter::flush() {
  IAMLINT_DEBUG_ASSERT(out_ != nullptr);
  out_->write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonWriter::finish() {
  flush();
  *out_ << '\n';
}

}  // namespace iamlint::report
