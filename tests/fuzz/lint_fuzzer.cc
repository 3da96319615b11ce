// libFuzzer target: bytes -> JSON or YAML -> the policies in it -> every rule -> every reporter,
// as `iamlint FILE` runs them. The policy type, the SCP language and the attached resource are
// picked from a hash of the input, so that one corpus explores every rule set and the inputs stay
// plain documents (the seeds are testdata/'s policies, unchanged).
//
// Built once as lint_fuzzer, which tells the kind of document by its content as iamlint does, and
// once per input format with IAMLINT_FUZZ_INPUT_FORMAT set to its --input-format name
// (cloudformation_fuzzer, ...), which reads every input as that kind: its mutations then explore
// that kind's reader instead of falling back to a bare policy.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "app/options.h"
#include "app/reporter_factory.h"
#include "engine/linter.h"
#include "engine/registry.h"
#include "input/document_kind.h"
#include "support/assert.h"

namespace {

using iamlint::ast::AttachedResource;
using iamlint::ast::PolicyKind;

// nullopt: inferred, as --policy-type auto does.
constexpr std::optional<PolicyKind> kKinds[] = {
    std::nullopt,     PolicyKind::kIdentity, PolicyKind::kResource, PolicyKind::kTrust,
    PolicyKind::kScp, PolicyKind::kRcp,      PolicyKind::kBoundary,
};
constexpr std::optional<AttachedResource> kAttached[] = {
    std::nullopt, AttachedResource::kS3Bucket, AttachedResource::kIamAssumeRolePolicyDocument,
    AttachedResource::kDynamoDbTable};

void report_in_every_format(const iamlint::engine::FileResult& result) {
  using iamlint::app::OutputFormat;
  for (OutputFormat format : {OutputFormat::kText, OutputFormat::kSarif, OutputFormat::kJson,
                              OutputFormat::kGithub, OutputFormat::kGitlab}) {
    for (bool statistics : {false, true}) {
      if (statistics && format != iamlint::app::OutputFormat::kText) continue;
      iamlint::app::Options options;
      options.format = format;
      options.statistics = statistics;
      std::ostringstream out;
      auto reporter = iamlint::app::make_reporter(options, out);
      reporter->begin();
      reporter->file(result);
      reporter->end({});
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t pick = std::hash<std::string>{}(text);
  iamlint::engine::LintConfig config;
  config.policy_kind = kKinds[pick % std::size(kKinds)];
  config.attached_to = kAttached[(pick >> 8) % std::size(kAttached)];
  config.scp_syntax =
      (pick >> 16) % 2 ? iamlint::ast::ScpSyntax::kLegacy : iamlint::ast::ScpSyntax::k2025;
  config.rules = iamlint::engine::all_rules();
#ifdef IAMLINT_FUZZ_INPUT_FORMAT
  static const iamlint::input::DocumentKind* const kFormat = [] {
    const auto* kind = iamlint::input::find_document_kind(IAMLINT_FUZZ_INPUT_FORMAT);
    IAMLINT_ASSERT(kind != nullptr);  // a name that --input-format accepts
    return kind;
  }();
  config.input_format = kFormat;
#endif
  // A name without a known extension: the reader decides between JSON and YAML by content.
  iamlint::source::SourceFile source{.path = "fuzz.template", .text = std::move(text)};
  report_in_every_format(iamlint::engine::lint(std::move(source), config));
  return 0;
}
