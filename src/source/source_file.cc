#include "source/source_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/core.h>

namespace iamlint::source {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads until the end or just past max_bytes, whichever comes first, so that an oversized input
// (or one that never ends, such as /dev/zero) costs neither memory nor time.
Result<SourceFile> read_stream(std::FILE* stream, const std::string& path, std::size_t max_bytes) {
  SourceFile file{.path = path};
  char buffer[1 << 16];
  while (true) {
    std::size_t n = std::fread(buffer, 1, sizeof buffer, stream);
    file.text.append(buffer, n);
    if (file.text.size() > max_bytes) {
      file.too_large = true;
      file.text.clear();
      file.text.shrink_to_fit();
      break;
    }
    if (n < sizeof buffer) break;
  }
  if (std::ferror(stream)) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  return file;
}

}  // namespace

Result<SourceFile> load_file(const std::string& path, std::size_t max_bytes) {
  std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(path.c_str(), "rb"));
  if (!stream) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  return read_stream(stream.get(), path, max_bytes);
}

Result<SourceFile> load_stdin(const std::string& display_path) {
  return read_stream(stdin, display_path, kMaxFileBytes);
}

}  // namespace iamlint::source
