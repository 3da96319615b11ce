#include "input/mapped_text.h"

#include <string>

#include <doctest/doctest.h>

namespace iamlint::input {
namespace {

// The outer text that an inner range stands for.
std::string outer_of(const MappedText& mapped, std::string_view outer, ByteRange inner) {
  ByteRange range = mapped.map.to_outer(inner);
  return std::string(outer.substr(range.begin, range.size()));
}

TEST_CASE("a JSON string is decoded with each escape mapped to its source") {
  constexpr std::string_view kSource =
      R"({"p": "{\"Action\": \"s3:Get\u002A\", \"x\": \"\uD83D\uDE00\\n\"}"})";
  const auto open = static_cast<uint32_t>(kSource.find("\"{"));
  const auto close = static_cast<uint32_t>(kSource.rfind('"')) + 1;
  MappedText decoded = decode_json_string(kSource, {open, close});
  CHECK(decoded.text == "{\"Action\": \"s3:Get*\", \"x\": \"\xF0\x9F\x98\x80\\n\"}");
  const auto action = static_cast<uint32_t>(decoded.text.find("\"s3"));
  CHECK(outer_of(decoded, kSource, {action, action + 9}) == R"(\"s3:Get\u002A\")");
  const auto emoji = static_cast<uint32_t>(decoded.text.find('\xF0'));
  CHECK(outer_of(decoded, kSource, {emoji, emoji + 4}) == R"(\uD83D\uDE00)");
  CHECK(outer_of(decoded, kSource, {emoji + 4, emoji + 6}) == R"(\\n)");
  CHECK(outer_of(decoded, kSource, {1, 8}) == R"(\"Action)");
}

TEST_CASE("an empty string decodes to an empty text placed inside its quotes") {
  constexpr std::string_view kSource = R"({"p": ""})";
  MappedText decoded = decode_json_string(kSource, {6, 8});
  CHECK(decoded.text.empty());
  CHECK(decoded.map.to_outer({0, 0}) == ByteRange{7, 7});
}

TEST_CASE("URL-encoded policies, as IAM's API returns them") {
  CHECK(is_percent_encoded_object("%7B%22Version%22"));
  CHECK(is_percent_encoded_object("  %7b"));
  CHECK_FALSE(is_percent_encoded_object("{\"Version\""));
  CHECK_FALSE(is_percent_encoded_object("%7"));

  constexpr std::string_view kEncoded = "%7B%22Action%22%3A%20%22s3%3A*%22%7D";
  MappedText decoded = decode_percent(kEncoded);
  CHECK(decoded.text == R"({"Action": "s3:*"})");
  const auto star = static_cast<uint32_t>(decoded.text.find('*'));
  CHECK(outer_of(decoded, kEncoded, {star, star + 1}) == "*");
  const auto colon = static_cast<uint32_t>(decoded.text.find(':', star - 2));
  CHECK(outer_of(decoded, kEncoded, {colon, colon + 1}) == "%3A");

  SUBCASE("a '%' without two hex digits stays, and '+' is not a space") {
    CHECK(decode_percent("100%+%4").text == "100%+%4");
    CHECK(decode_percent("%zz%41").text == "%zzA");
  }
}

}  // namespace
}  // namespace iamlint::input
