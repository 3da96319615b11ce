// IAM101: an ARN that IAM cannot parse: no "arn:" prefix, fewer than six fields, an account that
// is not a 12-digit ID, or a service prefix with capitals.
#include <algorithm>

#include "arn_values.h"
#include "engine/rule.h"

namespace iamlint::rules {
namespace {

bool is_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Empty (services without accounts, such as S3), a 12-digit ID, "aws" (AWS managed policies:
// arn:aws:iam::aws:policy/...), "cloudfront" (CloudFront origin access identities:
// arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity <id>), or a pattern: a wildcard
// or a policy variable may stand for it.
bool is_valid_account(std::string_view account) {
  if (account.empty() || account == "aws" || account == "cloudfront") return true;
  if (account.size() == 12 && is_digits(account)) return true;
  return account.find_first_of("*?") != std::string_view::npos ||
         account.find("${") != std::string_view::npos;
}

bool has_upper(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lowered(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

class MalformedArn final : public engine::Rule {
 public:
  static constexpr std::string_view kTags[] = {"correctness", "arn"};
  static constexpr std::string_view kCodes[] = {"INVALID_ARN_PREFIX", "MISSING_ARN_FIELD",
                                                "INVALID_ARN_ACCOUNT", "INVALID_ARN_SERVICE_CASE"};
  static constexpr engine::Equivalent kEquivalents[] = {{"Parliament", "INVALID_ARN"}};
  static constexpr engine::RuleInfo kInfo{
      .id = "IAM101",
      .name = "malformed-arn",
      .level = engine::Level::kError,
      .summary =
          "An ARN lacks the arn: prefix or a field, or has an invalid account ID or service prefix",
      .tags = kTags,
      .precision = engine::Precision::kVeryHigh,
      .access_analyzer_codes = kCodes,
      .equivalents = kEquivalents,
  };
  const engine::RuleInfo& info() const override { return kInfo; }

  void check_statement(const ast::Statement& statement, engine::RuleContext& ctx) const override {
    arn::for_each_arn_value(statement, [&](const ast::Text& text, arn::ArnSource source) {
      check_value(text, source, ctx);
    });
  }

 private:
  static void check_value(const ast::Text& text, arn::ArnSource source, engine::RuleContext& ctx) {
    std::string_view value = text.value;
    if (source == arn::ArnSource::kResource && value == "*") return;
    // API Gateway resource policies may name their own API's methods in a short form that the
    // service expands to ARNs ("execute-api:/stage/GET/pets").
    if (source == arn::ArnSource::kResource && value.starts_with("execute-api:/")) return;
    if (!value.starts_with("arn:")) {
      ctx.report(text.range,
                 "Resource \"{}\" is not an ARN; write it as "
                 "arn:partition:service:region:account:resource, or \"*\" for every resource",
                 value)
          .code("INVALID_ARN_PREFIX");
      return;
    }
    std::optional<ast::Arn> parts = ast::split_arn(value);
    if (!parts) {
      std::size_t fields =
          static_cast<std::size_t>(std::count(value.begin(), value.end(), ':')) + 1;
      ctx.report(text.range,
                 "ARN \"{}\" has {} of the 6 colon-separated fields "
                 "arn:partition:service:region:account:resource; keep the empty fields' colons "
                 "(e.g. arn:aws:s3:::bucket)",
                 value, fields)
          .code("MISSING_ARN_FIELD");
      return;
    }
    if (has_upper(parts->service) && parts->service.find("${") == std::string_view::npos) {
      ctx.report(text.range,
                 "ARN \"{}\" has the service prefix \"{}\"; service prefixes are lowercase: \"{}\"",
                 value, parts->service, lowered(parts->service))
          .code("INVALID_ARN_SERVICE_CASE");
    }
    if (!is_valid_account(parts->account)) {
      ctx.report(text.range,
                 "ARN \"{}\" has the account \"{}\"; an account is a 12-digit ID without hyphens "
                 "(or empty, or \"*\")",
                 value, parts->account)
          .code("INVALID_ARN_ACCOUNT");
    }
  }
};

IAMLINT_REGISTER_RULE(MalformedArn);

}  // namespace
}  // namespace iamlint::rules
