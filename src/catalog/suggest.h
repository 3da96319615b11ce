// "Did you mean" for unknown services, actions and condition keys. Deterministic: candidates
// are ranked by edit distance (case-insensitive, adjacent transpositions count once), then by
// catalogue order; names that merely contain one another rank after close edits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iamlint::catalog {

inline constexpr std::size_t kDefaultSuggestions = 3;

[[nodiscard]] std::vector<std::string> suggest_services(std::string_view prefix,
                                                        std::size_t limit = kDefaultSuggestions);

// For `service:Name`. An API operation written instead of its permission (`s3:HeadObject`) yields
// the permission (`s3:GetObject`); an unknown service yields the same name under close services.
[[nodiscard]] std::vector<std::string> suggest_actions(std::string_view qualified_name,
                                                       std::size_t limit = kDefaultSuggestions);

// Also proposes the global key when a service prefix was put on one (`s3:SourceIp` ->
// `aws:SourceIp`).
[[nodiscard]] std::vector<std::string> suggest_condition_keys(
    std::string_view key, std::size_t limit = kDefaultSuggestions);

// The names of `candidates` closest to `wanted` (a Region, a partition, ...), ranked like the
// others; only names within is_close_spelling's distance, not names that merely contain each other.
[[nodiscard]] std::vector<std::string> suggest_from(std::string_view wanted,
                                                    const std::vector<std::string_view>& candidates,
                                                    std::size_t limit = kDefaultSuggestions);

// Whether `candidate` is within the edit distance that the suggest_* functions count as a typo of
// `wanted` (1 to 3 edits by length, case-insensitive), as opposed to merely containing it or being
// contained in it.
[[nodiscard]] bool is_close_spelling(std::string_view wanted, std::string_view candidate);

// Whether `candidate` is so close to `wanted` that `wanted` is most likely a typo of it: one edit
// for names of up to four characters, two for longer ones (case-insensitive; a swap of adjacent
// characters is one edit). Stricter than the suggest_* ranking, which also proposes names three
// edits away: AWS names new actions after existing ones (GetPaymentPreferences next to
// ListPaymentPreferences), and rules use this to tell a typo from a name a catalogue snapshot
// lacks.
[[nodiscard]] bool is_likely_typo(std::string_view wanted, std::string_view candidate);

// The permissions that authorise an API operation commonly mistaken for an action, from
// data/api_permission_names.tsv; empty if `operation` is not listed. Case-insensitive.
[[nodiscard]] std::vector<std::string_view> permissions_for_operation(std::string_view operation);

}  // namespace iamlint::catalog
