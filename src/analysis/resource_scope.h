// The resources one statement applies to: its Resource entries, everything but its NotResource
// entries, or — in resource and trust policies, where the element may be left out — the resource
// the policy is attached to. Patterns are compared as IAM matches ARNs: partition, service, Region
// and account field by field, the resource part as a whole, case-sensitively.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "ast/policy.h"
#include "catalog/action.h"
#include "catalog/action_set.h"

namespace iamlint::analysis {

// Whether every resource `inner` names is named by `outer` too (both are Resource patterns, with
// wildcards and policy variables). Sound: `false` may also mean "not shown".
[[nodiscard]] bool resource_contains(std::string_view outer, std::string_view inner);
// Whether some resource may match both patterns (`true` when in doubt).
[[nodiscard]] bool resources_intersect(std::string_view a, std::string_view b);

// Whether `pattern` names every resource of some type `action` accepts (`arn:aws:s3:::*/*` for
// s3:GetObject, `arn:aws:iam::111122223333:role/*` for iam:PassRole): the same reach as "*" for
// that action, whatever the partition, Region and account say. For an action that accepts only
// "*", whether the pattern is "*".
[[nodiscard]] bool names_every_resource(std::string_view pattern, catalog::Action action);
// The actions of `actions` for which `pattern` names every resource, as "*" would.
[[nodiscard]] catalog::ActionSet reaching_every_resource(std::string_view pattern,
                                                         const catalog::ActionSet& actions);
// Whether `pattern` can name some resource `action` accepts: a grant of the action on a pattern
// that names none of its resource types does not allow it (`s3:*` on `arn:aws:s3:::b/*` allows
// no bucket-level action).
[[nodiscard]] bool can_name_resource_of(std::string_view pattern, catalog::Action action);

class ResourceScope {
 public:
  enum class Form : std::uint8_t {
    kAny,     // "*", or the attached resource of a resource or trust policy without Resource
    kListed,  // Resource entries
    kAllBut,  // NotResource entries
  };

  ResourceScope() = default;
  explicit ResourceScope(const ast::Statement& statement);

  [[nodiscard]] Form form() const { return form_; }
  [[nodiscard]] std::span<const ast::Resource> entries() const { return entries_; }
  // Some Resource entries are values known only at deployment (a template's !Sub ARN), left out
  // of entries(): the statement also reaches resources that no entry shown names.
  [[nodiscard]] bool named_at_deployment() const { return named_at_deployment_; }

  // Whether the statement applies to the resource named `arn` (an ARN, or "*" for actions that
  // take no resource).
  [[nodiscard]] bool matches(std::string_view arn) const;
  // Whether it applies to every resource the other scope applies to. Sound.
  [[nodiscard]] bool covers(const ResourceScope& other) const;
  // Whether it applies to the resources of one entry of a Resource list. Sound.
  [[nodiscard]] bool covers(std::string_view pattern) const;
  // Whether the two may share a resource (`true` when in doubt).
  [[nodiscard]] bool overlaps(const ResourceScope& other) const;

 private:
  Form form_ = Form::kAny;
  std::span<const ast::Resource> entries_;
  bool named_at_deployment_ = false;
};

}  // namespace iamlint::analysis
