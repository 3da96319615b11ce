// A thin layer over RapidJSON's writer for the JSON-based reports: two-space indentation, strings
// that are always valid UTF-8 whatever bytes the input held, and output that streams: flush()
// hands what is written so far to the stream, so a report of any size needs little memory.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace iamlint::report {

// RapidJSON's pretty writer, and a way to write a string that needs no escaping straight into the
// buffer: RapidJSON copies a string shorter than 16 bytes one byte at a time, scanning again for
// escapes after each, and nearly every key and many values of a report are such strings.
class ReportPrettyWriter : public rapidjson::PrettyWriter<rapidjson::StringBuffer> {
 public:
  using rapidjson::PrettyWriter<rapidjson::StringBuffer>::PrettyWriter;
  // `text` must be plain (see is_plain_json_string).
  void plain_string(std::string_view text);
};

// Whether `text` is ASCII from the space on, without '"' or '\\': JSON writes such text as it is.
[[nodiscard]] bool is_plain_json_string(std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);

  void begin_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void begin_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }
  void key(std::string_view name);
  void string(std::string_view value);
  void number(uint64_t value) { writer_.Uint64(value); }
  void boolean(bool value) { writer_.Bool(value); }
  void null() { writer_.Null(); }

  // key + value in one call, the common case.
  void field(std::string_view name, std::string_view value) { key(name), string(value); }
  void field(std::string_view name, uint64_t value) { key(name), number(value); }

  // Writes what is buffered to the stream; the document may stay open.
  void flush();
  // Flushes the finished document and a final newline.
  void finish();

 private:
  std::ostream& out_;
  // A StringBuffer, not a stream adaptor: RapidJSON escapes strings with SIMD only into one.
  rapidjson::StringBuffer buffer_;
  ReportPrettyWriter writer_;
};

}  // namespace iamlint::report
