// A loaded input: the bytes of one file (or of standard input) and the path to show for it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "support/result.h"

namespace iamlint::source {

// Policies are at most a few tens of kilobytes and a CloudFormation template at most 1 MB, so 4 MiB
// leaves room while bounding memory when a pull request adds something else under a .json name:
// the tree of a 4 MiB file of small values stays under 200 MB.
inline constexpr std::size_t kMaxFileBytes = 4u << 20;

// How large an input may be: `max_bytes`, or `extended_bytes` for one whose first `max_bytes`
// bytes `extends` accepts (an account's authorization details, which run to tens of megabytes).
struct SizeLimit {
  std::size_t max_bytes = kMaxFileBytes;
  std::size_t extended_bytes = 0;
  bool (*extends)(std::string_view head) = nullptr;
};

struct SourceFile {
  std::string path;        // as given on the command line (or the --stdin-filename)
  std::string text;        // the bytes; empty when too_large
  bool too_large = false;  // more than the size limit; reading stopped there
  std::size_t limit = 0;   // the size limit that applied, for messages
};

// Reads a whole file within `limit`. Fails (kIo) when it cannot be opened or read.
[[nodiscard]] Result<SourceFile> load_file(const std::string& path, SizeLimit limit = {});

// Reads standard input to its end, within `limit`; `display_path` names it in findings.
[[nodiscard]] Result<SourceFile> load_stdin(const std::string& display_path, SizeLimit limit = {});

}  // namespace iamlint::source
