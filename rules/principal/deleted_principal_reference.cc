// IAM054: a unique ID (AIDA..., AROA...) in Principal: IAM shows one where the user or role it
// named has been deleted, so the statement now grants to no one.
#include <algorithm>

#include "catalog/lists.h"
#include "engine/rule.h"
#include "principal_elements.h"

namespace iamlint::rules {
namespace {

// Unique IDs are a four-letter prefix and at least 16 more capitals and digits.
bool looks_like_unique_id(std::string_view value) {
  return value.size() >= 20 && std::all_of(value.begin(), value.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

class DeletedPrincipalReference final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "principal"};
  static constexpr std::string_view kCodes[] = {"INVALID_ROLE_REFERENCE", "INVALID_USER_REFERENCE"};
  static constexpr ast::PolicyKind kKinds[] = {ast::PolicyKind::kResource, ast::PolicyKind::kTrust};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM054",
      .name = "deleted-principal-reference",
      .level = engine::Level::kWarning,
      .summary =
          "A Principal holds the unique ID of a user or role instead of its ARN, a sign that it "
          "was deleted",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
      .policy_kinds = kKinds,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    principal::for_each_principal_element(
        statement, [&](const ast::Principal& p, std::string_view element) {
          for (const ast::PrincipalEntry& entry : p.entries) {
            if (entry.type != ast::PrincipalType::kAws || !looks_like_unique_id(entry.text.value))
              continue;
            std::optional<std::string_view> entity = catalog::unique_id_entity(entry.text.value);
            if (entity != "user" && entity != "role") continue;
            ctx.report(entry.text.range,
                       "{} \"{}\" is the unique ID of a {}: IAM shows one when the {} it named was "
                       "deleted, and a new {} of the same name is not trusted; replace it with the "
                       "{} ARN (arn:aws:iam::<account>:{}/<name>) or remove it",
                       element, entry.text.value, *entity, *entity, *entity, *entity, *entity)
                .code(*entity == "role" ? "INVALID_ROLE_REFERENCE" : "INVALID_USER_REFERENCE");
          }
        });
  }
};

IAMLINT_REGISTER_RULE(DeletedPrincipalReference);

}  // namespace
}  // namespace iamlint::rules
