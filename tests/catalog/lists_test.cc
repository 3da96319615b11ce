#include "catalog/lists.h"

#include <doctest/doctest.h>

namespace iamlint::catalog {
namespace {

TEST_CASE("partitions and regions") {
  for (const char* p : {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e",
                        "aws-iso-f", "aws-eusc"}) {
    CHECK(is_partition(p));
  }
  CHECK_FALSE(is_partition("aws-mars"));
  CHECK(partitions().size() == 8);
  CHECK(partition_of_region("us-east-1") == "aws");
  CHECK(partition_of_region("cn-northwest-1") == "aws-cn");
  CHECK(partition_of_region("us-gov-west-1") == "aws-us-gov");
  CHECK(partition_of_region("eusc-de-east-1") == "aws-eusc");
  CHECK_FALSE(partition_of_region("us-east-9"));
  CHECK_FALSE(partition_of_region("US-EAST-1"));
  CHECK(regions_of("aws-cn") == std::vector<std::string_view>{"cn-north-1", "cn-northwest-1"});
}

TEST_CASE("unique-ID prefixes") {
  CHECK(unique_id_entity("AIDAJQABLZS4A3QDU576Q") == "user");
  CHECK(unique_id_entity("AROADBQP57FF2AEXAMPLE") == "role");
  CHECK(unique_id_entity("AGPA") == "group");
  CHECK(unique_id_entity("ANPAJ2UCCR6DPCEXAMPLE") == "managed-policy");
  CHECK(unique_id_entity("AIPA") == "instance-profile");
  CHECK(unique_id_entity("AKIAIOSFODNN7EXAMPLE") == "access-key");
  CHECK(unique_id_entity("ASIA") == "temporary-access-key");
  CHECK_FALSE(unique_id_entity("aida1234"));
  CHECK_FALSE(unique_id_entity("AID"));
}

TEST_CASE("condition keys that take KMS keys") {
  CHECK(kms_key_form("s3:x-amz-server-side-encryption-aws-kms-key-id") == KmsKeyForm::kArn);
  CHECK(kms_key_form("EC2:KmsKeyId") == KmsKeyForm::kIdOrArn);
  CHECK_FALSE(kms_key_form("s3:prefix"));
}

TEST_CASE("global keys that only some services carry") {
  std::optional<ServiceLimitedKey> account = find_service_limited_key("AWS:vpceaccount");
  REQUIRE(account);
  CHECK(account->name() == "aws:VpceAccount");
  CHECK(account->service_count() == 39);
  using Coverage = ServiceLimitedKey::Coverage;
  CHECK(account->coverage(*find_service("s3")) == Coverage::kAll);
  CHECK(account->coverage(*find_service("iam")) == Coverage::kPartial);
  CHECK(account->coverage(*find_service("ec2")) == Coverage::kNone);
  CHECK(account->reaches(*find_action("s3:GetObject")));
  CHECK(account->reaches(*find_action("iam:CreateRole")));
  CHECK_FALSE(account->reaches(*find_action("iam:PassRole")));  // the documented exception
  CHECK_FALSE(account->reaches(*find_action("ec2:RunInstances")));
  CHECK_FALSE(account->reaches(*find_action("sqs:SendMessage")));  // aws:VpceOrgID only

  std::optional<ServiceLimitedKey> org = find_service_limited_key("aws:VpceOrgID");
  REQUIRE(org);
  CHECK(org->service_count() == 52);
  CHECK(org->reaches(*find_action("sqs:SendMessage")));
  CHECK(find_service_limited_key("aws:VpceOrgPaths"));
  CHECK_FALSE(find_service_limited_key("aws:SourceVpce"));  // every service carries it
}

TEST_CASE("role-session keys") {
  CHECK(is_role_session_key("ec2:SourceInstanceArn"));
  CHECK(is_role_session_key("EC2:sourceinstancearn"));
  CHECK(is_role_session_key("lambda:SourceFunctionArn"));
  CHECK_FALSE(is_role_session_key("ec2:Vpc"));
  CHECK_FALSE(is_role_session_key("aws:SourceIdentity"));  // a global key, not listed here
}

}  // namespace
}  // namespace iamlint::catalog
