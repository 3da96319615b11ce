#include "catalog/key_support.h"

#include <algorithm>
#include <iterator>

#include "catalog/ascii.h"
#include "catalog/resource_type.h"

namespace iamlint::catalog {

bool is_tag_key(std::string_view key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view name = key.substr(colon + 1);
  return starts_with_folded(name, "ResourceTag/") || starts_with_folded(name, "RequestTag/") ||
         equals_folded(name, "TagKeys");
}

bool in_every_signed_request(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"aws:PrincipalArn", "aws:PrincipalAccount",
                                               "aws:PrincipalType", "aws:userid",
                                               "aws:RequestedRegion"};
  return std::any_of(std::begin(kKeys), std::end(kKeys),
                     [&](std::string_view known) { return equals_folded(key, known); });
}

bool lists_key(HandleRange<ConditionKey> keys, ConditionKey known, std::string_view key) {
  for (ConditionKey listed : keys) {
    if (listed == known || (listed.templated() && key_template_matches(listed.name(), key)))
      return true;
  }
  return false;
}

bool action_supports(Action action, ConditionKey known, std::string_view key) {
  if (lists_key(action.condition_keys(), known, key)) return true;
  for (ActionResource resource : action.resource_types()) {
    if (lists_key(resource.condition_keys(), known, key) ||
        lists_key(resource.type().condition_keys(), known, key)) {
      return true;
    }
  }
  return false;
}

bool service_supports(Service service, ConditionKey known, std::string_view key) {
  // The service's own key list is a superset: a key missing from it needs no scan.
  if (!service.has_condition_key(key)) return false;
  for (ResourceType type : service.resource_types()) {
    if (lists_key(type.condition_keys(), known, key)) return true;
  }
  for (Action action : service.actions()) {
    if (action_supports(action, known, key)) return true;
  }
  return false;
}

}  // namespace iamlint::catalog
