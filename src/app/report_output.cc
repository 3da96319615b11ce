#include "app/report_output.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/core.h>

#include "app/inputs.h"

namespace iamlint::app {
namespace {

bool names_an_input(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const std::string& file : inputs) {
    if (file != "-" && std::filesystem::equivalent(output, file, ec)) return true;
  }
  return false;
}

Unexpected<Error> cannot_write(const std::string& path) {
  return make_error(ErrorCode::kIo,
                    fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
}

}  // namespace

Result<ReportOutput> ReportOutput::open(const Options& options, std::ostream& standard_output,
                                        std::span<const std::string_view> also) {
  if (!options.output) return ReportOutput(standard_output, nullptr, {});
  const std::string& path = *options.output;
  // Checked before opening: opening truncates.
  if (names_an_input(path, collect_inputs(options.paths, also).files)) {
    return make_error(
        ErrorCode::kUsage,
        fmt::format("--output '{}' is one of the inputs; it would be overwritten", path));
  }
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!file->is_open()) return cannot_write(path);
  return ReportOutput(standard_output, std::move(file), path);
}

Result<bool> ReportOutput::finish() {
  if (file_ && !file_->flush()) return cannot_write(path_);
  return true;
}

}  // namespace iamlint::app
