// IAM319: a value of a KMS-key condition key that cannot name a KMS key.
#include <re2/re2.h>

#include "ast/policy_variable.h"
#include "catalog/glob.h"
#include "catalog/lists.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

// A key ID (UUID, or "mrk-" + 32 hex digits for multi-Region keys) or an alias name.
bool is_key_id_or_alias(std::string_view text) {
  static const re2::RE2 kKeyId(
      "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]"
      "{32}|alias/.+)");
  return re2::RE2::FullMatch(text, kKeyId);
}

class InvalidKmsKeyValue final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "condition", "kms"};
  static constexpr std::string_view kCodes[] = {"INVALID_KMS_KEY_VALUE"};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM319",
      .name = "invalid-kms-key-value",
      .level = engine::Level::kError,
      .summary =
          "A condition key that names a KMS key has a value that is not a KMS key ARN (or ID)",
      .tags = kTags,
      .precision = engine::Precision::kHigh,
      .access_analyzer_codes = kCodes,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_condition(const ast::Statement&, const ast::Condition& condition,
                       engine::RuleContext& ctx) const override {
    std::optional<catalog::KmsKeyForm> form = catalog::kms_key_form(condition.key.value);
    if (!form) return;
    for (const ast::ConditionValue& value : condition.values) {
      std::string_view text = value.text;
      // A pattern that starts with a wildcard, or a variable, may still match a key ARN.
      if (text.empty() || text.front() == '*' || text.front() == '?' ||
          ast::policy_variable::has_lookup(text))
        continue;
      if (text.starts_with("arn:")) continue;
      if (*form == catalog::KmsKeyForm::kIdOrArn &&
          (catalog::has_wildcard(text) || is_key_id_or_alias(text))) {
        continue;
      }
      if (*form == catalog::KmsKeyForm::kArn) {
        ctx.report(value.range,
                   "{} takes a KMS key ARN, not \"{}\"; write "
                   "\"arn:aws:kms:<region>:<account>:key/<key-id>\"",
                   condition.key.value, text);
      } else {
        ctx.report(value.range,
                   "{} takes a KMS key ID, alias or ARN, not \"{}\"; write e.g. "
                   "\"arn:aws:kms:<region>:<account>:key/<key-id>\"",
                   condition.key.value, text);
      }
    }
  }
};

IAMLINT_REGISTER_RULE(InvalidKmsKeyValue);

}  // namespace
}  // namespace iamlint::rules
