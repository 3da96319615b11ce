// How every output format is written: as a stream, so that a report of any size costs the memory
// of one file's findings.
//
//   begin()        once, before the first file (a document's opening, for instance);
//   file(result)   once per linted file, in input order, as soon as it and every earlier file are
//                  done, from one thread at a time;
//   end(errors)    once, after the last file, with the inputs that could not be read.
//
// A reporter writes to the stream it was made with and keeps across files only what its end
// needs (SARIF's rule list and notifications), never the findings themselves. Per-file data for
// an output (say, suppressions or logical locations) belongs in engine::FileResult, where every
// reporter can read it.
#pragma once

#include <span>
#include <string>

#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::report {

class Reporter {
 public:
  virtual ~Reporter() = default;

  virtual void begin() {}
  virtual void file(const engine::FileResult& result) = 0;
  // Notes on the run as a whole, once before end(): the controls `iamlint audit` could not check.
  // The text formats leave them to the summary on standard error; SARIF keeps them as
  // notifications.
  virtual void notes(std::span<const std::string> /*notes*/) {}
  virtual void end(std::span<const Error> /*unreadable*/) {}
};

}  // namespace iamlint::report
