#include "report/json_writer.h"

#include <string>

#include <rapidjson/writer.h>

#include "json/quote.h"
#include "support/text.h"

namespace iamlint::report {

JsonWriter::JsonWriter(std::ostream& out) : out_(out), writer_(buffer_) {
  writer_.SetIndent(' ', 2);
}

void JsonWriter::key(std::string_view name) {
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonWriter::string(std::string_view value) {
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

void JsonWriter::flush() {
  out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
  buffer_.Clear();
}

void JsonWriter::finish() {
  flush();
  out_ << '\n';
}

}  // namespace iamlint::report
