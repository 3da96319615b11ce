#include "analysis/resource_scope.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/glob.h"
#include "catalog/resource_type.h"
#include "support/memo.h"

namespace iamlint::analysis {
namespace {

using catalog::LetterCase;

bool all_stars(std::string_view text) {
  return !text.empty() && text.find_first_not_of('*') == std::string_view::npos;
}

// A policy variable (`${aws:username}`) stands for a value only known at request time: any text.
std::string variables_as_stars(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t close = pattern.substr(i).starts_with("${") ? pattern.find('}', i) : i;
    if (close != i && close != std::string_view::npos) {
      out += '*';
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

struct Fields {
  std::string_view partition, service, region, account, resource;
};

std::optional<Fields> fields_of(std::string_view text) {
  std::optional<ast::Arn> arn = ast::split_arn(text);
  if (!arn) return std::nullopt;
  return Fields{arn->partition, arn->service, arn->region, arn->account, arn->resource};
}

// Compares two ARN patterns field by field with `compare(outer_field, inner_field, case)`, or as
// whole texts when either is not shaped like an ARN.
template <class Compare>
bool compare_arns(std::string_view a, std::string_view b, Compare compare) {
  std::optional<Fields> fa = fields_of(a);
  std::optional<Fields> fb = fields_of(b);
  if (!fa || !fb) return compare(a, b, LetterCase::kSensitive);
  return compare(fa->partition, fb->partition, LetterCase::kInsensitive) &&
         compare(fa->service, fb->service, LetterCase::kInsensitive) &&
         compare(fa->region, fb->region, LetterCase::kSensitive) &&
         compare(fa->account, fb->account, LetterCase::kSensitive) &&
         compare(fa->resource, fb->resource, LetterCase::kSensitive);
}

// "Every resource", as an ARN pattern, so that an outer `arn:*:*:*:*:*` is seen to cover it.
constexpr std::string_view kEveryArn = "arn:*:*:*:*:*";

}  // namespace

bool resource_contains(std::string_view outer, std::string_view inner) {
  if (outer == inner || all_stars(outer)) return true;
  // A variable in the outer pattern names one value per request: it covers only itself.
  if (outer.find("${") != std::string_view::npos) return false;
  const std::string inner_pattern =
      all_stars(inner) ? std::string(kEveryArn) : variables_as_stars(inner);
  return compare_arns(outer, inner_pattern,
                      [](std::string_view o, std::string_view i, LetterCase letter_case) {
                        return catalog::glob_contains(o, i, letter_case);
                      });
}

bool resources_intersect(std::string_view a, std::string_view b) {
  if (all_stars(a) || all_stars(b)) return true;
  return compare_arns(variables_as_stars(a), variables_as_stars(b),
                      [](std::string_view x, std::string_view y, LetterCase) {
                        // In doubt about case, assume they may meet.
                        return catalog::glob_intersects(x, y, LetterCase::kInsensitive);
                      });
}

namespace {

// What "every resource" of one ARN format is: its service and resource parts with the
// placeholders (`${BucketName}`) read as `*`, and whether it has a Region and an account.
struct EveryResource {
  std::string service;
  std::string resource;
  bool has_region = false;
  bool has_account = false;
};

// The EveryResource of each of `type`'s formats, worked out once per type (and thread): the
// formats are fixed, the patterns compared with them are not.
const std::vector<EveryResource>& every_resource_of(catalog::ResourceType type) {
  thread_local std::vector<std::optional<std::vector<EveryResource>>> by_type(
      catalog::counts().resource_types);
  std::optional<std::vector<EveryResource>>& slot = by_type[type.index()];
  if (!slot) {
    slot.emplace();
    for (catalog::ArnFormat format : type.arn_formats()) {
      std::optional<Fields> every = fields_of(format.text());
      if (!every) continue;
      slot->push_back({.service = variables_as_stars(every->service),
                       .resource = variables_as_stars(every->resource),
                       .has_region = !every->region.empty(),
                       .has_account = !every->account.empty()});
    }
  }
  return *slot;
}

// Whether the pattern's `fields` name every resource of `type`.
bool names_every_resource_of(const Fields& fields, catalog::ResourceType type) {
  for (const EveryResource& every : every_resource_of(type)) {
    // The pattern's Region and account need not match the format's, but an empty one names
    // no resource of a type that has them (`arn:aws:s3:::*/*` names no access point).
    if ((fields.region.empty() && every.has_region) ||
        (fields.account.empty() && every.has_account))
      continue;
    if (catalog::glob_contains(fields.service, every.service, LetterCase::kInsensitive) &&
        catalog::glob_contains(fields.resource, every.resource, LetterCase::kSensitive)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool names_every_resource(std::string_view pattern, catalog::Action action) {
  if (all_stars(pattern)) return true;
  std::optional<Fields> fields = fields_of(pattern);
  if (!fields) return false;
  for (catalog::ActionResource accepted : action.resource_types()) {
    if (names_every_resource_of(*fields, accepted.type())) return true;
  }
  return false;
}

namespace {

catalog::ActionSet reaching_every_resource_uncached(std::string_view pattern,
                                                    const catalog::ActionSet& actions) {
  catalog::ActionSet out;
  std::optional<Fields> fields = fields_of(pattern);
  if (!fields) return out;
  // The set runs service by service, and the actions of a service share its resource types (S3's
  // object type serves dozens of actions): each service and each type is compared once.
  std::optional<catalog::Service> service;
  bool service_named = false;
  enum class Named : std::int8_t { kUnknown, kNo, kYes };
  std::vector<Named> type_named;
  for (catalog::Action action : actions) {
    if (action.service() != service) {
      service = action.service();
      service_named =
          catalog::glob_contains(fields->service, service->prefix(), LetterCase::kInsensitive);
    }
    // Most actions fall at the service field; only the others pay for the ARN formats.
    if (!service_named) continue;
    if (type_named.empty()) type_named.resize(catalog::counts().resource_types, Named::kUnknown);
    for (catalog::ActionResource accepted : action.resource_types()) {
      Named& named = type_named[accepted.type().index()];
      if (named == Named::kUnknown)
        named = names_every_resource_of(*fields, accepted.type()) ? Named::kYes : Named::kNo;
      if (named == Named::kYes) {
        out.insert(action);
        break;
      }
    }
  }
  return out;
}

}  // namespace

catalog::ActionSet reaching_every_resource(std::string_view pattern,
                                           const catalog::ActionSet& actions) {
  if (all_stars(pattern)) return actions;
  // IAM203 asks this of every Resource entry of every grant, and policies repeat their statements
  // (the same entry with the same actions): the answer is remembered per pattern and set.
  thread_local Memo<catalog::ActionSet> memo({.entries = 1024, .bytes = 128 << 10});
  thread_local std::string key;
  key.clear();
  append_numbered(key, static_cast<std::uint32_t>(pattern.size()), pattern);
  actions.append_key(key);
  return memo.get(key, [&] { return reaching_every_resource_uncached(pattern, actions); });
}

bool can_name_resource_of(std::string_view pattern, catalog::Action action) {
  if (all_stars(pattern)) return true;
  for (catalog::ActionResource accepted : action.resource_types()) {
    if (accepted.type().can_match(pattern)) return true;
  }
  return false;
}

ResourceScope::ResourceScope(const ast::Statement& statement) {
  if (statement.resource) {
    entries_ = statement.resource->entries;
    const bool every = std::any_of(entries_.begin(), entries_.end(),
                                   [](const ast::Resource& r) { return all_stars(r.text.value); });
    form_ = every ? Form::kAny : Form::kListed;
    named_at_deployment_ = !every && statement.resource->unknown;
  } else if (statement.not_resource) {
    entries_ = statement.not_resource->entries;
    form_ = Form::kAllBut;
  }
}

bool ResourceScope::matches(std::string_view arn) const {
  auto names = [&](const ast::Resource& entry) {
    return arn == "*" ? all_stars(entry.text.value) : resource_contains(entry.text.value, arn);
  };
  switch (form_) {
    case Form::kAny:
      return true;
    case Form::kListed:
      return std::any_of(entries_.begin(), entries_.end(), names);
    case Form::kAllBut:
      return std::none_of(entries_.begin(), entries_.end(), names);
  }
  return false;
}

bool ResourceScope::covers(std::string_view pattern) const {
  switch (form_) {
    case Form::kAny:
      return true;
    case Form::kListed:
      return std::any_of(entries_.begin(), entries_.end(), [&](const ast::Resource& entry) {
        return resource_contains(entry.text.value, pattern);
      });
    case Form::kAllBut:
      return std::none_of(entries_.begin(), entries_.end(), [&](const ast::Resource& entry) {
        return resources_intersect(entry.text.value, pattern);
      });
  }
  return false;
}

bool ResourceScope::covers(const ResourceScope& other) const {
  if (form_ == Form::kAny) return true;
  switch (other.form_) {
    case Form::kAny:
      return covers("*");
    case Form::kListed:
      return std::all_of(other.entries_.begin(), other.entries_.end(),
                         [&](const ast::Resource& entry) { return covers(entry.text.value); });
    case Form::kAllBut:
      if (form_ == Form::kListed) return covers("*");
      // All but X covers all but Z when each of X is inside Z.
      return std::all_of(entries_.begin(), entries_.end(), [&](const ast::Resource& mine) {
        return std::any_of(other.entries_.begin(), other.entries_.end(),
                           [&](const ast::Resource& theirs) {
                             return resource_contains(theirs.text.value, mine.text.value);
                           });
      });
  }
  return false;
}

bool ResourceScope::overlaps(const ResourceScope& other) const {
  if (form_ == Form::kAny || other.form_ == Form::kAny) return true;
  if (form_ == Form::kAllBut && other.form_ == Form::kAllBut) return true;
  if (form_ == Form::kAllBut || other.form_ == Form::kAllBut) {
    const ResourceScope& all_but = form_ == Form::kAllBut ? *this : other;
    const ResourceScope& listed = form_ == Form::kAllBut ? other : *this;
    return std::any_of(
        listed.entries_.begin(), listed.entries_.end(), [&](const ast::Resource& entry) {
          return std::none_of(all_but.entries_.begin(), all_but.entries_.end(),
                              [&](const ast::Resource& excluded) {
                                return resource_contains(excluded.text.value, entry.text.value);
                              });
        });
  }
  return std::any_of(entries_.begin(), entries_.end(), [&](const ast::Resource& mine) {
    return std::any_of(other.entries_.begin(), other.entries_.end(),
                       [&](const ast::Resource& theirs) {
                         return resources_intersect(mine.text.value, theirs.text.value);
                       });
  });
}

}  // namespace iamlint::analysis
