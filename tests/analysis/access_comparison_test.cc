#include "analysis/access_comparison.h"

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "catalog/action.h"
#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

std::string policy(std::string_view statements) {
  return R"({"Version": "2012-10-17", "Statement": [)" + std::string(statements) + "]}";
}

// Two modelled policies and what the newer allows that the older does not; the deltas point into
// the policies, so they are kept together.
struct Compared {
  std::unique_ptr<ModelledPolicy> older, newer;
  std::vector<AccessDelta> deltas;

  [[nodiscard]] bool empty() const { return deltas.empty(); }
  [[nodiscard]] std::size_t size() const { return deltas.size(); }
  const AccessDelta& operator[](std::size_t i) const { return deltas[i]; }
};

Compared added(std::string_view older, std::string_view newer,
               ast::PolicyKind kind = ast::PolicyKind::kIdentity) {
  Compared out{std::make_unique<ModelledPolicy>(policy(older), kind),
               std::make_unique<ModelledPolicy>(policy(newer), kind),
               {}};
  out.deltas = compare_access(out.older->model(), out.newer->model());
  return out;
}

std::vector<std::string> names(const AccessDelta& delta) {
  std::vector<std::string> out;
  for (std::uint32_t index : delta.actions) out.push_back(catalog::Action(index).qualified_name());
  for (std::string_view pattern : delta.unknown_actions) out.emplace_back(pattern);
  return out;
}

constexpr std::string_view kGet =
    R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"})";

TEST_CASE("identical, reordered, split, merged and renamed statements add nothing") {
  constexpr std::string_view kTwo =
      R"({"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]})";
  constexpr std::string_view kSplit =
      R"({"Sid": "B1", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"},
         {"Sid": "B2", "Effect": "Allow", "Action": "S3:getobject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::a/*"]},
         {"Sid": "B3", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::a/*"})";
  CHECK(added(kTwo, kTwo).empty());
  CHECK(added(kTwo, kSplit).empty());
  CHECK(added(kSplit, kTwo).empty());
}

TEST_CASE("an added action is new access, reported at its grant") {
  auto deltas = added(kGet, R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                               "Resource": "arn:aws:s3:::data/*"})");
  REQUIRE(deltas.size() == 1);
  CHECK(deltas[0].change == AccessChange::kAction);
  CHECK(names(deltas[0]) == std::vector<std::string>{"s3:PutObject"});
  CHECK(deltas[0].resource_text == "arn:aws:s3:::data/*");
}

TEST_CASE("a widened action wildcard is new access for the actions it adds") {
  auto deltas = added(
      kGet, R"({"Effect": "Allow", "Action": "s3:GetObject*", "Resource": "arn:aws:s3:::data/*"})");
  REQUIRE(deltas.size() == 1);
  const auto actions = names(deltas[0]);
  CHECK(std::find(actions.begin(), actions.end(), std::string("s3:GetObjectAcl")) != actions.end());
  CHECK(std::find(actions.begin(), actions.end(), std::string("s3:GetObject")) == actions.end());
  // s3:Get* adds no object action to s3:GetObject*: bucket actions need a bucket ARN.
  CHECK(
      added(R"({"Effect": "Allow", "Action": "s3:GetObject*", "Resource": "arn:aws:s3:::data/*"})",
            R"({"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::data/*"})")
          .empty());
  // Narrowing is not.
  CHECK(added(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})", kGet).empty());
}

TEST_CASE("a widened resource is new access on that resource") {
  auto deltas = added(kGet, R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})");
  REQUIRE(deltas.size() == 1);
  CHECK(deltas[0].change == AccessChange::kResource);
  CHECK(deltas[0].resource_text == "*");
  CHECK(added(kGet, R"({"Effect": "Allow", "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::data/private/*"})")
            .empty());
}

TEST_CASE("NotAction and NotResource compare by what they leave") {
  constexpr std::string_view kAllButIam =
      R"({"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*"})";
  CHECK(added(kAllButIam, kAllButIam).empty());
  CHECK(added(kAllButIam, R"({"Effect": "Allow", "NotAction": ["iam:*", "sts:*"],
                              "NotResource": ["arn:aws:s3:::secret/*", "arn:aws:s3:::x/*"]})")
            .empty());
  auto deltas = added(kAllButIam, R"({"Effect": "Allow", "NotAction": "iam:Delete*",
                                      "NotResource": "arn:aws:s3:::secret/*"})");
  REQUIRE_FALSE(deltas.empty());
  CHECK(deltas[0].change == AccessChange::kAction);
}

TEST_CASE("removing or widening a condition is new access; adding one is not") {
  constexpr std::string_view kVpc =
      R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*",
          "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}})";
  auto removed = added(kVpc, kGet);
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].change == AccessChange::kCondition);
  CHECK(removed[0].certainty == Implication::kNotImplied);
  REQUIRE(removed[0].condition_gaps.size() == 1);
  CHECK(removed[0].condition_gaps[0].nearest == nullptr);
  CHECK(added(kGet, kVpc).empty());
  auto replaced = added(kVpc, R"({"Effect": "Allow", "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::data/*", "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}})");
  REQUIRE(replaced.size() == 1);
  CHECK(replaced[0].certainty == Implication::kUndecided);
}

TEST_CASE("a removed or narrowed Deny is new access where the grant reaches it") {
  constexpr std::string_view kWithDeny =
      R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"},
         {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::data/prod/*"})";
  constexpr std::string_view kAllow =
      R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"})";
  auto deltas = added(kWithDeny, kAllow);
  REQUIRE(deltas.size() == 1);
  CHECK(deltas[0].change == AccessChange::kDenial);
  CHECK(names(deltas[0]) == std::vector<std::string>{"s3:DeleteObject"});
  REQUIRE(deltas[0].lost_denial != nullptr);
  // A wider Deny, or the same one split, keeps it away.
  CHECK(
      added(kWithDeny, R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"},
         {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "arn:aws:s3:::data/*"})")
          .empty());
  // A Deny that loses its reach on the grant's resources is new access.
  CHECK_FALSE(
      added(kWithDeny, R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"},
         {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::data/prod/a/*"})")
          .empty());
  // A Deny whose conditions now apply in fewer cases is new access.
  CHECK_FALSE(
      added(kWithDeny, R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"},
         {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::data/prod/*",
          "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})")
          .empty());
}

TEST_CASE("principals of resource policies: an added principal is new access") {
  constexpr std::string_view kOne =
      R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},
          "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"})";
  constexpr std::string_view kAccount =
      R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"},
          "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"})";
  constexpr std::string_view kTwo =
      R"({"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/app",
          "arn:aws:iam::444455556666:root"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"})";
  auto deltas = added(kOne, kTwo, ast::PolicyKind::kResource);
  REQUIRE(deltas.size() == 1);
  CHECK(deltas[0].change == AccessChange::kPrincipal);
  REQUIRE(deltas[0].principal != nullptr);
  CHECK(deltas[0].principal->text.value == "arn:aws:iam::444455556666:root");
  CHECK(added(kAccount, kOne, ast::PolicyKind::kResource).empty());
  CHECK_FALSE(added(kOne, kAccount, ast::PolicyKind::kResource).empty());
  auto open = added(kOne, R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                              "Resource": "arn:aws:s3:::data/*"})",
                    ast::PolicyKind::kResource);
  REQUIRE(open.size() == 1);
  CHECK(open[0].change == AccessChange::kPrincipal);
}

TEST_CASE("actions the catalogue does not know compare by their patterns") {
  constexpr std::string_view kFuture =
      R"({"Effect": "Allow", "Action": "futuresvc:Do*", "Resource": "*"})";
  CHECK(added(kFuture, kFuture).empty());
  CHECK(added(R"({"Effect": "Allow", "Action": "futuresvc:*", "Resource": "*"})", kFuture).empty());
  auto deltas = added(kGet, kFuture);
  REQUIRE(deltas.size() == 1);
  CHECK(names(deltas[0]) == std::vector<std::string>{"futuresvc:Do*"});
}

}  // namespace
}  // namespace iamlint::analysis
