#include "input/yaml_comments.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace iamlint::input {
namespace {

std::vector<DirectiveComment> comments_of(std::string_view yaml) {
  YamlLayout layout;
  auto converted = yaml_to_json(yaml, &layout);
  INFO("yaml: ", std::string(yaml));
  REQUIRE(converted.has_value());
  return find_directive_comments(yaml, layout);
}

std::string text_of(std::string_view yaml, ByteRange range) {
  return std::string(yaml.substr(range.begin, range.size()));
}

TEST_CASE("a trailing comment covers its line and the entry that starts there") {
  constexpr std::string_view yaml =
      "Statement:\n"
      "  - Effect: Allow  # iamlint-ignore IAM203: reason\n"
      "    Resource: '*'\n"
      "  - Effect: Deny\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(text_of(yaml, comments[0].range) == "# iamlint-ignore IAM203: reason");
  CHECK(comments[0].text == " IAM203: reason");
  CHECK(text_of(yaml, comments[0].covers) ==
        "  - Effect: Allow  # iamlint-ignore IAM203: reason\n    Resource: '*'");
}

TEST_CASE("a comment above covers the next content line and the entry that starts there") {
  constexpr std::string_view yaml =
      "Properties:\n"
      "  # iamlint-ignore IAM203: reason\n"
      "\n"
      "  # another comment\n"
      "  PolicyDocument:\n"
      "    Statement: []\n"
      "  Other: 1\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(text_of(yaml, comments[0].covers) == "  PolicyDocument:\n    Statement: []");
}

TEST_CASE("above the first key of a nested mapping, only that key's entry is covered") {
  constexpr std::string_view yaml =
      "Properties:\n"
      "  # iamlint-ignore IAM203: reason\n"
      "  RoleName: x\n"
      "  Policies: []\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(text_of(yaml, comments[0].covers) == "  RoleName: x");
}

TEST_CASE("a '#' inside a scalar is no comment") {
  constexpr std::string_view yaml =
      "a: \"x # iamlint-ignore IAM203: quoted\"\n"
      "b: 'x # iamlint-ignore IAM203: quoted'\n"
      "c: x#iamlint-ignore IAM203 plain\n"
      "d: |\n"
      "  # iamlint-ignore IAM203: block\n"
      "  more\n"
      "e: >-\n"
      "    folded\n"
      "    # iamlint-ignore IAM203: folded\n"
      "f: 1 # iamlint-ignore IAM203: real\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(comments[0].text == " IAM203: real");
}

TEST_CASE("the directive may follow other words of a comment, but must be a word of its own") {
  constexpr std::string_view yaml =
      "a: 1 # TICKET-12 # iamlint-ignore IAM203: reason\n"
      "b: 1 # iamlint-ignored IAM203: not a directive\n"
      "c: 1 # see iamlint-ignore IAM203: not a directive either\n"
      "e: 1 # write \"# iamlint-ignore IAM203: reason\" to accept a finding\n"
      "d: 1 #iamlint-ignore: no rule\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].text == " IAM203: reason");
  CHECK(comments[1].text == ": no rule");
}

TEST_CASE("comments after the first document and with nothing below cover nothing") {
  constexpr std::string_view yaml =
      "a: 1\n"
      "# iamlint-ignore IAM203: at the end\n"
      "---\n"
      "b: 1 # iamlint-ignore IAM203: second document\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(comments[0].covers.size() == 0);
}

TEST_CASE("flow collections: the entry that starts on the line, as far as it reaches") {
  constexpr std::string_view yaml =
      "# iamlint-ignore IAM202: reason\n"
      "Action: [s3:GetObject,\n"
      "  s3:PutObject]\n"
      "Resource: '*'\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(text_of(yaml, comments[0].covers) == "Action: [s3:GetObject,\n  s3:PutObject]");
}

TEST_CASE("CRLF line ends") {
  constexpr std::string_view yaml =
      "a:\r\n"
      "  # iamlint-ignore IAM203: reason\r\n"
      "  b: 1\r\n"
      "  c: 2\r\n";
  auto comments = comments_of(yaml);
  REQUIRE(comments.size() == 1);
  CHECK(comments[0].text == " IAM203: reason");
  CHECK(text_of(yaml, comments[0].covers) == "  b: 1");
}

}  // namespace
}  // namespace iamlint::input
