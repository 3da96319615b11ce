#include "engine/fix_edits.h"

#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "json/parser.h"

namespace iamlint::engine {
namespace {

std::string applied(std::string_view text, const Edit& edit) {
  std::string out(text.substr(0, edit.range.begin));
  out += edit.replacement;
  out += text.substr(edit.range.end);
  return out;
}

// The `index`th element of the array that is the document's root.
json::NodeId element(const json::Document& doc, int index) {
  json::NodeId id = doc.node(doc.root()).first_child;
  while (index-- > 0) id = doc.node(id).next_sibling;
  return id;
}

std::string without_element(std::string_view text, int index) {
  auto doc = json::parse(text);
  REQUIRE(doc.has_value());
  return applied(text, remove_element(*doc, element(*doc, index)));
}

TEST_CASE("remove_element takes one separator with the element and keeps the layout") {
  CHECK(without_element(R"(["a", "b", "c"])", 0) == R"(["b", "c"])");
  CHECK(without_element(R"(["a", "b", "c"])", 1) == R"(["a", "c"])");
  CHECK(without_element(R"(["a", "b", "c"])", 2) == R"(["a", "b"])");
  CHECK(without_element("[\n  \"a\",\n  \"b\"\n]", 1) == "[\n  \"a\"\n]");
  CHECK(without_element("[\n  \"a\",\n  \"b\"\n]", 0) == "[\n  \"b\"\n]");
  CHECK(without_element("[\"a\" ,\r\n\t\"b\" , \"c\"]", 1) == "[\"a\" ,\r\n\t\"c\"]");
}

TEST_CASE("replace_string quotes and escapes the new text as JSON") {
  const std::string_view text = R"({"k": "old"})";
  auto doc = json::parse(text);
  REQUIRE(doc.has_value());
  const ByteRange range = doc->node(doc->node(doc->root()).first_child).range;
  CHECK(applied(text, replace_string(range, "new")) == R"({"k": "new"})");
  CHECK(applied(text, replace_string(range, "a\"b\\c\x1e")) == R"({"k": "a\"b\\c\u001E"})");
  // Bytes past printable ASCII stay as they are, valid UTF-8 and DEL alike.
  CHECK(applied(text, replace_string(range, "caf\xc3\xa9\x7f")) == "{\"k\": \"caf\xc3\xa9\x7f\"}");
}

TEST_CASE("insert_first_member repeats the first member's indentation") {
  auto inserted = [](std::string_view text) {
    auto doc = json::parse(text);
    REQUIRE(doc.has_value());
    return applied(text, insert_first_member(text, *doc, doc->root(), R"("V": 1)"));
  };
  CHECK(inserted("{\n  \"S\": []\n}") == "{\n  \"V\": 1,\n  \"S\": []\n}");
  CHECK(inserted(R"({ "S": [] })") == R"({ "V": 1, "S": [] })");
  CHECK(inserted(R"({"S": []})") == R"({"V": 1, "S": []})");
}

}  // namespace
}  // namespace iamlint::engine
