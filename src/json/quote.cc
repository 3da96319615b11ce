#include "json/quote.h"

#include <algorithm>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace iamlint::json {

std::string quoted(std::string_view value) {
  // Printable ASCII but the quote and the backslash goes through as it is: the writer below would
  // copy it byte by byte too, after building its buffer. Fix edits are nearly all action names.
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return c >= ' ' && c <= '~' && c != '"' && c != '\\'; })) {
    std::string out;
    out.reserve(value.size() + 2);
    out += '"';
    out += value;
    out += '"';
    return out;
  }
  // RapidJSON specialises its SSE2 scans only for the default writer flags, so this writer,
  // which validates the encoding, escapes every control byte one by one.
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                    rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>
      writer(buffer);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace iamlint::json
