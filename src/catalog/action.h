// Actions (permissions) with their access level, resource types and condition keys.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/handle_range.h"
#include "catalog/service.h"

namespace iamlint::catalog {

class ResourceType;
class ConditionKey;

// The service reference's classification. "Tagging, Write" and "Permissions management, Write"
// in the package count as their refinement, as in AWS's policy summaries.
enum class AccessLevel : std::uint8_t { kList, kRead, kWrite, kPermissionsManagement, kTagging };
inline constexpr int kAccessLevelCount = 5;

// "List", "Read", "Write", "Permissions management", "Tagging".
[[nodiscard]] std::string_view to_string(AccessLevel level);

// A resource type an action can be authorised against.
class ActionResource {
 public:
  explicit constexpr ActionResource(std::uint32_t index) : index_(index) {}

  [[nodiscard]] ResourceType type() const;
  [[nodiscard]] bool required() const;
  [[nodiscard]] HandleRange<ConditionKey> condition_keys() const;

 private:
  std::uint32_t index_;
};

class Action {
 public:
  explicit constexpr Action(std::uint32_t index) : index_(index) {}

  // Position in the catalogue: actions are sorted by (service prefix, lower-case name).
  [[nodiscard]] constexpr std::uint32_t index() const { return index_; }
  [[nodiscard]] Service service() const;
  [[nodiscard]] std::string_view name() const;       // original case, no prefix
  [[nodiscard]] std::string qualified_name() const;  // "s3:GetObject"
  [[nodiscard]] std::string_view description() const;
  [[nodiscard]] AccessLevel access_level() const;
  // Empty: the action supports only `"Resource": "*"`.
  [[nodiscard]] HandleRange<ActionResource> resource_types() const;
  [[nodiscard]] HandleRange<ConditionKey> condition_keys() const;  // request keys of the action
  [[nodiscard]] HandleRange<std::string_view> dependent_actions() const;

  friend constexpr bool operator==(Action, Action) = default;

 private:
  std::uint32_t index_;
};

// "service:Name", case-insensitive; no wildcards (see action_pattern.h for those).
[[nodiscard]] std::optional<Action> find_action(std::string_view qualified_name);
[[nodiscard]] std::uint32_t action_count();

}  // namespace iamlint::catalog
