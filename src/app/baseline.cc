#include "app/baseline.h"

#include <fmt/core.h>

#include "json/parser.h"
#include "report/fingerprint.h"
#include "report/sarif_reporter.h"
#include "source/source_file.h"

namespace iamlint::app {
namespace {

using json::Document;
using json::NodeId;

// The member `key` of an object node, or kNoNode.
NodeId member(const Document& doc, NodeId node, std::string_view key) {
  if (node == json::kNoNode || !doc.node(node).is_object()) return json::kNoNode;
  return doc.find_member(node, key);
}

std::string_view text(const Document& doc, NodeId node) {
  return node != json::kNoNode && doc.node(node).is_string() ? doc.node(node).text
                                                             : std::string_view();
}

NodeId first(const Document& doc, NodeId array) {
  return array != json::kNoNode && doc.node(array).is_array() ? doc.node(array).first_child
                                                              : json::kNoNode;
}

std::string entry(std::string_view rule, std::string_view uri, std::string_view fingerprint) {
  return fmt::format("{}\t{}\t{}", rule, uri, fingerprint);
}

}  // namespace

Result<Baseline> load_baseline(const std::string& path) {
  auto source = source::load_file(path);
  if (!source) return Unexpected(source.error());
  auto doc = json::parse(source->text);
  if (!doc) {
    return make_error(ErrorCode::kUsage, fmt::format("--baseline '{}' is not valid JSON: {}", path,
                                                     doc.error().message));
  }
  NodeId runs = member(*doc, doc->root(), "runs");
  if (runs == json::kNoNode || !doc->node(runs).is_array()) {
    return make_error(ErrorCode::kUsage,
                      fmt::format("--baseline '{}' is not a SARIF report (no runs)", path));
  }
  Baseline baseline;
  for (NodeId run : doc->children(runs)) {
    NodeId results = member(*doc, run, "results");
    if (results == json::kNoNode || !doc->node(results).is_array()) continue;
    for (NodeId result : doc->children(results)) {
      NodeId location =
          member(*doc, first(*doc, member(*doc, result, "locations")), "physicalLocation");
      std::string_view uri =
          text(*doc, member(*doc, member(*doc, location, "artifactLocation"), "uri"));
      std::string_view fingerprint = text(
          *doc, member(*doc, member(*doc, result, "partialFingerprints"), report::kFingerprintKey));
      std::string_view rule = text(*doc, member(*doc, result, "ruleId"));
      if (!rule.empty() && !fingerprint.empty())
        baseline.known.insert(entry(rule, uri, fingerprint));
    }
  }
  return baseline;
}

std::size_t apply_baseline(const Baseline& baseline, report::LintRun& run) {
  std::size_t removed = 0;
  for (engine::FileResult& file : run.files) {
    if (file.findings.empty()) continue;
    std::vector<std::string> prints = report::fingerprints(file);
    std::string uri = report::artifact_uri(file.source.path);
    std::vector<engine::Finding> kept;
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      if (baseline.known.contains(entry(file.findings[i].rule->id, uri, prints[i]))) {
        ++removed;
      } else {
        kept.push_back(std::move(file.findings[i]));
      }
    }
    file.findings = std::move(kept);
  }
  return removed;
}

}  // namespace iamlint::app
