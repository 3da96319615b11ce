// GitHub Actions workflow commands, one per finding, which GitHub shows as annotations on the
// pull request's diff:
//
//   ::warning file=p.json,line=4,col=17,endLine=4,endColumn=20,title=IAM201 wildcard-action::Action
//   "*" ...
//
// Levels map to error / warning / notice; columns count characters, as in the text format.
#pragma once

#include <ostream>

#include "report/reporter.h"

namespace iamlint::report {

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  [[nodiscard]] FilePart render(const engine::FileResult& result) const override;
  void write(const engine::FileResult& /*result*/, const FilePart& part) override {
    write_text(part, out_);
  }

 private:
  std::ostream& out_;
};

}  // namespace iamlint::report
