// Content-based identities of findings, stable when lines move: SARIF's partialFingerprints and
// the --baseline comparison use the same ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/linter.h"

namespace iamlint::report {

// The partialFingerprints key, versioned as SARIF advises. v1 hashed the path as typed and
// counted occurrences over the whole file; baselines written with it no longer match.
inline constexpr std::string_view kFingerprintKey = "iamlint/contentHash/v2";

// One fingerprint per finding of `file`, in its order, then one per suppressed finding: a hash of
// the rule, the path within the repository (FileResult::repository_path), the finding's statement
// (its Sid or content) and the text the finding covers, then ":N" telling apart findings for which
// all of these are equal. Neither the spelling of the path on the command line nor the order of
// statements changes it.
[[nodiscard]] std::vector<std::string> fingerprints(const engine::FileResult& file);

}  // namespace iamlint::report
