#include "report/json_writer.h"

#include <string>

#include <rapidjson/writer.h>

#include "support/text.h"

namespace iamlint::report {

JsonWriter::JsonWriter(std::ostream& out) : out_(out), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
}

void JsonWriter::key(std::string_view name) {
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

namespace {

// Writes `value` as a JSON string without SSE2 scans: RapidJSON specialises them only for its
// default writer flags, so this writer escapes every control byte one by one.
std::string escape_one_by_one(std::string_view value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                    rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>
      writer(buffer);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

void JsonWriter::string(std::string_view value) {
  // Nearly every string is valid already; only the others are copied and repaired.
  std::string valid;
  if (!is_valid_utf8(value)) value = valid = to_valid_utf8(value);
  if (has_control_unseen_by_sse2(value)) {
    const std::string escaped = escape_one_by_one(value);
    writer_.RawValue(escaped.data(), escaped.size(), rapidjson::kStringType);
    return;
  }
  writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonWriter::flush() {
  out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonWriter::finish() {
  flush();
  out_ << '\n';
}

}  // namespace iamlint::report
