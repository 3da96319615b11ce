// The SCPs linted together: with --policy-type scp and several files, the rules that judge an SCP
// as part of its set (an action is permitted only if some Allow of the set covers it and no Deny
// of the set removes it) see the set's model through RuleContext::scp_set().
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "analysis/permission_model.h"

namespace iamlint::engine {

struct ScpSet {
  const analysis::PermissionModel* model = nullptr;  // over every SCP of the set, by origin
  std::span<const std::string> paths;                // each file's path, by origin
  std::span<const std::string_view> texts;           // each file's text, by origin
};

// One file's place in its set.
struct ScpSetMember {
  const ScpSet* set = nullptr;
  std::size_t origin = 0;  // this file's origin in the set's model
};

}  // namespace iamlint::engine
