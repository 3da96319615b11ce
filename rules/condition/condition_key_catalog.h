// What the catalogue says about a condition key as written in a policy: its service, whether it
// is a tag key, and which actions, resource types and services list it. Shared by the condition
// family's catalogue rules (IAM350-IAM358).
//
// Header-only because rules/<family>/meson.build lists rule files only.
#pragma once

#include <algorithm>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>

#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/handle_range.h"
#include "catalog/key_support.h"
#include "catalog/resource_type.h"
#include "catalog/service.h"
#include "catalog/suggest.h"

namespace iamlint::rules::condition_keys {

// "s3" for "s3:prefix"; empty when the key has no ':'.
inline std::string_view prefix_of(std::string_view key) {
  const std::size_t colon = key.find(':');
  return colon == std::string_view::npos ? std::string_view() : key.substr(0, colon);
}

// The part after the first ':' ("prefix" for "s3:prefix").
inline std::string_view name_of(std::string_view key) {
  const std::size_t colon = key.find(':');
  return colon == std::string_view::npos ? key : key.substr(colon + 1);
}

inline bool is_global(std::string_view key) {
  return catalog::equals_folded(prefix_of(key), "aws");
}

using catalog::action_supports;
using catalog::is_tag_key;
using catalog::service_supports;

// For a tag key written without its tag name ("aws:ResourceTag", "ec2:ResourceTag/",
// "s3:ExistingObjectTag"), the templated catalogue key it stands for; nullopt otherwise.
inline std::optional<catalog::ConditionKey> bare_tag_key(std::string_view key) {
  std::string_view stem = key;
  if (!stem.empty() && stem.back() == '/') stem.remove_suffix(1);
  if (stem.empty() || prefix_of(stem).empty() || catalog::find_condition_key(stem))
    return std::nullopt;
  std::optional<catalog::ConditionKey> filled =
      catalog::find_condition_key(std::string(stem) + "/x");
  if (!filled || !filled->templated()) return std::nullopt;
  const std::string_view name = filled->name();
  if (name.size() <= stem.size() + 1 || !catalog::starts_with_folded(name, stem) ||
      name[stem.size()] != '/') {
    return std::nullopt;
  }
  const std::string_view rest = name.substr(stem.size() + 1);
  const bool one_placeholder = (rest.starts_with("${") && rest.find('}') == rest.size() - 1) ||
                               (rest.starts_with("<") && rest.find('>') == rest.size() - 1);
  return one_placeholder ? filled : std::nullopt;
}

// "a, b and c" or "a, b, c and 4 more{suffix}": the first three of `count` names, for messages.
template <class NameAt>
std::string first_names(std::size_t count, NameAt&& name_at, std::string_view more_suffix = "") {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(count, 3);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == count ? " and " : ", ";
    out += name_at(i);
  }
  if (count > shown) out += fmt::format(" and {} more{}", count - shown, more_suffix);
  return out;
}

// A service condition key that the catalogue does not define, under a known service prefix or an
// unknown one. As with actions, the catalogue is a snapshot, so the key counts as a mistake only on
// evidence of one: a global key's name under a service prefix (s3:SourceIp), a close spelling of a
// key the catalogue knows, or a close spelling of a service prefix under which the same key exists
// (dynamodbb:LeadingKeys). Anything else may be newer than the snapshot.
struct UnknownServiceKey {
  std::optional<catalog::Service> service;  // nullopt: the prefix names no service
  bool mistake = false;
  std::vector<std::string> suggestions;
};

// Prefixes of condition keys that are not AWS services: SAML assertion keys (saml:aud) and the
// claims of web identity and OIDC providers, whose prefix is the provider's host
// (token.actions.githubusercontent.com:sub, oidc.eks.<region>.amazonaws.com/id/<id>:sub).
inline bool is_identity_provider_prefix(std::string_view prefix) {
  return catalog::equals_folded(prefix, "saml") ||
         prefix.find_first_of("./") != std::string_view::npos;
}

// The key under close spellings of its unknown service prefix, where the catalogue has it.
inline std::vector<std::string> keys_under_close_services(std::string_view key) {
  std::vector<std::string> out;
  const std::string_view prefix = prefix_of(key);
  for (const std::string& other : catalog::suggest_services(prefix)) {
    if (!catalog::is_likely_typo(prefix, other)) continue;
    std::string candidate = other + ":" + std::string(name_of(key));
    if (catalog::find_condition_key(candidate) || bare_tag_key(candidate))
      out.push_back(std::move(candidate));
  }
  return out;
}

inline std::optional<UnknownServiceKey> diagnose_service_key_uncached(std::string_view key) {
  const std::string_view prefix = prefix_of(key);
  if (prefix.empty() || is_global(key) || is_identity_provider_prefix(prefix)) return std::nullopt;
  std::optional<catalog::Service> service = catalog::find_service(prefix);
  if (catalog::find_condition_key(key) || bare_tag_key(key)) return std::nullopt;
  UnknownServiceKey out{.service = service};
  if (!service) {
    out.suggestions = keys_under_close_services(key);
    out.mistake = !out.suggestions.empty();
    return out;
  }
  const std::string global = "aws:" + std::string(name_of(key));
  if (std::optional<catalog::ConditionKey> g = catalog::find_condition_key(global);
      g && !g->templated()) {
    out.mistake = true;
    out.suggestions.emplace_back(g->name());
    return out;
  }
  std::vector<std::string> guesses = catalog::suggest_condition_keys(key, 1);
  if (!guesses.empty()) {
    out.mistake = catalog::is_close_spelling(key, guesses.front());
    out.suggestions.push_back(std::move(guesses.front()));
  }
  return out;
}

// diagnose_service_key_uncached, remembered per key for the keys it finds unknown (known keys
// are answered by the lookup itself): two rules ask about every condition key, and a key the
// catalogue lacks recurs across policies while its suggestion scans the catalogue. Thread-safe;
// one entry per distinct unknown key.
inline std::optional<UnknownServiceKey> diagnose_service_key(std::string_view key) {
  const std::string_view prefix = prefix_of(key);
  if (prefix.empty() || is_global(key) || catalog::find_condition_key(key)) return std::nullopt;
  static std::shared_mutex mutex;
  static std::unordered_map<std::string, std::optional<UnknownServiceKey>> known;
  std::string text(key);
  {
    std::shared_lock lock(mutex);
    if (auto it = known.find(text); it != known.end()) return it->second;
  }
  std::optional<UnknownServiceKey> computed = diagnose_service_key_uncached(key);
  std::unique_lock lock(mutex);
  return known.try_emplace(std::move(text), std::move(computed)).first->second;
}

}  // namespace iamlint::rules::condition_keys
