#include "analysis/action_scope.h"

#include <string>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

// Whether the Action (or NotAction) scopes of a policy's two statements overlap.
bool overlap(std::string first, std::string second) {
  const ModelledPolicy modelled(R"({"Version": "2012-10-17", "Statement": [)" + first + ", " +
                                second + "]}");
  const auto& statements = modelled.policy().statements;
  REQUIRE(statements.size() == 2);
  const ActionScope a(statements[0], modelled.facts().statement_actions(statements[0]));
  const ActionScope b(statements[1], modelled.facts().statement_actions(statements[1]));
  CHECK(a.overlaps(b) == b.overlaps(a));
  return a.overlaps(b);
}

std::string allow(std::string_view actions) {
  return fmt::format(R"({{"Effect": "Allow", "Action": {}, "Resource": "*"}})", actions);
}

std::string allow_all_but(std::string_view actions) {
  return fmt::format(R"({{"Effect": "Allow", "NotAction": {}, "Resource": "*"}})", actions);
}

TEST_CASE("action scopes overlap by their catalogue actions") {
  CHECK(overlap(allow(R"("s3:GetObject")"), allow(R"("S3:get*")")));
  CHECK_FALSE(overlap(allow(R"(["s3:GetObject", "s3:PutObject"])"), allow(R"("s3:List*")")));
  CHECK_FALSE(overlap(allow_all_but(R"("s3:*")"), allow(R"(["s3:GetObject", "s3:Put*"])")));
  CHECK(overlap(allow_all_but(R"("s3:*")"), allow(R"(["s3:GetObject", "ec2:RunInstances"])")));
}

TEST_CASE("action scopes overlap by their patterns where the catalogue cannot tell") {
  // Actions newer than the catalogue snapshot.
  CHECK(overlap(allow(R"("s3:NewAction")"), allow(R"("s3:New*")")));
  CHECK_FALSE(overlap(allow(R"("s3:NewAction")"), allow(R"(["s3:GetObject", "s3:Old*"])")));
  CHECK_FALSE(overlap(allow_all_but(R"("s3:*")"), allow(R"(["s3:GetObject", "s3:NewAction"])")));
  CHECK(overlap(allow_all_but(R"("s3:*")"), allow(R"(["s3:GetObject", "ec2:NewAction"])")));
  // Entries the catalogue rejects still match as text.
  CHECK(overlap(allow(R"("s3:GetObject")"), allow(R"("s3*:Get*")")));
  CHECK(overlap(allow(R"("s4:GetObject")"), allow(R"("s4:Get*")")));
  CHECK_FALSE(overlap(allow(R"("s3:GetObject")"), allow(R"("s4:Get*")")));
}

}  // namespace
}  // namespace iamlint::analysis
