// libFuzzer target: bytes -> JSON tree -> typed policy, under each policy type. The parser and the
// lowering must take any bytes without crashing, hanging or reading out of bounds; the sanitizers
// the target is built with (tools/fuzz) turn any such slip into a crash with its input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ast/lower.h"
#include "json/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using iamlint::ast::PolicyKind;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = iamlint::json::parse(text);
  if (!doc) return 0;
  for (auto kind : {std::optional<PolicyKind>(), std::optional(PolicyKind::kScp),
                    std::optional(PolicyKind::kTrust)}) {
    (void)iamlint::ast::lower_policy(*doc, doc->root(), kind);
  }
  return 0;
}
