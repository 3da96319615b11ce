#include "catalog/action_pattern.h"

#include <memory>
#include <mutex>
#include <numeric>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "catalog/action.h"
#include "catalog/ascii.h"
#include "catalog/glob.h"
#include "catalog/service.h"
#include "support/memo.h"

namespace iamlint::catalog {
namespace {

using Matches = Result<std::vector<std::uint32_t>, PatternError>;

struct Cache {
  std::shared_mutex mutex;
  std::unordered_map<std::string, std::unique_ptr<const Matches>> entries;
};

Cache& cache() {
  static Cache instance;
  return instance;
}

// The actions of `service` whose names start with `prefix`, ignoring case: one run of them, as a
// service's rows are sorted by lower-case name (tables.h). A pattern's literal start (`Describe`
// of `Describe*`) thus skips most of the service before any wildcard matching.
template <class Visit>
void for_each_starting_with(Service service, std::string_view prefix, Visit&& visit) {
  const auto actions = service.actions();
  std::size_t first = 0;  // binary search for the first name not before `prefix`
  for (std::size_t end = actions.size(); first < end;) {
    const std::size_t middle = first + (end - first) / 2;
    if (compare_folded(actions[middle].name(), prefix) < 0) {
      first = middle + 1;
    } else {
      end = middle;
    }
  }
  for (std::size_t i = first; i < actions.size(); ++i) {
    if (!starts_with_folded(actions[i].name(), prefix)) break;
    visit(actions[i]);
  }
}

}  // namespace

std::string_view describe(PatternError error) {
  switch (error) {
    case PatternError::kEmpty:
      return "the action is empty";
    case PatternError::kMissingColon:
      return "an action needs the form service:ActionName";
    case PatternError::kEmptyService:
      return "the service prefix is empty";
    case PatternError::kEmptyName:
      return "the action name is empty";
    case PatternError::kWildcardInService:
      return "the service prefix may not contain wildcards";
    case PatternError::kUnknownService:
      return "the service prefix is not in the catalogue";
  }
  return "invalid action";
}

Result<ActionPattern, PatternError> parse_action_pattern(std::string_view text) {
  if (text.empty()) return Unexpected{PatternError::kEmpty};
  if (text == "*") return ActionPattern{true, {}, {}};
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return Unexpected{PatternError::kMissingColon};
  const std::string_view service = text.substr(0, colon);
  const std::string_view name = text.substr(colon + 1);
  if (service.empty()) return Unexpected{PatternError::kEmptyService};
  if (has_wildcard(service)) return Unexpected{PatternError::kWildcardInService};
  if (name.empty()) return Unexpected{PatternError::kEmptyName};
  return ActionPattern{false, service, name};
}

Matches match_actions(std::string_view text) {
  const auto pattern = parse_action_pattern(text);
  if (!pattern) return Unexpected{pattern.error()};
  std::vector<std::uint32_t> out;
  if (pattern->all) {
    out.resize(action_count());
    std::iota(out.begin(), out.end(), 0u);
    return out;
  }
  const auto service = find_service(pattern->service);
  if (!service) return Unexpected{PatternError::kUnknownService};
  if (!has_wildcard(pattern->name)) {
    if (const auto action = service->find_action(pattern->name)) out.push_back(action->index());
    return out;
  }
  const std::string_view literal_start = pattern->name.substr(0, pattern->name.find_first_of("*?"));
  for_each_starting_with(*service, literal_start, [&](Action action) {
    if (glob_match_folded(pattern->name, action.name())) out.push_back(action.index());
  });
  return out;
}

namespace {

// The shared cache's entry for `text`, computed and added if there is none.
const Matches* shared_matches(std::string_view text) {
  std::string key = to_folded(text);
  Cache& c = cache();
  {
    std::shared_lock lock(c.mutex);
    if (auto it = c.entries.find(key); it != c.entries.end()) return it->second.get();
  }
  // Computed outside the lock; if another thread got there first, its entry wins.
  auto computed = std::make_unique<const Matches>(match_actions(text));
  std::unique_lock lock(c.mutex);
  return c.entries.try_emplace(std::move(key), std::move(computed)).first->second.get();
}

}  // namespace

Result<std::span<const std::uint32_t>, PatternError> expand_action_pattern(std::string_view text) {
  // In front of the shared cache, one per thread and keyed by the text as written: a policy names
  // the same entries to every rule, and this lookup needs neither case folding nor the lock. A
  // memo (a fast hash into flat storage, bounded) rather than a node per entry: every Action
  // entry of every statement comes here, 761,469 of them in the every-version corpus.
  thread_local Memo<const Matches*> front({.entries = 1 << 15, .bytes = 2 << 20});
  const Matches& matches = *front.get(text, [&] { return shared_matches(text); });
  if (!matches) return Unexpected{matches.error()};
  return std::span<const std::uint32_t>(matches.value());
}

}  // namespace iamlint::catalog
