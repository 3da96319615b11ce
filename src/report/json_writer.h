// A thin layer over RapidJSON's writer for the JSON-based reports: two-space indentation and
// strings that are always valid UTF-8, whatever bytes the input held.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace iamlint::report {

class JsonWriter {
 public:
  JsonWriter();

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

  // Writes the finished document and a final newline.
  void flush_to(std::ostream& out);

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace iamlint::report
