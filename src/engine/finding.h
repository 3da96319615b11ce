// What a rule reports: a range in one file, a message, and how serious it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_info.h"
#include "support/byte_range.h"

namespace iamlint::engine {

// A second place that explains the finding, e.g. the statement that an earlier one duplicates.
struct RelatedLocation {
  ByteRange range;
  std::string message;
};

// One replacement of a byte range of the file (an empty range inserts).
struct Edit {
  ByteRange range;
  std::string replacement;
};

// How to fix a finding, exactly and finally: applying it must not cause another finding.
struct Fix {
  std::string description;  // "Remove \"s3:GetObject\"", shown in every output
  std::vector<Edit> edits;  // non-overlapping, in the file's own bytes
  // Safe: the policy means the same afterwards (or AWS rejects it before, and the correction is
  // certain). Unsafe fixes change what the policy grants and are applied only with
  // --unsafe-fixes.
  bool safe = true;
};

struct Finding {
  const RuleInfo* rule = nullptr;
  Level level = Level::kWarning;
  ByteRange range;
  std::string message;
  std::string_view access_analyzer_code;  // the Access Analyzer issue code this matches, if any
  std::vector<RelatedLocation> related;
  // Which statement the finding is in, wherever the statement stands: a hash of its Sid, or else
  // of its text without insignificant whitespace; 0 outside statements. Fingerprints use it, so
  // that a statement inserted above does not change the identity of findings below it.
  uint64_t statement_hash = 0;
  // For a suppressed finding: why it is accepted, and whether that was said in the file itself
  // (SARIF kind "inSource") or in a configuration ("external").
  std::string_view suppression_reason;
  bool suppressed_in_source = false;
  std::optional<Fix> fix;
  // Where the finding sits in the structure of a file that holds policies, e.g.
  // "Resources.BuildRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal"; empty in a
  // bare policy file.
  std::string logical_location;
  // The policy it is in, as an index of FileResult::policies; nullopt for a file-level finding.
  std::optional<uint32_t> policy;
};

// The order of findings in every output: by position, then rule id, then message.
[[nodiscard]] bool finding_order(const Finding& a, const Finding& b);

}  // namespace iamlint::engine
