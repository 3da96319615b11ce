#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/action.h"
#include "catalog/action_set.h"
#include "catalog/catalog.h"
#include "catalog/condition_key.h"
#include "catalog/resource_type.h"
#include "catalog/service.h"

namespace iamlint::catalog {
namespace {

TEST_CASE("snapshot identity") {
  CHECK(snapshot_version() == "0.21.202609261");
  CHECK(snapshot_date() == "2026-09-26");
  CHECK(counts().services > 400);
  CHECK(counts().actions > 20000);
}

TEST_CASE("services are found case-insensitively") {
  const auto s3 = find_service("S3");
  REQUIRE(s3);
  CHECK(s3->prefix() == "s3");
  CHECK(s3->name() == "Amazon S3");
  CHECK(s3->rcp_supported());
  CHECK_FALSE(find_service("s4"));
  CHECK_FALSE(find_service(""));
  CHECK(find_service("iam")->name() == "AWS Identity and Access Management (IAM)");
}

TEST_CASE("actions are found case-insensitively and keep their original case") {
  const auto get = find_action("S3:getobject");
  REQUIRE(get);
  CHECK(get->name() == "GetObject");
  CHECK(get->qualified_name() == "s3:GetObject");
  CHECK(get->service().prefix() == "s3");
  CHECK(get->access_level() == AccessLevel::kRead);
  CHECK(get->description() == "Grants permission to retrieve objects from Amazon S3");
  CHECK_FALSE(find_action("s3:HeadObject"));
  CHECK_FALSE(find_action("s3"));
  CHECK_FALSE(find_action("nosuch:GetObject"));
  CHECK(find_action("iam:PassRole")->access_level() == AccessLevel::kWrite);
  CHECK(find_action("iam:PutRolePolicy")->access_level() == AccessLevel::kPermissionsManagement);
  CHECK(find_action("iam:TagRole")->access_level() == AccessLevel::kTagging);
  CHECK(find_action("s3:ListAllMyBuckets")->access_level() == AccessLevel::kList);
  CHECK(to_string(AccessLevel::kPermissionsManagement) == "Permissions management");
}

TEST_CASE("every service and action is found by its name in either case") {
  // The lookups hash the folded name into tables tools/gen_catalog.py builds: the two hashes
  // must agree for every entry.
  auto upper = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  };
  std::size_t found = 0;
  for (Service service : services()) {
    REQUIRE(find_service(upper(service.prefix())) == service);
    for (Action action : service.actions())
      found += find_action(upper(action.qualified_name())) == action;
  }
  CHECK(found == counts().actions);
  CHECK_FALSE(find_action("s3:GetObjectX"));
  CHECK_FALSE(find_action("s3:"));
  CHECK_FALSE(find_service("s3:"));
}

TEST_CASE("resource types of an action and their ARN formats") {
  const auto get = find_action("s3:GetObject");
  REQUIRE(get);
  bool has_object = false;
  for (ActionResource r : get->resource_types()) {
    if (r.type().name() != "object") continue;
    has_object = true;
    REQUIRE(r.type().arn_formats().size() == 1);
    CHECK(r.type().arn_formats()[0].text() == "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
  }
  CHECK(has_object);
  // An action with no resource types only takes "Resource": "*".
  CHECK(find_action("s3:ListAllMyBuckets")->resource_types().empty());

  const auto role = find_action("iam:PassRole")->resource_types();
  REQUIRE(role.size() == 1);
  CHECK(role[0].required());
  CHECK(role[0].type().name() == "role");
}

TEST_CASE("ARN shape facts per resource type") {
  const auto s3 = find_service("s3");
  const auto bucket = s3->find_resource_type("BUCKET");
  REQUIRE(bucket);
  CHECK(bucket->arn_formats()[0].region() == SegmentRule::kForbidden);
  CHECK(bucket->arn_formats()[0].account() == SegmentRule::kForbidden);
  const auto role = find_service("iam")->find_resource_type("role");
  CHECK(role->arn_formats()[0].region() == SegmentRule::kForbidden);
  CHECK(role->arn_formats()[0].account() == SegmentRule::kRequired);
  const auto queue = find_service("sqs")->find_resource_type("queue");
  CHECK(queue->arn_formats()[0].region() == SegmentRule::kRequired);
  // API Gateway types list alternative formats in one field; they are split.
  CHECK(find_service("apigateway")->find_resource_type("Authorizer")->arn_formats().size() == 2);
}

TEST_CASE("ARN formats are indexed by the service their text names") {
  // Re-derived from every format of every resource type, in catalogue order.
  std::map<std::string, std::vector<std::pair<std::uint32_t, std::string_view>>> expected;
  for (Service service : services()) {
    for (ResourceType type : service.resource_types()) {
      for (ArnFormat format : type.arn_formats()) {
        const std::string_view text = format.text();
        std::vector<std::string_view> fields;
        for (std::size_t start = 0, colon = 0; fields.size() < 5; start = colon + 1) {
          colon = text.find(':', start);
          REQUIRE(colon != std::string_view::npos);
          fields.push_back(text.substr(start, colon - start));
        }
        const std::string named(fields[2].find("${") == std::string_view::npos ? fields[2]
                                                                               : service.prefix());
        expected[named].emplace_back(type.index(), text);
      }
    }
  }
  // By entry, not a structured binding: clang 14 (the sanitizer build) cannot capture one in the
  // lambda that CHECK_MESSAGE makes.
  for (const auto& entry : expected) {
    const std::string& service = entry.first;
    std::vector<std::pair<std::uint32_t, std::string_view>> indexed;
    for (TypedArnFormat named : arn_formats_naming(service))
      indexed.emplace_back(named.type.index(), named.format.text());
    CHECK_MESSAGE(indexed == entry.second, service);
  }
  // kafka-cluster's types are named by kafka's ARNs; AWS Backup's `${Vendor}` format only by
  // backup ones.
  const auto kafka = arn_formats_naming("kafka");
  CHECK(std::any_of(kafka.begin(), kafka.end(), [](TypedArnFormat named) {
    return named.type.service().prefix() == "kafka-cluster";
  }));
  const auto backup = arn_formats_naming("backup");
  CHECK(std::any_of(backup.begin(), backup.end(), [](TypedArnFormat named) {
    return named.format.text().find(":${Vendor}:") != std::string_view::npos;
  }));
  CHECK(arn_formats_naming("s4").empty());
  CHECK(arn_formats_naming("").empty());
}

TEST_CASE("the generated action masks hold each action by its level and resource types") {
  std::size_t in_levels = 0;
  for (int level = 0; level < kAccessLevelCount; ++level)
    in_levels += ActionSet::at_access_level(static_cast<AccessLevel>(level)).count();
  CHECK(in_levels == action_count());
  for (std::uint32_t i = 0; i < action_count(); ++i) {
    const Action action(i);
    CHECK(ActionSet::at_access_level(action.access_level()).contains(action));
    CHECK(ActionSet::with_resource_types().contains(action) == !action.resource_types().empty());
  }
}

TEST_CASE("condition keys of an action, a resource type and a service") {
  const auto get = find_action("s3:GetObject");
  bool has_tag = false;
  for (ConditionKey k : get->condition_keys()) has_tag |= k.name() == "s3:ExistingObjectTag/<key>";
  CHECK(has_tag);

  const auto role = find_service("iam")->find_resource_type("role");
  bool has_resource_tag = false;
  for (ConditionKey k : role->condition_keys())
    has_resource_tag |= k.name() == "aws:ResourceTag/${TagKey}";
  CHECK(has_resource_tag);

  const auto s3 = find_service("s3");
  CHECK(s3->has_condition_key("s3:prefix"));
  CHECK(s3->has_condition_key("S3:Prefix"));
  CHECK(s3->has_condition_key("s3:ExistingObjectTag/Project"));
  CHECK_FALSE(s3->has_condition_key("s3:NoSuchKey"));
  CHECK_FALSE(s3->has_condition_key("ec2:Region"));
}

}  // namespace
}  // namespace iamlint::catalog
