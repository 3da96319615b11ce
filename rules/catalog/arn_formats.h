// Resource ARNs against the catalogue's ARN formats, shared by the catalog family's ARN rules.
//
// "At least one" semantics throughout: an ARN is fine when it can name a resource of at least one
// resource type whose format names the same service (the ARN's own service, and so also every
// type of the statement's actions that lives there), never "all". The checks stay out of what the
// arn family reports (a missing arn: prefix, missing fields, a bad account, a service in capitals
// or with a wildcard) and of what they cannot know: "*", unknown services, and segments holding
// policy variables (treated as "*").
#pragma once

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "ast/policy.h"
#include "ast/policy_variable.h"
#include "catalog/action.h"
#include "catalog/action_set.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/resource_type.h"
#include "catalog/suggest.h"
#include "join.h"
#include "support/memo.h"

namespace iamlint::rules::catalog_arn {

struct Candidate {
  catalog::ResourceType type;
  catalog::ArnFormat format;
  // Read from the format once, when the table is built: every ARN checked is compared with them.
  catalog::SegmentRule region;
  catalog::SegmentRule account;
  std::string_view resource_head;  // the literal_prefix of its resource part
};

using catalog::has_wildcard;
inline bool has_variable(std::string_view text) {
  return text.find("${") != std::string_view::npos;
}

// The text before the first wildcard or variable.
inline std::string_view literal_prefix(std::string_view text) {
  return text.substr(0, text.find_first_of("*?$"));
}

// The ARN formats naming `service` (catalog::arn_formats_naming), read once per thread and
// service: every ARN checked is compared with them. Only the services that a file's ARNs name
// are read, and only real ones are kept, so unknown services cannot grow the table.
inline std::span<const Candidate> formats_for(std::string_view service) {
  thread_local std::map<std::string, std::vector<Candidate>, std::less<>> by_service;
  // The last service found is tried first, with one comparison: the ARNs of a statement, and the
  // rules that ask about each of them in turn, mostly name one service.
  thread_local std::string last_service;
  thread_local std::span<const Candidate> last_formats;
  if (!last_formats.empty() && service == last_service) return last_formats;
  auto it = by_service.find(service);
  if (it != by_service.end()) {
    last_service.assign(service);
    last_formats = it->second;
    return last_formats;
  }
  std::vector<Candidate> candidates;
  for (catalog::TypedArnFormat named : catalog::arn_formats_naming(service)) {
    // The index holds only formats that split into six fields.
    std::optional<ast::Arn> parts = ast::split_arn(named.format.text());
    candidates.push_back({named.type, named.format, named.format.region(), named.format.account(),
                          literal_prefix(parts->resource)});
  }
  if (candidates.empty()) return {};
  return by_service.emplace(service, std::move(candidates)).first->second;
}

inline bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A service field in lower case without wildcards or variables, told in one pass: its checks run
// for every Resource ARN of every policy, and separate searches cost more than the field is long.
inline bool is_plain_service(std::string_view service) {
  for (std::size_t i = 0; i < service.size(); ++i) {
    const char c = service[i];
    if ((c >= 'A' && c <= 'Z') || c == '*' || c == '?') return false;
    if (c == '$' && i + 1 < service.size() && service[i + 1] == '{') return false;
  }
  return true;
}

// An ARN the arn family accepts, with a service the catalogue knows: the only ones checked here.
struct CheckedArn {
  ast::Arn parts;
  std::span<const Candidate> formats;
};

// The parts of a Resource entry that the arn family accepts as an ARN (a service prefix in lower
// case without wildcards, an account that is empty, "aws", 12 digits or a pattern) and that has no
// policy variable before its resource part.
inline std::optional<ast::Arn> well_formed(const ast::Resource& resource) {
  if (!resource.arn) return std::nullopt;
  const ast::Arn& arn = *resource.arn;
  // A variable before the resource part (where IAM does not allow one) splits at its own colon.
  if (has_variable(resource.text.value.substr(
          0, static_cast<std::size_t>(arn.resource.data() - resource.text.value.data())))) {
    return std::nullopt;
  }
  if (!is_plain_service(arn.service)) return std::nullopt;
  const std::string_view account = arn.account;
  bool account_ok = account.empty() || account == "aws" ||
                    (account.size() == 12 && is_digits(account)) || has_wildcard(account) ||
                    has_variable(account);
  if (!account_ok) return std::nullopt;
  return arn;
}

// Resources AWS documents that the service reference has no resource type for; their ARNs are
// not checked. CloudFormation's transforms: "the policy should include the
// arn:aws:cloudformation:<region>:aws:transform/Serverless-2016-10-31 resource-level permission"
// (CloudFormation User Guide, "Control access with IAM"); AWS managed policies name them too.
struct UncataloguedResource {
  std::string_view service;
  std::string_view resource_prefix;
};
inline constexpr UncataloguedResource kUncatalogued[] = {{"cloudformation", "transform/"}};

inline bool uncatalogued(const ast::Arn& arn) {
  return std::any_of(
      std::begin(kUncatalogued), std::end(kUncatalogued), [&](const UncataloguedResource& known) {
        return arn.service == known.service && arn.resource.starts_with(known.resource_prefix);
      });
}

inline std::optional<CheckedArn> checkable(const ast::Resource& resource) {
  std::optional<ast::Arn> arn = well_formed(resource);
  if (!arn || uncatalogued(*arn)) return std::nullopt;
  std::span<const Candidate> formats = formats_for(arn->service);
  if (formats.empty()) return std::nullopt;
  return CheckedArn{*arn, formats};
}

// A region or account as matched here: a segment with a variable could be anything.
inline std::string_view matchable(std::string_view segment) {
  return has_variable(segment) ? "*" : segment;
}

// Cheap, exact rejections before the full match: a fixed region or account the format forbids or
// requires, or resource parts whose leading literals differ ("instance/" against "volume/").
// `resource_head` is the literal_prefix of the ARN's resource part.
inline bool may_match(std::string_view region, std::string_view account,
                      std::string_view resource_head, const Candidate& candidate) {
  auto fits = [](std::string_view segment, catalog::SegmentRule rule) {
    if (rule == catalog::SegmentRule::kForbidden)
      return segment.empty() || segment.find('*') != std::string_view::npos;
    if (rule == catalog::SegmentRule::kRequired) return !segment.empty();
    return true;
  };
  if (!fits(region, candidate.region) || !fits(account, candidate.account)) return false;
  std::size_t n = std::min(resource_head.size(), candidate.resource_head.size());
  return catalog::equals_folded(resource_head.substr(0, n), candidate.resource_head.substr(0, n));
}

// Whether some candidate format can match `arn:*:<service>:<region>:<account>:<resource>`.
inline bool any_format_matches(const CheckedArn& arn, std::string_view region,
                               std::string_view account, std::string_view resource) {
  const std::string_view resource_head = literal_prefix(resource);
  std::string text;
  for (const Candidate& candidate : arn.formats) {
    if (!may_match(region, account, resource_head, candidate)) continue;
    if (text.empty())
      text = fmt::format("arn:*:{}:{}:{}:{}", arn.parts.service, region, account, resource);
    if (candidate.format.can_match(text)) return true;
  }
  return false;
}

enum class Mismatch : uint8_t {
  kNone,
  kResource,          // the resource part fits no format of the service
  kRegionNotAllowed,  // it fits only formats without a region
  kMissingRegion,     // it fits only formats that require a region
  kAccountNotAllowed,
  kMissingAccount,
  kCombination,  // region, account and resource each fit some format, but no one format
};

inline Mismatch compute_mismatch(const CheckedArn& arn) {
  const std::string_view region = matchable(arn.parts.region);
  const std::string_view account = matchable(arn.parts.account);
  const std::string_view resource = arn.parts.resource;
  if (any_format_matches(arn, region, account, resource)) return Mismatch::kNone;
  if (!any_format_matches(arn, "*", "*", resource)) return Mismatch::kResource;
  if (!any_format_matches(arn, region, "*", resource)) {
    return region.empty() ? Mismatch::kMissingRegion : Mismatch::kRegionNotAllowed;
  }
  if (!any_format_matches(arn, "*", account, resource)) {
    return account.empty() ? Mismatch::kMissingAccount : Mismatch::kAccountNotAllowed;
  }
  return Mismatch::kCombination;
}

// compute_mismatch, remembered per ARN from its service on (the partition, which it ignores,
// aside): two rules ask about every Resource ARN, and the same ARNs recur across policies.
inline Mismatch mismatch(const CheckedArn& arn) {
  thread_local Memo<Mismatch> memo;
  const std::string_view resource = arn.parts.resource;
  const std::string_view from_service(
      arn.parts.service.data(),
      static_cast<std::size_t>(resource.data() + resource.size() - arn.parts.service.data()));
  return memo.get(from_service, [&] { return compute_mismatch(arn); });
}

// The formats naming the ARN's service among the resource types of `actions` (when the statement
// names few enough to look through), or else the service's own: what to write instead.
inline std::vector<std::string_view> expected_formats(const CheckedArn& arn,
                                                      const catalog::ActionSet& actions) {
  constexpr std::size_t kLookThrough = 200;
  std::vector<std::string_view> out;
  auto add = [&](std::string_view text) {
    if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
  };
  if (actions.count() <= kLookThrough) {
    for (catalog::Action action : actions) {
      for (catalog::ActionResource resource : action.resource_types()) {
        for (catalog::ArnFormat format : resource.type().arn_formats()) {
          std::optional<ast::Arn> parts = ast::split_arn(format.text());
          if (parts && parts->service == arn.parts.service) add(format.text());
        }
      }
    }
  }
  if (out.empty()) {
    for (const Candidate& candidate : arn.formats) add(candidate.format.text());
  }
  return out;
}

// The leading word of a resource part, up to its first '/' or ':' ("role" in "role/admin"), or
// empty when there is none or it holds a wildcard or variable.
inline std::string_view resource_word(std::string_view resource) {
  std::size_t end = resource.find_first_of("/:");
  if (end == std::string_view::npos || end == 0) return {};
  std::string_view word = resource.substr(0, end);
  return word.find_first_of("*?$") == std::string_view::npos ? word : std::string_view();
}

// The service's resource word that the ARN's one is a likely typo of ("rol" -> "role"), or empty.
inline std::string guess_resource_word(const CheckedArn& arn) {
  std::string_view word = resource_word(arn.parts.resource);
  if (word.empty()) return {};
  std::vector<std::string_view> known;
  for (const Candidate& candidate : arn.formats) {
    std::optional<ast::Arn> parts = ast::split_arn(candidate.format.text());
    std::string_view other = parts ? resource_word(parts->resource) : std::string_view();
    if (!other.empty() && std::find(known.begin(), known.end(), other) == known.end())
      known.push_back(other);
  }
  for (std::string& guess : catalog::suggest_from(word, known, 1)) {
    if (catalog::is_likely_typo(word, guess)) return guess;
  }
  return {};
}

// The source range of a segment (a view into `text.value`) of an ARN written at `text.range`.
inline ByteRange segment_range(const ast::Text& text, std::string_view segment) {
  auto begin = static_cast<std::size_t>(segment.data() - text.value.data());
  return ast::policy_variable::sub_range(text.range, text.value, begin, begin + segment.size());
}

// Calls visit(resource) for every Resource and NotResource entry.
template <class Visit>
void for_each_resource(const ast::Statement& statement, Visit&& visit) {
  for (const auto* list : {&statement.resource, &statement.not_resource}) {
    if (!*list) continue;
    for (const ast::Resource& resource : (*list)->entries) visit(resource);
  }
}

}  // namespace iamlint::rules::catalog_arn
