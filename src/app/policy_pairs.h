// The policies `iamlint check no-new-access` and `iamlint diff` compare: each newer file with its
// base version, from a base file or directory (matched by relative path) or from a git revision.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/loaded_policy.h"
#include "app/options.h"
#include "support/result.h"

namespace iamlint::app {

struct PolicyPair {
  std::unique_ptr<LoadedPolicy> older;  // a policy without statements when `added`
  std::unique_ptr<LoadedPolicy> newer;
  bool added = false;  // the file has no base version: everything it grants is new
};

struct PairedPolicies {
  std::vector<PolicyPair> pairs;     // in the order of the newer files' paths
  std::vector<std::string> removed;  // base files with no newer version (they grant nothing now)
  std::vector<Error> errors;         // unreadable or unparsable files, a bad revision
};

// `base` and the single entry of `paths` are both files, or both directories whose *.json files
// are matched by their paths relative to each directory.
[[nodiscard]] PairedPolicies pair_with_base(const std::string& base,
                                            const std::vector<std::string>& paths,
                                            const Options& options);

// Each file (or *.json under each directory) of `paths` with its version at git revision
// `revision` of the repository that holds it.
[[nodiscard]] PairedPolicies pair_with_revision(const std::string& revision,
                                                const std::vector<std::string>& paths,
                                                const Options& options);

}  // namespace iamlint::app
