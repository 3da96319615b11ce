// The IpAddress/NotIpAddress ranges of analysis/ip_range.h, under the name the condition family's
// rules use.
#pragma once

#include "analysis/ip_range.h"

namespace iamlint::rules {
namespace ip = analysis::ip;
}  // namespace iamlint::rules
