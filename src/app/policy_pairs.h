// The policies `iamlint check no-new-access` and `iamlint diff` compare: each newer file with its
// base version, from a base file or directory (matched by relative path) or from a git revision.
// Both versions are read through the input stage, and within a file each policy of the newer
// version is paired with the policy at the same logical location of the older one (e.g.
// "Resources.BuildRole.Properties.Policies[0].PolicyDocument"; a bare policy file is one policy).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/loaded_policy.h"
#include "app/options.h"
#include "support/result.h"

namespace iamlint::app {

struct PolicyPair {
  std::unique_ptr<LoadedPolicy> older;  // a policy without statements when `added`
  std::unique_ptr<LoadedPolicy> newer;
  bool added = false;  // the base version has no policy there: everything it grants is new
};

// A newer file and its policies, each with its base version.
struct PairedFile {
  LoadedFile newer;
  std::string older_path;         // empty when the file has no base version
  std::vector<PolicyPair> pairs;  // in the newer file's document order
  // The policies of the base version that the newer one no longer has (they grant nothing now).
  std::vector<std::unique_ptr<LoadedPolicy>> removed;
};

struct PairedPolicies {
  std::vector<PairedFile> files;     // in the order of the newer files' paths
  std::vector<std::string> removed;  // base files with no newer version (they grant nothing now)
  std::vector<Error> errors;         // unreadable or unparsable files, a bad revision
};

// For each newer policy of a file, the index of its older version, if it has one: the policy with
// the same logical location and container. A policy whose location moved only because an index
// before it shifted (a resource inserted above it in a Terraform plan's resource_changes, a
// principal in an account export) is then paired with the unpaired policy of the same container
// whose location differs only in its indexes, in document order.
[[nodiscard]] std::vector<std::optional<std::size_t>> match_policies(
    std::span<const std::unique_ptr<LoadedPolicy>> newer,
    std::span<const std::unique_ptr<LoadedPolicy>> older);

// `base` and the single entry of `paths` are both files, or both directories whose policy files
// (app/inputs.h) are matched by their paths relative to each directory.
[[nodiscard]] PairedPolicies pair_with_base(const std::string& base,
                                            const std::vector<std::string>& paths,
                                            const Options& options);

// Each file (or policy file under each directory) of `paths` with its version at git revision
// `revision` of the repository that holds it.
[[nodiscard]] PairedPolicies pair_with_revision(const std::string& revision,
                                                const std::vector<std::string>& paths,
                                                const Options& options);

// What check and diff read: --input-format, --include-aws-managed and --skip-non-policy, and for
// bare policy files --policy-type and --resource-type.
[[nodiscard]] input::ReadOptions read_options(const Options& options);
[[nodiscard]] PolicyDefaults policy_defaults(const Options& options);

}  // namespace iamlint::app
