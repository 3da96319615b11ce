#include "input/document_kind.h"

#include <algorithm>
#include <vector>

#include "support/assert.h"

namespace iamlint::input {
namespace {

// Filled by static initialisers, so it is created on first use.
std::vector<const DocumentKind*>& registry() {
  static std::vector<const DocumentKind*> kinds;
  return kinds;
}

}  // namespace

bool register_document_kind(const DocumentKind& kind) {
  std::vector<const DocumentKind*>& kinds = registry();
  IAMLINT_ASSERT(find_document_kind(kind.name) == nullptr);
  auto at = std::lower_bound(
      kinds.begin(), kinds.end(), kind.name,
      [](const DocumentKind* known, std::string_view name) { return known->name < name; });
  kinds.insert(at, &kind);
  return true;
}

std::span<const DocumentKind* const> document_kinds() {
  return registry();
}

const DocumentKind* find_document_kind(std::string_view name) {
  for (const DocumentKind* kind : registry()) {
    if (kind->name == name) return kind;
  }
  return nullptr;
}

const DocumentKind& detect_document_kind(const json::Document& doc) {
  const DocumentKind* fallback = nullptr;
  for (const DocumentKind* kind : registry()) {
    if (kind->detect == nullptr) {
      fallback = kind;
    } else if (kind->detect(doc)) {
      return *kind;
    }
  }
  IAMLINT_ASSERT(fallback != nullptr);
  return *fallback;
}

const DocumentKind* detect_text_kind(std::string_view text) {
  for (const DocumentKind* kind : registry()) {
    if (kind->detect_text != nullptr && kind->detect_text(text)) return kind;
  }
  return nullptr;
}

}  // namespace iamlint::input
