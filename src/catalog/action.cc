#include "catalog/action.h"

#include "catalog/condition_key.h"
#include "catalog/resource_type.h"
#include "catalog/tables.h"
#include "support/memo.h"

namespace iamlint::catalog {
namespace {

const tables::ActionRow& row(Action action) {
  return tables::kActions[action.index()];
}

HandleRange<ConditionKey> key_range(tables::Span span) {
  return {span.first, span.count,
          [](std::uint32_t i) { return ConditionKey(tables::kKeyRefs[i]); }};
}

}  // namespace

std::string_view to_string(AccessLevel level) {
  switch (level) {
    case AccessLevel::kList:
      return "List";
    case AccessLevel::kRead:
      return "Read";
    case AccessLevel::kWrite:
      return "Write";
    case AccessLevel::kPermissionsManagement:
      return "Permissions management";
    case AccessLevel::kTagging:
      return "Tagging";
  }
  return "Write";
}

ResourceType ActionResource::type() const {
  return ResourceType(tables::kActionResources[index_].resource_type);
}
bool ActionResource::required() const {
  return tables::kActionResources[index_].required;
}
HandleRange<ConditionKey> ActionResource::condition_keys() const {
  return key_range(tables::kActionResources[index_].keys);
}

Service Action::service() const {
  return Service(row(*this).service);
}
std::string_view Action::name() const {
  return tables::str(row(*this).name);
}
std::string_view Action::description() const {
  return tables::str(row(*this).description);
}
AccessLevel Action::access_level() const {
  return static_cast<AccessLevel>(row(*this).access_level);
}

std::string Action::qualified_name() const {
  std::string out(service().prefix());
  out += ':';
  out += name();
  return out;
}

HandleRange<ActionResource> Action::resource_types() const {
  return {row(*this).resources.first, row(*this).resources.count,
          [](std::uint32_t i) { return ActionResource(i); }};
}

HandleRange<ConditionKey> Action::condition_keys() const {
  return key_range(row(*this).keys);
}

HandleRange<std::string_view> Action::dependent_actions() const {
  return {row(*this).dependent_actions.first, row(*this).dependent_actions.count,
          [](std::uint32_t i) { return tables::str(tables::kStrRefs[i]); }};
}

namespace {

std::optional<Action> find_action_uncached(std::string_view qualified_name) {
  const size_t colon = qualified_name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto service = find_service(qualified_name.substr(0, colon));
  if (!service) return std::nullopt;
  return service->find_action(qualified_name.substr(colon + 1));
}

}  // namespace

std::optional<Action> find_action(std::string_view qualified_name) {
  // A dozen rules look up the actions a policy names, and policies name the same ones: a hash of
  // the text as written is cheaper than finding its service and then the action, case-folded.
  thread_local Memo<std::optional<Action>> memo({.entries = 8192, .bytes = 256 << 10});
  return memo.get(qualified_name, [&] { return find_action_uncached(qualified_name); });
}

std::uint32_t action_count() {
  return tables::kCounts.actions;
}

}  // namespace iamlint::catalog
