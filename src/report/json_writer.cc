#include "report/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>

#include <rapidjson/writer.h>

#include "json/quote.h"
#include "support/assert.h"
#include "support/text.h"

namespace iamlint::report {

void ReportPrettyWriter::plain_string(std::string_view text) {
  PrettyPrefix(rapidjson::kStringType);
  char* at = os_->Push(text.size() + 2);
  at[0] = '"';
  std::memcpy(at + 1, text.data(), text.size());
  at[text.size() + 1] = '"';
  EndValue(true);
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

void ReportPrettyWriter::raw(std::string_view text) {
  std::memcpy(os_->Push(text.size()), text.data(), text.size());
}

bool is_plain_json_string(std::string_view text) {
  // Eight bytes at a time. For a byte b below 0x80, b + 0x60 sets the high bit exactly when
  // b >= 0x20, with no carry into the next byte; (x - 0x0101...) & ~x & 0x8080... is non-zero
  // exactly when a byte of x is zero.
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr auto has_zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighBits; };
  while (text.size() >= sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data(), sizeof word);
    const uint64_t control = ~((word & ~kHighBits) + 0x6060606060606060u) & kHighBits;
    if (((word & kHighBits) | control | has_zero_byte(word ^ ('"' * kOnes)) |
         has_zero_byte(word ^ ('\\' * kOnes))) != 0) {
      return false;
    }
    text.remove_prefix(sizeof word);
  }
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\';
  });
}

namespace {

// The buffer of the ArrayAt writer on this thread. Each file's part is copied out of it, and it
// serves the next file at the size it has grown to, as a stream writer's own buffer does.
struct ThreadBuffer {
  rapidjson::StringBuffer buffer;
  bool lent = false;
};
thread_local ThreadBuffer thread_buffer;
// A buffer that an exceptionally large part grew past this is freed, not kept.
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

JsonWriter::JsonWriter(std::ostream& out) : out_(&out), buffer_(own_buffer_), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
}

JsonWriter::JsonWriter(ArrayAt at)
    : out_(nullptr), buffer_(borrow_thread_buffer()), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
  writer_.open_levels(at.depth);
}

JsonWriter::~JsonWriter() {
  if (out_ == nullptr) return_thread_buffer();
}

void JsonWriter::key(std::string_view name) {
  if (is_plain_json_string(name)) return writer_.plain_string(name);
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonWriter::string(std::string_view value) {
  if (is_plain_json_string(value)) return writer_.plain_string(value);
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
  return buffer_.GetSize();
}

std::size_t JsonWriter::elements() const {
  return writer_.elements() - 1;  // the one that ArrayAt pretends came before
}

std::string JsonWriter::take() {
  return {buffer_.GetString(), buffer_.GetSize()};
}

void JsonWriter::append(std::string_view elements, std::size_t count,
                        std::span<const NumberAt> numbers) {
  if (count == 0) return;
  // The array's first element has no separator before it.
  IAMLINT_DEBUG_ASSERT(elements.starts_with(','));
  std::size_t at = writer_.add_elements(count) ? 0 : 1;
  for (const NumberAt& number : numbers) {
    writer_.raw(elements.substr(at, number.offset - at));
    char digits[std::numeric_limits<uint64_t>::digits10 + 1];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), number.value);
    writer_.raw({digits, written.ptr});
    at = number.offset;
  }
  writer_.raw(elements.substr(at));
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
