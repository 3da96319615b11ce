// AWS services (the prefix before the colon in `s3:GetObject`).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "catalog/handle_range.h"

namespace iamlint::catalog {

class Action;
class ResourceType;
class ConditionKey;

class Service {
 public:
  explicit constexpr Service(std::uint32_t index) : index_(index) {}

  [[nodiscard]] constexpr std::uint32_t index() const { return index_; }
  [[nodiscard]] std::string_view prefix() const;  // lower case
  [[nodiscard]] std::string_view name() const;    // display name, e.g. "Amazon S3"
  [[nodiscard]] bool rcp_supported() const;       // may appear in a resource control policy

  [[nodiscard]] HandleRange<Action> actions() const;  // sorted by lower-case name
  [[nodiscard]] HandleRange<ResourceType> resource_types() const;
  [[nodiscard]] HandleRange<ConditionKey> condition_keys() const;  // the service's own key list

  // Case-insensitive; `name` has no prefix ("GetObject").
  [[nodiscard]] std::optional<Action> find_action(std::string_view name) const;
  [[nodiscard]] std::optional<ResourceType> find_resource_type(std::string_view name) const;
  // Whether `key` is in the service's key list (templated entries match their instances).
  [[nodiscard]] bool has_condition_key(std::string_view key) const;

  friend constexpr bool operator==(Service, Service) = default;

 private:
  std::uint32_t index_;
};

// Case-insensitive.
[[nodiscard]] std::optional<Service> find_service(std::string_view prefix);
[[nodiscard]] HandleRange<Service> services();  // sorted by prefix

}  // namespace iamlint::catalog
