// Which actions, resource types and services support a condition key: the catalogue's answer to
// "can a request to this service carry this key at all?". The condition rules (IAM352, IAM358,
// IAM359) and the permission model (a tag condition that a service's requests never carry) both
// ask it.
#pragma once

#include <string_view>

#include "catalog/action.h"
#include "catalog/condition_key.h"
#include "catalog/handle_range.h"
#include "catalog/service.h"

namespace iamlint::catalog {

// The keys that name the tags of the resource or of the request, which each service supports or
// not: aws:ResourceTag/<k>, aws:RequestTag/<k>, aws:TagKeys and the service forms such as
// ec2:ResourceTag/<k>. aws:PrincipalTag/<k> describes the caller and is available everywhere.
[[nodiscard]] bool is_tag_key(std::string_view key);

// Global keys that every signed request carries, whatever the service: aws:PrincipalArn,
// aws:PrincipalAccount, aws:PrincipalType and aws:userid (IAM's "included in the request context
// for all signed requests"), and aws:RequestedRegion (in every request). An anonymous request
// carries none of the principal keys.
[[nodiscard]] bool in_every_signed_request(std::string_view key);

// Whether `keys` lists `key` (found in the catalogue as `known`): the same entry, or a templated
// entry that `key` fills in.
[[nodiscard]] bool lists_key(HandleRange<ConditionKey> keys, ConditionKey known,
                             std::string_view key);

// The action takes the key in its request, or one of its resource types carries it.
[[nodiscard]] bool action_supports(Action action, ConditionKey known, std::string_view key);

// A service supports a key when one of its actions or resource types lists it.
[[nodiscard]] bool service_supports(Service service, ConditionKey known, std::string_view key);

}  // namespace iamlint::catalog
