// The OIDC audience claim keys ("<provider host>:aud"), shared by the two rules on set
// operators over them.
#pragma once

#include <string_view>

#include "catalog/ascii.h"

namespace iamlint::rules::trust {

// "accounts.google.com:aud", "token.actions.githubusercontent.com:aud", ...: a provider host
// (it has a dot; AWS service prefixes have none) and the claim "aud".
[[nodiscard]] inline bool is_audience_key(std::string_view key) {
  constexpr std::string_view kClaim = ":aud";
  if (key.size() <= kClaim.size() ||
      !catalog::equals_folded(key.substr(key.size() - kClaim.size()), kClaim)) {
    return false;
  }
  return key.substr(0, key.size() - kClaim.size()).find('.') != std::string_view::npos;
}

}  // namespace iamlint::rules::trust
