#include "input/yaml_to_json.h"

#include <string>

#include <doctest/doctest.h>

#include "json/parser.h"

namespace iamlint::input {
namespace {

MappedText convert(std::string_view yaml) {
  auto converted = yaml_to_json(yaml);
  INFO("yaml: ", std::string(yaml));
  REQUIRE_MESSAGE(converted.has_value(), (converted ? "" : converted.error().message));
  CHECK(json::parse(converted->text).has_value());
  return std::move(converted).value();
}

json::SyntaxError failure(std::string_view yaml) {
  auto converted = yaml_to_json(yaml);
  INFO("yaml: ", std::string(yaml));
  REQUIRE_FALSE(converted.has_value());
  CHECK(converted.error().language == "YAML");
  return converted.error();
}

// The YAML that the JSON text `needle` (its first occurrence) stands for.
std::string yaml_of(const MappedText& converted, std::string_view yaml, std::string_view needle,
                    std::size_t occurrence = 0) {
  std::size_t at = converted.text.find(needle);
  for (; occurrence > 0 && at != std::string::npos; --occurrence) {
    at = converted.text.find(needle, at + 1);
  }
  REQUIRE_MESSAGE(at != std::string::npos, needle, " not in ", converted.text);
  ByteRange range = converted.map.to_outer(
      {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return std::string(yaml.substr(range.begin, range.size()));
}

TEST_CASE("a template reads as JSON, each value mapped to where the YAML writes it") {
  constexpr std::string_view kYaml =
      "Resources:\n"
      "  BuildRole:   # a comment\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties:\n"
      "      AssumeRolePolicyDocument:\n"
      "        Version: \"2012-10-17\"\n"
      "        Statement:\n"
      "          - Effect: Allow\n"
      "            Principal: {Service: [codebuild.amazonaws.com, 'ec2.amazonaws.com']}\n"
      "            Action: sts:AssumeRole\n";
  MappedText converted = convert(kYaml);
  CHECK(converted.text ==
        R"({"Resources":{"BuildRole":{"Type":"AWS::IAM::Role","Properties":{)"
        R"("AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
        R"("Principal":{"Service":["codebuild.amazonaws.com","ec2.amazonaws.com"]},)"
        R"("Action":"sts:AssumeRole"}]}}}}})");
  CHECK(yaml_of(converted, kYaml, "\"2012-10-17\"") == "\"2012-10-17\"");
  CHECK(yaml_of(converted, kYaml, "\"sts:AssumeRole\"") == "sts:AssumeRole");
  CHECK(yaml_of(converted, kYaml, "AssumeRole\"") == "AssumeRole");
  CHECK(yaml_of(converted, kYaml, "\"ec2.amazonaws.com\"") == "'ec2.amazonaws.com'");
  CHECK(yaml_of(converted, kYaml, "\"Principal\"") == "Principal");
  CHECK(
      yaml_of(converted, kYaml, R"({"Service":["codebuild.amazonaws.com","ec2.amazonaws.com"]})") ==
      "{Service: [codebuild.amazonaws.com, 'ec2.amazonaws.com']}");
  // A statement in a block sequence runs from its first key to its last value.
  const std::string statement = yaml_of(converted, kYaml, R"({"Effect")");
  CHECK(statement.starts_with("E"));
}

TEST_CASE("quoted, escaped, folded and block scalars map character by character") {
  constexpr std::string_view kYaml =
      "a: \"s3:Get\\u002A \\\"x\\\"\"\n"
      "b: 'it''s'\n"
      "c: plain words\n"
      "  continued here\n"
      "d: |\n"
      "  {\"Action\":\n"
      "    \"iam:*\"}\n"
      "e: >-\n"
      "  folded\n"
      "  text\n";
  MappedText converted = convert(kYaml);
  CHECK(converted.text == R"({"a":"s3:Get* \"x\"","b":"it's","c":"plain words continued here",)"
                          R"("d":"{\"Action\":\n  \"iam:*\"}\n","e":"folded text"})");
  CHECK(yaml_of(converted, kYaml, "*") == "\\u002A");
  CHECK(yaml_of(converted, kYaml, "\\\"x\\\"") == "\\\"x\\\"");
  CHECK(yaml_of(converted, kYaml, "'") == "''");
  CHECK(yaml_of(converted, kYaml, "words continued") == "words\n  continued");
  CHECK(yaml_of(converted, kYaml, "iam:*") == "iam:*");
  CHECK(yaml_of(converted, kYaml, "\"{\\\"Action") == "|\n  {\"Action");
  CHECK(yaml_of(converted, kYaml, "\"folded text\"") == ">-\n  folded\n  text");
}

TEST_CASE("CloudFormation's short-form tags become the long form") {
  constexpr std::string_view kYaml =
      "R: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'\n"
      "A: !GetAtt Role.Arn\n"
      "J: !Join ['', [!Ref Prefix, '-x']]\n"
      "I: !If\n"
      "  - IsProd\n"
      "  - x\n"
      "  - !Ref AWS::NoValue\n"
      "S: !!str 123\n";
  MappedText converted = convert(kYaml);
  CHECK(
      converted.text ==
      R"({"R":{"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}/*"},"A":{"Fn::GetAtt":"Role.Arn"},)"
      R"("J":{"Fn::Join":["",[{"Ref":"Prefix"},"-x"]]},)"
      R"("I":{"Fn::If":["IsProd","x",{"Ref":"AWS::NoValue"}]},"S":"123"})");
  CHECK(yaml_of(converted, kYaml, "\"Fn::Sub\"") == "!Sub");
  CHECK(yaml_of(converted, kYaml, R"({"Fn::GetAtt":"Role.Arn"})") == "!GetAtt Role.Arn");
}

TEST_CASE("plain scalars are typed as YAML's core schema says; quoted ones stay strings") {
  MappedText converted = convert(
      "n: 3600\nf: -1.5e3\nt: true\nF: False\nz: ~\ne:\nq: '3600'\no: 0123\nd: 2012-10-17\n");
  CHECK(converted.text ==
        R"({"n":3600,"f":-1.5e3,"t":true,"F":false,"z":null,"e":null,"q":"3600","o":"0123",)"
        R"("d":"2012-10-17"})");
}

TEST_CASE("aliases are expanded within a budget") {
  MappedText converted = convert("a: &x {k: v}\nb: *x\n");
  CHECK(converted.text == R"({"a":{"k":"v"},"b":{"k":"v"}})");

  SUBCASE("a billion laughs is stopped, not expanded") {
    std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 12; ++i) {
      std::string previous = i == 1 ? "a" : "a" + std::to_string(i - 1);
      laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int j = 0; j < 10; ++j) laughs += (j ? ", *" : "*") + previous;
      laughs += "]\n";
    }
    json::SyntaxError error = failure(laughs);
    CHECK(error.limit);
    CHECK(error.message.find("aliases expanded") != std::string::npos);
  }
  SUBCASE("an alias inside its own anchor") {
    json::SyntaxError error = failure("a: &x [1, *x]\n");
    CHECK(error.message == "values nest more than 128 levels deep");
  }
}

TEST_CASE("bad YAML is an error at its place") {
  SUBCASE("syntax") {
    json::SyntaxError error = failure("a: b\n  c: d\n");
    CHECK(error.offset > 0);
    CHECK_FALSE(error.message.empty());
  }
  SUBCASE("invalid UTF-8 and control characters, which yaml-cpp would replace or misread") {
    json::SyntaxError error = failure("a: x\xFFy\n");
    CHECK(error.offset == 4);
    CHECK(error.message == "byte 0xFF is not valid UTF-8");
    error = failure(std::string_view("a: x\0y\n", 7));
    CHECK(error.offset == 4);
    CHECK(error.message == "control character U+0000 is not allowed in YAML");
  }
  SUBCASE("deep flow nesting is refused before yaml-cpp sees it") {
    json::SyntaxError error = failure("a: " + std::string(100000, '['));
    CHECK(error.offset == 3 + 128);
    CHECK(error.message == "flow collections nest more than 128 levels deep");
    // Brackets in quoted scalars, comments and block scalars are text.
    convert("a: '" + std::string(500, '[') + "'\n# " + std::string(500, '[') + "\nb: |\n  " +
            std::string(500, '[') + "\nc: x[[[\n");
  }
  SUBCASE("deep block nesting") {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += std::string(2 * i, ' ') + "- \n";
    CHECK(failure(deep).message == "values nest more than 128 levels deep");
  }
}

TEST_CASE("offsets count the byte-order mark and CRLF line ends") {
  constexpr std::string_view kYaml =
      "\xEF\xBB\xBF"
      "a: 1\r\nb: \"x\"\r\n";
  MappedText converted = convert(kYaml);
  CHECK(converted.text == R"({"a":1,"b":"x"})");
  CHECK(yaml_of(converted, kYaml, "\"x\"") == "\"x\"");
  CHECK(yaml_of(converted, kYaml, "1") == "1");
}

TEST_CASE("an empty stream is null") {
  CHECK(convert("# nothing\n").text == "null");
}

}  // namespace
}  // namespace iamlint::input
