// IAM251: a statement names an action that none of its resources can apply to, so it grants (or
// denies) nothing for that action. "At least one" semantics: one matching resource is enough.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "analysis/actions.h"
#include "analysis/policy_facts.h"
#include "catalog/action.h"
#include "catalog/resource_type.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// Whether any of a statement's resources can be of a resource type, remembered per type: a
// statement's actions mostly share their resource types, and ARN matching is the costly part.
class ResourceTypeMatcher {
 public:
  explicit ResourceTypeMatcher(const std::vector<ast::Resource>& resources)
      : resources_(resources) {}

  bool can_apply(catalog::Action action) {
    for (catalog::ActionResource resource_type : action.resource_types()) {
      if (matches(resource_type.type())) return true;
    }
    return false;
  }

 private:
  bool matches(catalog::ResourceType type) {
    const auto known = std::find_if(seen_.begin(), seen_.end(),
                                    [&](const auto& entry) { return entry.first == type.index(); });
    if (known != seen_.end()) return known->second;
    const bool any = std::any_of(resources_.begin(), resources_.end(), [&](const auto& resource) {
      return type.can_match(resource.text.value);
    });
    seen_.emplace_back(type.index(), any);
    return any;
  }

  const std::vector<ast::Resource>& resources_;
  std::vector<std::pair<std::uint32_t, bool>> seen_;  // resource type index, matches
};

// "object: arn:${Partition}:s3:::${BucketName}/${ObjectName}; ..." for the message.
std::string expected_resources(catalog::Action action) {
  constexpr std::size_t kShown = 2;
  std::string out;
  std::size_t shown = 0;
  for (catalog::ActionResource resource_type : action.resource_types()) {
    if (shown == kShown) break;
    auto formats = resource_type.type().arn_formats();
    std::string_view format = formats.empty() ? std::string_view() : formats[0].text();
    out += fmt::format("{}{}: {}", shown == 0 ? "" : "; ", resource_type.type().name(), format);
    ++shown;
  }
  if (action.resource_types().size() > kShown)
    out += fmt::format("; and {} more", action.resource_types().size() - kShown);
  return out;
}

class ResourceMismatch final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "least-privilege"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "RESOURCE_MISMATCH"}};
  static constexpr engine::LevelCase kOtherLevels[] = {
      {engine::Level::kNote,
       "the action accepts only \"Resource\": \"*\", which "
       "the service reference may not yet say of it"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM251",
      .name = "resource-mismatch",
      .level = engine::Level::kWarning,
      .other_levels = kOtherLevels,
      .summary = "A statement names an action that none of its resources can apply to",
      .tags = kTags,
      .precision = engine::Precision::kMedium,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    if (!statement.action || !statement.resource || statement.resource->entries.empty()) return;
    const auto& resources = statement.resource->entries;
    // "*" applies to everything; text that is not an ARN is another rule's business.
    bool judgeable =
        std::all_of(resources.begin(), resources.end(),
                    [](const ast::Resource& resource) { return resource.arn.has_value(); });
    if (!judgeable) return;
    std::string_view outcome = statement.allows() ? "grants" : "denies";
    ResourceTypeMatcher matcher(resources);
    const auto& entries = statement.action->entries;
    // The entries' expansions, made once for the policy: an action name expands to the action of
    // that name, if the catalogue has it, without a lookup here.
    const auto expanded = ctx.facts().entry_actions(statement, *statement.action);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ast::Action& entry = entries[i];
      // A wildcard is expected to cover actions of other resource types; judge named actions only.
      if (analysis::is_pattern(entry.text.value)) continue;
      if (!expanded[i] || expanded[i]->empty()) continue;
      const catalog::Action action(expanded[i]->front());
      if (matcher.can_apply(action)) continue;
      if (action.resource_types().empty()) {
        // AWS's own managed policies often scope such actions anyway; the reference may lag the
        // service, so this variant is a note.
        ctx.report(entry.text.range,
                   "{} accepts only \"Resource\": \"*\", so this statement {} nothing for it; move "
                   "it to a statement with \"Resource\": \"*\"",
                   action.qualified_name(), outcome)
            .level(engine::Level::kNote)
            .related(statement.resource->range, "the statement's resources");
      } else {
        ctx.report(entry.text.range,
                   "none of this statement's resources is of a type {} acts on ({}), so the "
                   "statement {} nothing for it",
                   action.qualified_name(), expected_resources(action), outcome)
            .related(statement.resource->range, "the statement's resources");
      }
    }
  }
};

IAMLINT_REGISTER_RULE(ResourceMismatch);

}  // namespace
}  // namespace iamlint::rules
