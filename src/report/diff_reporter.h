// --diff: the fixes of each file as a unified diff, in input order, instead of the findings.
#pragma once

#include <ostream>

#include "report/reporter.h"

namespace iamlint::report {

class DiffReporter final : public Reporter {
 public:
  explicit DiffReporter(std::ostream& out) : out_(out) {}

  void write(const engine::FileResult& result, const FilePart& /*part*/) override {
    out_ << result.diff;
  }

 private:
  std::ostream& out_;
};

}  // namespace iamlint::report
