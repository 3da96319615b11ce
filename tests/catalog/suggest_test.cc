#include "catalog/suggest.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace iamlint::catalog {
namespace {

using Names = std::vector<std::string>;

TEST_CASE("services") {
  CHECK(suggest_services("s4").front() == "s3");
  CHECK(suggest_services("lamda").front() == "lambda");
  CHECK(suggest_services("dynamo").front() == "dynamodb");
  CHECK(suggest_services("zzzzzzzzzzzz").empty());
}

TEST_CASE("actions: typos, plurals, API names, wrong service") {
  CHECK(suggest_actions("s3:GetObjet").front() == "s3:GetObject");
  CHECK(suggest_actions("s3:getobjects").front() == "s3:GetObject");
  CHECK(suggest_actions("ec2:DescribeInstance").front() == "ec2:DescribeInstances");
  CHECK(suggest_actions("s3:HeadObject") == Names{"s3:GetObject"});
  CHECK(suggest_actions("s3:ListObjectsV2") == Names{"s3:ListBucket"});
  CHECK(suggest_actions("s3:CopyObject") == Names{"s3:GetObject", "s3:PutObject"});
  CHECK(suggest_actions("lambda:Invoke") == Names{"lambda:InvokeFunction"});
  CHECK(suggest_actions("s4:GetObject") == Names{"s3:GetObject"});
  CHECK(suggest_actions("no-colon").empty());
  // Deterministic: the same question gives the same answer.
  CHECK(suggest_actions("iam:PasRole") == suggest_actions("iam:PasRole"));
  CHECK(suggest_actions("iam:PasRole").front() == "iam:PassRole");
}

TEST_CASE("typo distance and suggestions from a list") {
  CHECK(is_likely_typo("PasRole", "PassRole"));
  CHECK(is_likely_typo("s4", "s3"));
  CHECK_FALSE(is_likely_typo("GetPaymentPreferences", "ListPaymentPreferences"));
  CHECK(is_close_spelling("GetPaymentPreferences", "ListPaymentPreferences"));
  CHECK_FALSE(is_close_spelling("s3", "ec2"));
  const std::vector<std::string_view> regions{"us-east-1", "us-east-2", "eu-west-1"};
  CHECK(suggest_from("us-eats-1", regions, 1) == Names{"us-east-1"});
  CHECK(suggest_from("moon-base-1", regions).empty());
}

TEST_CASE("condition keys") {
  CHECK(suggest_condition_keys("aws:SourceIP").empty() == false);
  CHECK(suggest_condition_keys("aws:SoruceIp").front() == "aws:SourceIp");
  CHECK(suggest_condition_keys("s3:SourceIp").front() == "aws:SourceIp");
  CHECK(suggest_condition_keys("s3:RequestTag/Project").front() == "aws:RequestTag/${TagKey}");
  CHECK(suggest_condition_keys("aws:PrincipalOrgId").front() == "aws:PrincipalOrgID");
}

TEST_CASE("API operations mistaken for permissions") {
  CHECK(permissions_for_operation("S3:HEADOBJECT") ==
        std::vector<std::string_view>{"s3:GetObject"});
  CHECK(permissions_for_operation("s3:GetObject").empty());
}

}  // namespace
}  // namespace iamlint::catalog
