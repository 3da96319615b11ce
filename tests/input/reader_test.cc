#include "input/reader.h"

#include <string>

#include <doctest/doctest.h>

#include "json/parser.h"

namespace iamlint::input {
namespace {

bool looks_like_policy_text(std::string_view text) {
  auto doc = json::parse(text);
  REQUIRE(doc.has_value());
  return looks_like_policy(*doc);
}

TEST_CASE("a policy attempt is linted even under --skip-non-policy") {
  CHECK(looks_like_policy_text(R"({"Version": "2012-10-17", "Statement": []})"));
  // AWS rejects both; a hook that skipped them would let them through.
  CHECK(looks_like_policy_text(R"({"Version": "2012-10-17", "Statment": []})"));
  CHECK(looks_like_policy_text(R"({"statement": [{"Effect": "Allow"}]})"));
  CHECK(looks_like_policy_text(R"({"Version": "2012-10-17"})"));
  CHECK(looks_like_policy_text(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"));

  CHECK_FALSE(looks_like_policy_text(R"({"name": "app", "version": "1.0.0"})"));
  CHECK_FALSE(looks_like_policy_text(R"({"compilerOptions": {"strict": true}})"));
  CHECK_FALSE(looks_like_policy_text(R"([{"Effect": "Allow"}])"));
  CHECK_FALSE(looks_like_policy_text(R"({"Resource": "x", "States": {}})"));
}

TEST_CASE("unreadable text that mentions a policy is reported under --skip-non-policy") {
  CHECK(mentions_policy(R"({"Version": "2012-10-17", "Statement": [,]})"));
  CHECK(mentions_policy("Resources:\n  R:\n    Properties:\n      PolicyDocument: {\n"));
  CHECK(mentions_policy("Statement:\n  - Effect: Allow\n   Action: x\n"));
  CHECK_FALSE(mentions_policy("{\n  // comments\n  \"compilerOptions\": {},\n}\n"));
  CHECK_FALSE(mentions_policy("services:\n  web: [\n"));
}

TEST_CASE("files are read as JSON or YAML by name, else by their first character") {
  constexpr std::string_view kPolicy = R"({"Version": "2012-10-17", "Statement": []})";
  for (std::string_view path : {"p.json", "p.template", "-", "p.yaml"}) {
    INFO("path: ", path);
    Reading reading = read(path, kPolicy, {});
    REQUIRE_FALSE(reading.error);
    CHECK(reading.kind->name == "policy");
    REQUIRE(reading.policies.size() == 1);
    CHECK(reading.policies[0].location.empty());
  }
  Reading yaml = read("p.template", "Version: '2012-10-17'\nStatement: []\n", {});
  REQUIRE_FALSE(yaml.error);
  CHECK(yaml.policies[0].json->text() == R"({"Version":"2012-10-17","Statement":[]})");

  Reading broken = read("p.json", "Version: x\n", {});
  REQUIRE(broken.error);
  CHECK(broken.error->language == "JSON");
  broken = read("p.yml", "a: [\n", {});
  REQUIRE(broken.error);
  CHECK(broken.error->language == "YAML");
}

TEST_CASE("--input-format names the kind, and a file not of that kind is not analysed") {
  constexpr std::string_view kTemplate =
      "Resources:\n  B:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n"
      "      PolicyDocument: {Statement: []}\n";
  Reading reading = read("t.yaml", kTemplate, {});
  REQUIRE_FALSE(reading.error);
  CHECK(reading.kind->name == "cloudformation");
  REQUIRE(reading.policies.size() == 1);
  CHECK(reading.policies[0].location == "Resources.B.Properties.PolicyDocument");
  CHECK(reading.policies[0].origin.kind == ast::PolicyKind::kResource);
  CHECK(reading.policies[0].origin.attached_to == ast::AttachedResource::kS3Bucket);
  CHECK(reading.policies[0].origin.container == "AWS::S3::BucketPolicy B");

  Reading as_policy = read("t.yaml", kTemplate, {.format = find_document_kind("policy")});
  CHECK(as_policy.kind->name == "policy");
  CHECK(as_policy.policies.size() == 1);

  Reading mismatch =
      read("p.json", R"({"Statement": []})", {.format = find_document_kind("cloudformation")});
  REQUIRE(mismatch.error);
  CHECK(mismatch.error->limit);
  CHECK(mismatch.error->message ==
        "the file is not a CloudFormation template, JSON or YAML (--input-format cloudformation); "
        "it was not analysed");
}

TEST_CASE("under --skip-non-policy a document that is not a policy yields none") {
  Reading reading = read("package.json", R"({"name": "app"})", {.skip_non_policy = true});
  REQUIRE_FALSE(reading.error);
  CHECK(reading.policies.empty());
  reading = read("package.json", R"({"name": "app"})", {});
  CHECK(reading.policies.size() == 1);
}

}  // namespace
}  // namespace iamlint::input
