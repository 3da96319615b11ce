// A thin layer over RapidJSON's writer for the JSON-based reports: two-space indentation, strings
// that are always valid UTF-8 whatever bytes the input held, and output that streams: flush()
// hands what is written so far to the stream, so a report of any size needs little memory.
//
// A part of a document can be written apart, on another thread say: a writer made with
// JsonWriter(ArrayAt) writes elements of an array nested in the document, and the document's
// writer append()s them in their turn, with numbers that only it knows put in their places.
// Either writer hands its text over in pieces of about kPieceBytes as it goes (to the stream, or
// into the pieces that take() returns), so that neither a long part nor the document is ever held
// in one buffer, and a long part never beside a copy of itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace iamlint::report {

// RapidJSON's pretty writer with two-space indentation, faster where a report spends its time:
// - what comes before a value (a separator, a line break and the indentation; or ": " after a
//   key) is put in one piece with the value, or with a member's name and value, where RapidJSON
//   puts it byte by byte;
// - a string that needs no escaping goes straight into the buffer: RapidJSON copies a string
//   shorter than 16 bytes one byte at a time, scanning again for escapes after each, and nearly
//   every key and many values of a report are such strings.
// The bytes are RapidJSON's own (its String() escapes the other strings).
class ReportPrettyWriter : public rapidjson::PrettyWriter<rapidjson::StringBuffer> {
 public:
  explicit ReportPrettyWriter(rapidjson::StringBuffer& buffer);

  bool StartObject() { return start('{', false); }
  bool StartArray() { return start('[', true); }
  bool EndObject() { return end('}'); }
  bool EndArray() { return end(']'); }
  bool Uint64(uint64_t value);
  // `text`, `name` and `value` must be plain (see is_plain_json_string).
  void plain_string(std::string_view text);
  // A member of an object, "name": value, in one piece.
  void plain_member(std::string_view name, std::string_view value);
  void number_member(std::string_view name, uint64_t value);

  // Opens `depth` levels, the innermost an array that has an element already.
  void open_levels(std::size_t depth);
  // The elements of the innermost open array.
  [[nodiscard]] std::size_t elements() const;
  // Counts `count` elements more in the innermost array; whether it had any before.
  bool add_elements(std::size_t count);
  // The place of a value written later: writes what comes before it (for a number).
  void value_placeholder() { begin_value(0); }

 private:
  // What comes before the next value, and room for its `size` bytes after it.
  char* begin_value(std::size_t size);
  // A ',' when `comma`, a line break, the indentation of the open levels, and room for `size`.
  char* new_line(bool comma, std::size_t size);
  // A member's name and what comes before it, and room for the value's `size` bytes.
  char* begin_member(std::string_view name, std::size_t size);
  // `value` in the kMaxDigits bytes of room at `at`, which is the buffer's end; the rest given
  // back.
  void write_digits(char* at, uint64_t value);
  bool start(char bracket, bool array);
  bool end(char bracket);
};

// Whether `text` is ASCII from the space on, without '"' or '\\': JSON writes such text as it is.
[[nodiscard]] bool is_plain_json_string(std::string_view text);

class JsonWriter {
 public:
  // About what a writer buffers before it hands its text over: a part this short (nine in ten)
  // is one piece.
  static constexpr std::size_t kPieceBytes = std::size_t{64} << 10;

  // Elements of an array `depth` levels deep in another writer's document (the outermost value
  // is level 1), for that writer's append(). Each comes after a separator, as if an element came
  // before it.
  struct ArrayAt {
    std::size_t depth;
  };
  // A number to put at an offset of elements' text, where number_placeholder() left its place.
  struct NumberAt {
    std::size_t offset;
    uint64_t value;
  };

  // A key spelled in the code: a string literal, which the compiler checks needs no escaping, so
  // that writing it checks nothing. Other keys are checked as they are written.
  class Key {
   public:
    template <std::size_t N>
    consteval Key(const char (&text)[N]) : text_(text, N - 1) {  // implicit, as a literal is
      for (char c : text_) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') throw "a key that JSON escapes";
      }
    }
    [[nodiscard]] constexpr std::string_view text() const { return text_; }

   private:
    std::string_view text_;
  };
  // Any other text for a key (a literal is a Key).
  template <class Text>
  static constexpr bool kRuntimeText =
      std::is_convertible_v<const Text&, std::string_view> && !std::is_array_v<Text>;

  explicit JsonWriter(std::ostream& out);
  explicit JsonWriter(ArrayAt at);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { writer_.StartObject(); }
  void end_object() {
    writer_.EndObject();
    if (buffer_.GetSize() >= kPieceBytes) hand_over();
  }
  void begin_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }
  void key(Key name) { writer_.plain_string(name.text()); }
  template <class Text>
  requires kRuntimeText<Text>
  void key(const Text& name) { checked_key(name); }
  void string(std::string_view value);
  void number(uint64_t value) { writer_.Uint64(value); }
  void boolean(bool value) { writer_.Bool(value); }
  void null() { writer_.Null(); }

  // key + value in one call, the common case.
  void field(Key name, std::string_view value);
  void field(Key name, uint64_t value) { writer_.number_member(name.text(), value); }
  template <class Text>
  requires kRuntimeText<Text>
  void field(const Text& name, std::string_view value) { key(name), string(value); }
  template <class Text>
  requires kRuntimeText<Text>
  void field(const Text& name, uint64_t value) { key(name), number(value); }

  // An ArrayAt writer's number that the document's writer puts in: the offset in take()'s text
  // (its pieces one after another).
  [[nodiscard]] std::size_t number_placeholder();
  // An ArrayAt writer's elements: how many, and their text in pieces.
  [[nodiscard]] std::size_t elements() const;
  [[nodiscard]] std::vector<std::string> take();
  // Adds to the array open here `count` elements that an ArrayAt writer wrote at this depth, with
  // `numbers` (in order of offset) in their places: flushes, then writes them to the stream.
  void append(std::span<const std::string> elements, std::size_t count,
              std::span<const NumberAt> numbers);

  // Writes what is buffered to the stream; the document may stay open.
  void flush();
  // Flushes the finished document and a final newline.
  void finish();

 private:
  // What is buffered, to the stream or into pieces_.
  void hand_over();
  void checked_key(std::string_view name);
  // A string that is not plain.
  void escaped_string(std::string_view value);

  std::ostream* out_;  // null for an ArrayAt writer
  // A StringBuffer, not a stream adaptor: RapidJSON escapes strings with SIMD only into one.
  // An ArrayAt writer borrows its thread's, which the part of an earlier file grew already.
  rapidjson::StringBuffer own_buffer_;
  rapidjson::StringBuffer& buffer_;
  ReportPrettyWriter writer_;
  std::vector<std::string> pieces_;  // an ArrayAt writer's text handed over so far
  std::size_t handed_over_ = 0;      // its bytes
};

}  // namespace iamlint::report
