// Can a Resource ARN from a policy name a resource of a given ARN format?
//
// Both sides are patterns: the policy ARN has `*`, `?` and policy variables (`${aws:username}`,
// a non-empty value); the format has placeholders (`${BucketName}`, one or more characters). The
// answer is yes when some concrete ARN matches both. Partition, service, region and account are
// compared segment by segment, so `*` cannot cross a colon there (an empty region only matches an
// empty or `*` segment); in the resource part `*` matches anything, as in IAM. A placeholder
// matches any text except for the few listed in data/arn_name_variables.tsv, which exclude `/` and
// `:` (that is what separates an S3 bucket from its objects). Comparison ignores ASCII case, which
// errs towards "can match": a linter must not call a working policy broken.
#pragma once

#include <optional>
#include <string_view>

namespace iamlint::catalog {

struct ArnParts {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;  // everything after the fifth colon
};

// Splits `arn:partition:service:region:account:resource`; nullopt without the `arn:` prefix or
// with fewer than six fields.
[[nodiscard]] std::optional<ArnParts> split_arn(std::string_view arn);

[[nodiscard]] bool arn_can_match(std::string_view arn, std::string_view format);

}  // namespace iamlint::catalog
