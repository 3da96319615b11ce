// The hand-kept lists in data/ (partitions, regions, unique-ID prefixes, KMS-key condition keys,
// service-limited global keys, role-session keys), each with its source in the file header.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "catalog/action.h"

namespace iamlint::catalog {

[[nodiscard]] bool is_partition(std::string_view name);    // "aws", "aws-cn", "aws-us-gov", ...
[[nodiscard]] std::vector<std::string_view> partitions();  // sorted

// The partition a Region belongs to, or nullopt for an unknown Region. Case-sensitive, as IAM
// compares Region names in ARNs and aws:RequestedRegion values.
[[nodiscard]] std::optional<std::string_view> partition_of_region(std::string_view region);
[[nodiscard]] std::vector<std::string_view> regions_of(std::string_view partition);  // sorted

// The IAM entity a unique ID names by its four-letter prefix ("AIDA..." -> "user",
// "AROA..." -> "role"), or nullopt.
[[nodiscard]] std::optional<std::string_view> unique_id_entity(std::string_view id);

enum class KmsKeyForm {
  kArn,      // the value must be a key ARN
  kIdOrArn,  // a key ID, alias or ARN
};

// For condition keys whose value names a KMS key; case-insensitive.
[[nodiscard]] std::optional<KmsKeyForm> kms_key_form(std::string_view condition_key);

// A global condition key that only some services put in the request context: aws:VpceAccount,
// aws:VpceOrgID and aws:VpceOrgPaths. For the other services the key is always absent.
class ServiceLimitedKey {
 public:
  // How much of a service the key reaches.
  enum class Coverage : std::uint8_t {
    kNone,     // the service does not support the key
    kAll,      // every action of the service carries it
    kPartial,  // the service supports it, except for some actions (iam:PassRole)
  };

  explicit constexpr ServiceLimitedKey(std::uint32_t index) : index_(index) {}
  [[nodiscard]] std::string_view name() const;  // as AWS spells it
  [[nodiscard]] Coverage coverage(Service service) const;
  // Whether requests for `action` carry the key.
  [[nodiscard]] bool reaches(Action action) const;
  [[nodiscard]] std::size_t service_count() const;  // services that support it

 private:
  std::uint32_t index_;
};

// Case-insensitive, as IAM compares condition keys.
[[nodiscard]] std::optional<ServiceLimitedKey> find_service_limited_key(std::string_view key);

// Whether a service-prefixed key describes the caller's role session (ec2:SourceInstanceArn,
// lambda:SourceFunctionArn, ...), so that requests for any action carry it. Case-insensitive.
[[nodiscard]] bool is_role_session_key(std::string_view key);

}  // namespace iamlint::catalog
