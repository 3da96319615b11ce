#include "app/baseline.h"

#include <fmt/core.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "report/fingerprint.h"
#include "source/line_index.h"
#include "source/source_file.h"

namespace iamlint::app {
namespace {

// A baseline is a report of a whole repository, so it may be far larger than the policy files it
// describes (about 1.4 KB per finding); it is still bounded, as it may come from a pull request.
constexpr std::size_t kMaxBaselineBytes = 64u << 20;

using Value = rapidjson::Value;

// The member `key` of an object, or nullptr.
const Value* member(const Value* value, std::string_view key) {
  if (value == nullptr || !value->IsObject()) return nullptr;
  const Value name(rapidjson::StringRef(key.data(), key.size()));
  auto it = value->FindMember(name);
  return it == value->MemberEnd() ? nullptr : &it->value;
}

std::string_view text(const Value* value) {
  return value != nullptr && value->IsString()
             ? std::string_view(value->GetString(), value->GetStringLength())
             : std::string_view();
}

std::string entry(std::string_view rule, std::string_view fingerprint) {
  return fmt::format("{}\t{}", rule, fingerprint);
}

}  // namespace

Result<Baseline> load_baseline(const std::string& path) {
  auto source = source::load_file(path, {.max_bytes = kMaxBaselineBytes});
  if (!source) return Unexpected(source.error());
  if (source->too_large) {
    return make_error(ErrorCode::kUsage, fmt::format("--baseline '{}' is larger than {} MiB", path,
                                                     kMaxBaselineBytes >> 20));
  }
  // The DOM takes a fraction of the memory of iamlint's source tree, which keeps every position.
  rapidjson::Document doc;
  doc.Parse(source->text.data(), source->text.size());
  if (doc.HasParseError()) {
    const source::Position at =
        source::LineIndex(source->text)
            .position(static_cast<uint32_t>(doc.GetErrorOffset()), source::ColumnUnit::kCodePoints);
    return make_error(
        ErrorCode::kUsage,
        fmt::format("--baseline '{}' is not valid JSON at line {}, column {}: {}", path, at.line,
                    at.column, rapidjson::GetParseError_En(doc.GetParseError())));
  }
  const Value* runs = member(&doc, "runs");
  if (runs == nullptr || !runs->IsArray()) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("--baseline '{}' is not a SARIF report (no runs)", path));
  }
  Baseline baseline;
  std::size_t results_seen = 0;
  for (const Value& run : runs->GetArray()) {
    const Value* results = member(&run, "results");
    if (results == nullptr || !results->IsArray()) continue;
    for (const Value& result : results->GetArray()) {
      ++results_seen;
      std::string_view fingerprint =
          text(member(member(&result, "partialFingerprints"), report::kFingerprintKey));
      std::string_view rule = text(member(&result, "ruleId"));
      if (!rule.empty() && !fingerprint.empty()) baseline.known.insert(entry(rule, fingerprint));
    }
  }
  // Results without our fingerprints come from an older iamlint or another tool: matching
  // nothing, they would report every accepted finding as new.
  if (results_seen > 0 && baseline.known.empty()) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("--baseline '{}' has no results with {} fingerprints; write it "
                                  "again with this iamlint (--format sarif)",
                                  path, report::kFingerprintKey));
  }
  return baseline;
}

void apply_baseline(const Baseline& baseline, engine::FileResult& file) {
  if (file.findings.empty()) return;
  std::vector<std::string> prints = report::fingerprints(file);
  std::vector<engine::Finding> kept;
  for (std::size_t i = 0; i < file.findings.size(); ++i) {
    if (baseline.known.contains(entry(file.findings[i].rule->id, prints[i]))) {
      ++file.baselined;
    } else {
      kept.push_back(std::move(file.findings[i]));
    }
  }
  file.findings = std::move(kept);
}

}  // namespace iamlint::app
