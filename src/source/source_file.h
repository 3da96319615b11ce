// A loaded input: the bytes of one file (or of standard input) and the path to show for it.
#pragma once

#include <cstddef>
#include <string>

#include "support/result.h"

namespace iamlint::source {

// Policies are at most a few tens of kilobytes and a CloudFormation template at most 1 MB, so 4 MiB
// leaves room while bounding memory when a pull request adds something else under a .json name:
// the tree of a 4 MiB file of small values stays under 200 MB.
inline constexpr std::size_t kMaxFileBytes = 4u << 20;

struct SourceFile {
  std::string path;        // as given on the command line (or the --stdin-filename)
  std::string text;        // the bytes; empty when too_large
  bool too_large = false;  // more than the size limit; reading stopped there
};

// Reads a whole file of at most `max_bytes`. Fails (kIo) when it cannot be opened or read.
[[nodiscard]] Result<SourceFile> load_file(const std::string& path,
                                           std::size_t max_bytes = kMaxFileBytes);

// Reads standard input to its end; `display_path` names it in findings.
[[nodiscard]] Result<SourceFile> load_stdin(const std::string& display_path);

}  // namespace iamlint::source
