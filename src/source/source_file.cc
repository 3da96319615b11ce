#include "source/source_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/core.h>

namespace iamlint::source {
namespace {

constexpr std::size_t kMinReadBytes = 1 << 16;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads until the end or just past the limit, whichever comes first, so that an oversized input
// (or one that never ends, such as /dev/zero) costs neither memory nor time. `size_hint` (the size
// of a regular file) lets a whole file arrive in one read, straight into the text.
Result<SourceFile> read_stream(std::FILE* stream, const std::string& path, SizeLimit limit,
                               std::size_t size_hint) {
  SourceFile file{.path = path, .limit = limit.max_bytes};
  const std::size_t most = std::max(limit.max_bytes, limit.extended_bytes);
  // One byte more than expected, to see the end (or growth) of the file in the same read.
  std::size_t chunk = std::min(size_hint > 0 ? size_hint + 1 : kMinReadBytes, most + 1);
  while (true) {
    const std::size_t old_size = file.text.size();
    file.text.resize(old_size + chunk);
    const std::size_t n = std::fread(file.text.data() + old_size, 1, chunk, stream);
    file.text.resize(old_size + n);
    if (file.text.size() > file.limit && file.limit < most && limit.extends &&
        limit.extends(file.text)) {
      file.limit = limit.extended_bytes;
    }
    if (file.text.size() > file.limit) {
      file.too_large = true;
      file.text.clear();
      file.text.shrink_to_fit();
      break;
    }
    if (n < chunk) break;
    chunk = kMinReadBytes;
  }
  if (std::ferror(stream)) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  return file;
}

}  // namespace

Result<SourceFile> load_file(const std::string& path, SizeLimit limit) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(path.c_str(), "rb"));
  if (!stream) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  struct stat status {};
  const bool regular = fstat(fileno(stream.get()), &status) == 0 && S_ISREG(status.st_mode);
  return read_stream(stream.get(), path, limit,
                     regular ? static_cast<std::size_t>(status.st_size) : 0);
}

Result<SourceFile> load_stdin(const std::string& display_path, SizeLimit limit) {
  return read_stream(stdin, display_path, limit, 0);
}

}  // namespace iamlint::source
