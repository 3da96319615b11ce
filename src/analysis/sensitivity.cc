#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "analysis/risk_lists.h"

namespace iamlint::analysis {
namespace {

// Most direct first: a policy opens a resource more surely than a grant does.
constexpr std::array<std::string_view, 5> kOpeningWords = {"Policy", "Acl", "Permission", "Share",
                                                           "Grant"};

// Ranks with room between them: an opening action's rank adds its word's position.
enum Rank : int {
  kEscalation = 0,
  kCredentials = 10,
  kExfiltration = 20,
  kOpening = 30,
  kPermissionsManagement = 40,
  kWrite = 50,
  kTagging = 60,
  kRead = 70,
  kList = 80,
};

// The position of the first opening word in the action's name, or kOpeningWords.size().
int opening_word(catalog::Action action) {
  const auto* word = std::find_if(kOpeningWords.begin(), kOpeningWords.end(), [&](auto w) {
    return action.name().find(w) != std::string_view::npos;
  });
  return static_cast<int>(word - kOpeningWords.begin());
}

// The listed actions' ranks, by catalogue position; built on first use.
const std::unordered_map<std::uint32_t, int>& listed_ranks() {
  static const std::unordered_map<std::uint32_t, int> kRanks = [] {
    std::unordered_map<std::uint32_t, int> ranks;
    auto note = [&](std::string_view name, int rank) {
      std::optional<catalog::Action> action = catalog::find_action(name);
      if (!action) return;
      auto [it, inserted] = ranks.emplace(action->index(), rank);
      if (!inserted) it->second = std::min(it->second, rank);
    };
    // The step that decides a method (which role is passed, whose key is created); the other
    // steps of a combination are ordinary actions on their own.
    for (const EscalationMethod& method : escalation_methods()) {
      for (const MethodStep& step : method.steps) {
        if (step.every_resource) note(step.action, kEscalation);
      }
    }
    for (const SensitiveAction& entry : sensitive_actions()) {
      note(entry.action,
           entry.category == SensitiveCategory::kCredentials ? kCredentials : kExfiltration);
    }
    return ranks;
  }();
  return kRanks;
}

}  // namespace

bool opens_resources(catalog::Action action) {
  return opening_word(action) < static_cast<int>(kOpeningWords.size());
}

namespace {

int rank_uncached(catalog::Action action) {
  const auto& listed = listed_ranks();
  if (auto it = listed.find(action.index()); it != listed.end()) return it->second;
  switch (action.access_level()) {
    case catalog::AccessLevel::kPermissionsManagement:
      if (!opens_resources(action)) return kPermissionsManagement;
      // Deleting a policy or a grant usually takes access away: after the ones that add it.
      return kOpening + opening_word(action) +
             (action.name().starts_with("Delete") || action.name().starts_with("Remove") ? 5 : 0);
    case catalog::AccessLevel::kWrite:
      return kWrite;
    case catalog::AccessLevel::kTagging:
      return kTagging;
    case catalog::AccessLevel::kRead:
      return kRead;
    case catalog::AccessLevel::kList:
      return kList;
  }
  return kList;
}

}  // namespace

int sensitivity_rank(catalog::Action action) {
  // Messages rank every action of a grant, and grants run to thousands of actions: each action's
  // rank is computed once, on first use, and kept plus one, so that the zeroed slots of actions
  // never ranked cost one memset rather than a pass over the catalogue. Threads that race write
  // the same value.
  static std::vector<std::atomic<std::int8_t>> ranks_plus_one(catalog::action_count());
  std::atomic<std::int8_t>& slot = ranks_plus_one[action.index()];
  int rank = slot.load(std::memory_order_relaxed) - 1;
  if (rank < 0) {
    rank = rank_uncached(action);
    slot.store(static_cast<std::int8_t>(rank + 1), std::memory_order_relaxed);
  }
  return rank;
}

}  // namespace iamlint::analysis
