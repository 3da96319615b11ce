#include "analysis/condition_facts.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include <fmt/core.h>

#include "analysis/condition_operators.h"
#include "analysis/ip_range.h"
#include "catalog/ascii.h"
#include "catalog/condition_key.h"
#include "catalog/glob.h"
#include "catalog/key_support.h"
#include "catalog/lists.h"
#include "support/memo.h"

namespace iamlint::analysis {
namespace {

// How a condition key narrows the requests that satisfy a test on it, and whether a fixed value
// of it pins the caller (S3 Block Public Access's and Access Analyzer's list of keys that make a
// grant to "*" non-public, plus the organisation and caller-account keys that do the same).
struct KeyClass {
  Narrowing narrowing = Narrowing::kResource;
  bool pins = false;
};

struct NamedKey {
  std::string_view name;  // lower case
  KeyClass key_class;
};

constexpr KeyClass kCaller{Narrowing::kCaller, false};
constexpr KeyClass kPinsCaller{Narrowing::kCaller, true};
constexpr KeyClass kNetwork{Narrowing::kNetwork, false};
constexpr KeyClass kPinsNetwork{Narrowing::kNetwork, true};
constexpr KeyClass kNothing{Narrowing::kNothing, false};
constexpr KeyClass kResource{Narrowing::kResource, false};

// Sources: "AWS global condition context keys" (IAM User Guide) for the meaning of each key;
// "Blocking public access to your Amazon S3 storage: The meaning of public" for the pinning ones.
constexpr std::array<NamedKey, 43> kKeys = {{
    {"aws:calledvia", kCaller},
    {"aws:calledviafirst", kCaller},
    {"aws:calledvialast", kCaller},
    {"aws:currenttime", kNothing},
    {"aws:ec2instancesourceprivateipv4", kNetwork},
    {"aws:ec2instancesourcevpc", kNetwork},
    {"aws:epochtime", kNothing},
    {"aws:federatedprovider", kCaller},
    {"aws:ismcpserviceaction", kNothing},
    {"aws:multifactorauthage", kCaller},
    {"aws:multifactorauthpresent", kCaller},
    {"aws:principalaccount", kPinsCaller},
    {"aws:principalarn", kPinsCaller},
    {"aws:principalisawsservice", kPinsCaller},
    {"aws:principalorgid", kPinsCaller},
    {"aws:principalorgpaths", kPinsCaller},
    {"aws:principalservicename", kPinsCaller},
    {"aws:principalservicenameslist", kCaller},
    {"aws:principaltype", kCaller},
    {"aws:referer", kNothing},
    {"aws:requestedregion", kNetwork},
    {"aws:resourceaccount", kResource},
    {"aws:resourceorgid", kResource},
    {"aws:resourceorgpaths", kResource},
    {"aws:securetransport", kNothing},
    {"aws:sourceaccount", kPinsCaller},
    {"aws:sourcearn", kPinsCaller},
    {"aws:sourceidentity", kCaller},
    {"aws:sourceip", kPinsNetwork},
    {"aws:sourceorgid", kPinsCaller},
    {"aws:sourceorgpaths", kPinsCaller},
    {"aws:sourceowner", kPinsCaller},
    {"aws:sourcevpc", kPinsNetwork},
    {"aws:sourcevpcarn", kPinsNetwork},
    {"aws:sourcevpce", kPinsNetwork},
    {"aws:tokenissuetime", kNothing},
    {"aws:useragent", kNothing},
    {"aws:userid", kPinsCaller},
    {"aws:username", kCaller},
    {"aws:viaawsservice", kCaller},
    {"aws:vpceaccount", kPinsNetwork},
    {"aws:vpceorgid", kPinsNetwork},
    {"aws:vpcsourceip", kNetwork},
}};

// Service keys that describe the caller rather than the resource.
constexpr std::array<NamedKey, 6> kServiceCallerKeys = {{
    {"kms:calleraccount", kPinsCaller},
    {"s3:dataaccesspointaccount", kPinsCaller},
    {"s3:dataaccesspointarn", kPinsCaller},
    {"sts:externalid", kCaller},
    {"sts:sourceidentity", kCaller},
    {"sts:rolesessionname", kCaller},
}};

const NamedKey* find_key(std::span<const NamedKey> keys, std::string_view folded) {
  auto it = std::find_if(keys.begin(), keys.end(),
                         [&](const NamedKey& key) { return key.name == folded; });
  return it == keys.end() ? nullptr : &*it;
}

KeyClass classify_key(std::string_view key) {
  const std::string folded = catalog::to_folded(key);
  if (const NamedKey* known = find_key(kKeys, folded)) return known->key_class;
  if (const NamedKey* known = find_key(kServiceCallerKeys, folded)) return known->key_class;
  const std::size_t colon = folded.find(':');
  const std::string_view prefix = std::string_view(folded).substr(0, colon);
  if (folded.starts_with("aws:principaltag/")) return kCaller;
  // Claims of an identity provider ("token.actions.githubusercontent.com:sub", "saml:aud") and the
  // keys of the caller's role session (ec2:SourceInstanceArn) describe who calls.
  if (prefix.find('.') != std::string_view::npos || prefix == "saml" ||
      catalog::is_role_session_key(key)) {
    return kCaller;
  }
  // Tags, the resource's account, and every other service key (s3:prefix, iam:PassedToService):
  // what the request acts on. An unknown global key is counted here too: a test on it narrows
  // something, and a misspelt one is reported by the condition rules.
  return kResource;
}

// Whether the condition's values name something: with a Like operator, a lone "*" matches every
// value (of a present key) and narrows nothing. A value known only at deployment (a template's
// `!Ref OrgId`) is taken to name one thing, as the parameter or resource it stands for does.
bool values_narrow(const ast::Condition& condition) {
  if (condition.values.empty()) return condition.unknown;
  if (!operators::is_like(condition.op)) return true;
  return std::none_of(
      condition.values.begin(), condition.values.end(),
      [](const ast::ConditionValue& value) { return catalog::only_wildcards(value.text); });
}

// A value that names one account, organisation, network or resource: no wildcard where the
// identity is (an ARN's account, an organisation path's organisation, a user id's unique id), and
// a network no wider than a /8 (IPv4) or /32 (IPv6).
bool fixed_value(std::string_view key, std::string_view value) {
  if (catalog::starts_with_folded(key, "aws:sourceip") ||
      catalog::starts_with_folded(key, "aws:vpcsourceip")) {
    std::optional<ip::Range> range = ip::parse(value);
    return range && range->prefix >= (range->v6 ? 32 : 8);
  }
  if (std::optional<ast::Arn> arn = ast::split_arn(value)) {
    return !arn->account.empty() && !catalog::has_wildcard(arn->account);
  }
  std::string_view identity = value;
  if (catalog::equals_folded(key, "aws:principalorgpaths") ||
      catalog::equals_folded(key, "aws:sourceorgpaths")) {
    identity = value.substr(0, value.find('/'));
  } else if (catalog::equals_folded(key, "aws:userid")) {
    identity = value.substr(0, value.find(':'));
  }
  return !identity.empty() && !catalog::has_wildcard(identity);
}

// Which requests a statement with this condition still applies to, before looking at the key:
// true when they are a definite set named by the values (see ConditionFact::narrowing).
bool narrows_requests(const ast::Condition& condition, ast::Effect effect) {
  const operators::OperatorInfo* op = operators::find(condition.op.base);
  if (op == nullptr || op->family == operators::Family::kNull) return false;
  const bool bool_false = op->family == operators::Family::kBool && !condition.values.empty() &&
                          std::all_of(condition.values.begin(), condition.values.end(),
                                      [](const ast::ConditionValue& v) {
                                        return catalog::equals_folded(v.text, "false");
                                      });
  if (effect == ast::Effect::kDeny) {
    // The Deny leaves what fails its test. A negated test fails only for the named values (an
    // absent key satisfies it, so is denied too); `BoolIfExists ... false` fails only for a present
    // "true". A plain `Bool ... false` also fails for an absent key, which is let through.
    if (condition.op.qualifier != ast::SetQualifier::kNone) return false;
    if (op->family == operators::Family::kBool) return bool_false && condition.op.if_exists;
    return op->negated && values_narrow(condition);
  }
  if (op->negated || bool_false) return false;
  // ForAllValues holds for a request without the key; ...IfExists too, unless every request
  // carries it (every signed one: see ConditionFact::pins_caller for anonymous requests).
  if (condition.op.qualifier == ast::SetQualifier::kForAllValues) return false;
  if (condition.op.if_exists && !catalog::in_every_signed_request(condition.key.value))
    return false;
  return values_narrow(condition);
}

}  // namespace

std::string_view narrowing_name(Narrowing narrowing) {
  switch (narrowing) {
    case Narrowing::kNothing:
      return "nothing";
    case Narrowing::kCaller:
      return "caller";
    case Narrowing::kNetwork:
      return "network";
    case Narrowing::kResource:
      return "resource";
  }
  return "nothing";
}

ConditionFact classify(const ast::Condition& condition, ast::Effect effect) {
  ConditionFact fact{.condition = &condition};
  fact.holds_without_key = holds_without_key(condition);
  if (!narrows_requests(condition, effect)) return fact;
  const KeyClass key_class = classify_key(condition.key.value);
  fact.narrowing = key_class.narrowing;
  // An anonymous request carries no principal key, and one from outside a VPC no aws:SourceVpc:
  // ...IfExists lets both through, so it pins no caller of a grant to "*".
  fact.pins_caller = key_class.pins && !condition.op.if_exists &&
                     std::all_of(condition.values.begin(), condition.values.end(),
                                 [&](const ast::ConditionValue& value) {
                                   return fixed_value(condition.key.value, value.text);
                                 });
  return fact;
}

bool holds_without_key(const ast::Condition& condition) {
  return condition.op.if_exists || operators::is_negated(condition.op) ||
         condition.op.qualifier == ast::SetQualifier::kForAllValues;
}

namespace {

// catalog::service_supports, remembered per service and key: a tag test is asked of every service
// of its statement's actions, a service's answer takes a scan of its actions' keys, and policies
// test the same few tag keys.
bool supports_tag_key(catalog::Service service, catalog::ConditionKey known, std::string_view key) {
  thread_local Memo<bool> memo({.entries = 4096, .bytes = 64 << 10});
  thread_local std::string memo_key;
  memo_key.clear();
  append_numbered(memo_key, service.index(), key);
  return memo.get(memo_key, [&] { return catalog::service_supports(service, known, key); });
}

}  // namespace

std::vector<catalog::Service> untagged_services(const ast::Condition& condition,
                                                const catalog::ActionSet& actions) {
  std::vector<catalog::Service> out;
  const std::string_view key = condition.key.value;
  if (!catalog::is_tag_key(key)) return out;
  const operators::Family family = operators::family_of(condition.op);
  if (family == operators::Family::kNull || family == operators::Family::kUnknown) return out;
  const std::optional<catalog::ConditionKey> known = catalog::find_condition_key(key);
  if (!known) return out;
  // A service's actions lie together in catalogue order: after one of them, the next service is
  // found from the position past its last action, not by stepping through a set of thousands.
  for (auto it = actions.begin(); it != actions.end();) {
    const catalog::Service service = (*it).service();
    if (!supports_tag_key(service, *known, key)) out.push_back(service);
    const auto service_actions = service.actions();
    it = actions.from(service_actions[service_actions.size() - 1].index() + 1);
  }
  return out;
}

std::string describe(const ast::Condition& condition) {
  constexpr std::size_t kShown = 3;
  auto quoted = [](const ast::ConditionValue& value) {
    return value.kind == json::Kind::kString ? fmt::format("\"{}\"", value.text)
                                             : std::string(value.text);
  };
  std::string values;
  if (condition.values.size() == 1) {
    values = quoted(condition.values.front());
  } else {
    values = "[";
    for (std::size_t i = 0; i < condition.values.size() && i < kShown; ++i) {
      values += (i == 0 ? "" : ", ") + quoted(condition.values[i]);
    }
    if (condition.values.size() > kShown)
      values += fmt::format(" and {} more", condition.values.size() - kShown);
    values += "]";
  }
  return fmt::format("{} {} {}", condition.op.text.value, condition.key.value, values);
}

}  // namespace iamlint::analysis
