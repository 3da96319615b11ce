// Content-based identities of findings, stable when lines move: SARIF's partialFingerprints and
// the --baseline comparison use the same ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/linter.h"

namespace iamlint::report {

// The partialFingerprints key, versioned as SARIF advises.
inline constexpr std::string_view kFingerprintKey = "iamlint/contentHash/v1";

// One fingerprint per finding of `file`, in its order: a hash of the rule, the path and the text
// the finding covers, then ":N" telling identical findings of one file apart by their order.
[[nodiscard]] std::vector<std::string> fingerprints(const engine::FileResult& file);

}  // namespace iamlint::report
