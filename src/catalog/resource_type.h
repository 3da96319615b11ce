// Resource types and their ARN formats (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
#pragma once

#include <cstdint>
#include <string_view>

#include "catalog/handle_range.h"
#include "catalog/service.h"

namespace iamlint::catalog {

class ConditionKey;

// What an ARN format says about one of its fixed segments (region or account).
enum class SegmentRule : std::uint8_t {
  kRequired,   // a placeholder: `${Region}`, `${Account}`
  kForbidden,  // empty: S3 buckets have no region, IAM ARNs no region
  kFixed,      // a literal, e.g. account `aws` for AWS-managed resources
  kAny,        // `*` in the format itself
};

class ArnFormat {
 public:
  explicit constexpr ArnFormat(std::uint32_t index) : index_(index) {}

  [[nodiscard]] std::string_view text() const;
  [[nodiscard]] SegmentRule region() const;
  [[nodiscard]] SegmentRule account() const;
  // Whether a Resource ARN (with `*`, `?` and `${...}` variables) can name a resource of this
  // format; see arn_match.h for the rules.
  [[nodiscard]] bool can_match(std::string_view arn) const;

 private:
  std::uint32_t index_;
};

class ResourceType {
 public:
  explicit constexpr ResourceType(std::uint32_t index) : index_(index) {}

  [[nodiscard]] constexpr std::uint32_t index() const { return index_; }
  [[nodiscard]] Service service() const;
  [[nodiscard]] std::string_view name() const;
  // Usually one; a few types accept alternative formats.
  [[nodiscard]] HandleRange<ArnFormat> arn_formats() const;
  [[nodiscard]] HandleRange<ConditionKey> condition_keys() const;
  // True if any of the formats can match.
  [[nodiscard]] bool can_match(std::string_view arn) const;

  friend constexpr bool operator==(ResourceType, ResourceType) = default;

 private:
  std::uint32_t index_;
};

// One ARN format of a resource type.
struct TypedArnFormat {
  ResourceType type;
  ArnFormat format;
};

// The ARN formats whose service field is `service`, in catalogue order: those of the catalogue
// service of that prefix and of any other that names it (kafka-cluster's formats name kafka);
// none for a service no format names. A format with a placeholder for its service (AWS Backup's
// recovery point of any `${Vendor}`) is listed under its own service only: under every service it
// would fit nearly any ARN. A lookup in a generated index, not a pass over the catalogue.
[[nodiscard]] HandleRange<TypedArnFormat> arn_formats_naming(std::string_view service);

}  // namespace iamlint::catalog
