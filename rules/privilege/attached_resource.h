// What a policy attached to a given resource (--resource-type) can be about: the catalogue's
// resource types for that resource, or, for a role trust policy, the STS actions of role trust.
#pragma once

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/resource_type.h"

namespace iamlint::rules {

struct CatalogResourceType {
  std::string_view service;
  std::string_view name;
};

// The resource types a policy on `resource` governs; empty for a role trust policy and for the
// types Access Analyzer does not validate against.
inline std::span<const CatalogResourceType> governed_resource_types(
    ast::AttachedResource resource) {
  static constexpr CatalogResourceType kBucket[] = {{"s3", "bucket"}, {"s3", "object"}};
  static constexpr CatalogResourceType kAccessPoint[] = {{"s3", "accesspoint"},
                                                         {"s3", "accesspointobject"}};
  static constexpr CatalogResourceType kMultiRegion[] = {{"s3", "multiregionaccesspoint"}};
  static constexpr CatalogResourceType kObjectLambda[] = {
      {"s3-object-lambda", "objectlambdaaccesspoint"}};
  static constexpr CatalogResourceType kTable[] = {{"dynamodb", "table"}, {"dynamodb", "index"}};
  switch (resource) {
    case ast::AttachedResource::kS3Bucket:
      return kBucket;
    case ast::AttachedResource::kS3AccessPoint:
      return kAccessPoint;
    case ast::AttachedResource::kS3MultiRegionAccessPoint:
      return kMultiRegion;
    case ast::AttachedResource::kS3ObjectLambdaAccessPoint:
      return kObjectLambda;
    case ast::AttachedResource::kDynamoDbTable:
      return kTable;
    case ast::AttachedResource::kIamAssumeRolePolicyDocument:
      return {};
    default:  // no type-specific validation (ast::validated_type)
      return {};
  }
}

// The actions a role trust policy may allow.
inline constexpr std::array<std::string_view, 6> kRoleTrustActions = {
    "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession", "sts:SetSourceIdentity",  "sts:SetContext"};

inline bool is_governed(catalog::ResourceType type, ast::AttachedResource resource) {
  auto governed = governed_resource_types(resource);
  return std::any_of(governed.begin(), governed.end(), [&](const CatalogResourceType& entry) {
    return type.service().prefix() == entry.service && type.name() == entry.name;
  });
}

// Whether a policy on `resource` can be about `action`.
inline bool applies_to(catalog::Action action, ast::AttachedResource resource) {
  if (resource == ast::AttachedResource::kIamAssumeRolePolicyDocument) {
    std::string name = action.qualified_name();
    return std::any_of(kRoleTrustActions.begin(), kRoleTrustActions.end(),
                       [&](std::string_view allowed) { return allowed == name; });
  }
  for (catalog::ActionResource resource_type : action.resource_types()) {
    if (is_governed(resource_type.type(), resource)) return true;
  }
  return false;
}

}  // namespace iamlint::rules
