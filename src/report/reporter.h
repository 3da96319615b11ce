// How every output format is written: as a stream, so that a report of any size costs the memory
// of a few files' findings.
//
//   begin()               once, before the first file (a document's opening, for instance);
//   render(result)        once per linted file, on any linting thread, several at once: the file's
//                         part of the report, made while earlier files are still being linted;
//   write(result, part)   once per linted file, in input order, as soon as it and every earlier
//                         file are done, from one thread at a time;
//   end(errors)           once, after the last file, with the inputs that could not be read.
//
// render() does the work of formatting, in parallel, and reads nothing that write() changes;
// write() only puts parts in the output and keeps what concerns the whole run. A reporter keeps
// across files only what its end needs (SARIF's rule list and notifications), never the findings
// themselves. Per-file data for an output (say, suppressions or logical locations) belongs in
// engine::FileResult, where every reporter can read it.
#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "support/result.h"

namespace iamlint::report {

// Where a file's part needs the number the run gives a rule, which only write() knows: SARIF
// numbers rules in order of first use over the whole run.
struct RuleNumberAt {
  std::size_t offset;  // in FilePart::text, its pieces one after another
  const engine::RuleInfo* rule;
};

// One file's part of a report, as render() made it.
struct FilePart {
  // The text in pieces, as written: a long part is never held in one buffer (see JsonWriter).
  std::vector<std::string> text;
  // In the JSON formats, the elements of the report's array that `text` holds (see
  // JsonWriter::ArrayAt).
  std::size_t elements = 0;
  std::vector<RuleNumberAt> rule_numbers;  // in order of offset

  // The memory its text holds, for the budget of parts waiting to be written.
  [[nodiscard]] std::size_t text_bytes() const {
    std::size_t bytes = 0;
    for (const std::string& piece : text) bytes += piece.capacity();
    return bytes;
  }
};

// A part's text as it is, for the formats that put nothing in it.
inline void write_text(const FilePart& part, std::ostream& out) {
  for (const std::string& piece : part.text) out << piece;
}

class Reporter {
 public:
  virtual ~Reporter() = default;

  virtual void begin() {}
  // Nothing, for a format whose write() needs only the result.
  [[nodiscard]] virtual FilePart render(const engine::FileResult& /*result*/) const { return {}; }
  virtual void write(const engine::FileResult& result, const FilePart& part) = 0;
  // Both, for a caller that has its results in order already.
  void file(const engine::FileResult& result) { write(result, render(result)); }
  // Notes on the run as a whole, once before end(): the controls `iamlint audit` could not check.
  // The text formats leave them to the summary on standard error; SARIF keeps them as
  // notifications.
  virtual void notes(std::span<const std::string> /*notes*/) {}
  virtual void end(std::span<const Error> /*unreadable*/) {}
};

}  // namespace iamlint::report
