#include "json/quote.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace iamlint::json {

std::string quoted(std::string_view value) {
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
