// The kinds of document iamlint reads policies from: a bare policy, a CloudFormation template, a
// Terraform plan, an account's authorization details, AWS CLI output. Each kind is one file under
// src/input/kinds/ that registers itself, as rules do:
//
//   constexpr DocumentKind kTerraformPlan{.name = "terraform-plan", .description = ...,
//                                         .detect = detect, .extract = extract};
//   IAMLINT_REGISTER_DOCUMENT_KIND(kTerraformPlan);
//
// Adding a kind touches that file, its line in src/input/kinds/meson.build, its name among the
// --input-format choices (src/cli/command_line.cc; a unit test keeps them equal), its fixtures
// under testdata/inputs/<name>/ and the README.
#pragma once

#include <span>
#include <string_view>

#include "json/document.h"

namespace iamlint::input {

class Container;

struct DocumentKind {
  std::string_view name;         // the --input-format spelling, e.g. "cloudformation"
  std::string_view description;  // for --help and messages, e.g. "a CloudFormation template"
  // Whether a document (JSON, or YAML read as JSON) is of this kind, by its content: its
  // top-level members. Kinds must not overlap. Null for the bare policy, the kind of every
  // document that no other kind claims.
  bool (*detect)(const json::Document& doc) = nullptr;
  // Hands each policy of the document, and each principal, to the container.
  void (*extract)(Container& container) = nullptr;
  // Whether a text that is not JSON is of this kind (a credential report's CSV): tried before the
  // text is parsed; such a document holds no policy. Null for the kinds that are JSON or YAML.
  bool (*detect_text)(std::string_view text) = nullptr;
};

// Adds a kind to the registry; returns true so that it can initialise a namespace-scope constant.
bool register_document_kind(const DocumentKind& kind);

// Every kind, sorted by name.
[[nodiscard]] std::span<const DocumentKind* const> document_kinds();

// The kind with this --input-format name, or nullptr.
[[nodiscard]] const DocumentKind* find_document_kind(std::string_view name);

// The kind that detects `doc`, or the bare policy when none does.
[[nodiscard]] const DocumentKind& detect_document_kind(const json::Document& doc);

// The kind whose detect_text claims `text`, or nullptr.
[[nodiscard]] const DocumentKind* detect_text_kind(std::string_view text);

}  // namespace iamlint::input

#define IAMLINT_REGISTER_DOCUMENT_KIND(kind) \
  [[maybe_unused]] const bool kRegistered##kind = ::iamlint::input::register_document_kind(kind)
