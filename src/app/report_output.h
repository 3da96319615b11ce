// Where a command writes its report: the --output FILE, or standard output.
//
// One place for what every command must get right about --output: a wrong path fails before
// any work, an input is never overwritten, and a report cut short (a full disk) is an error, not
// a silently truncated file.
#pragma once

#include <fstream>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "app/options.h"
#include "support/result.h"

namespace iamlint::app {

class ReportOutput {
 public:
  // Opens (and truncates) --output when it is given. Refuses an --output that is one of the
  // files the PATHs name, as the command collects them (`also`: the extra extensions it reads).
  [[nodiscard]] static Result<ReportOutput> open(const Options& options,
                                                 std::ostream& standard_output,
                                                 std::span<const std::string_view> also = {});

  [[nodiscard]] std::ostream& stream() { return file_ ? *file_ : *standard_output_; }

  // Flushes the file; an error when the report could not be written whole.
  [[nodiscard]] Result<bool> finish();

 private:
  ReportOutput(std::ostream& standard_output, std::unique_ptr<std::ofstream> file, std::string path)
      : standard_output_(&standard_output), file_(std::move(file)), path_(std::move(path)) {}

  std::ostream* standard_output_;
  std::unique_ptr<std::ofstream> file_;  // null: standard output
  std::string path_;
};

}  // namespace iamlint::app
