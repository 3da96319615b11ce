// Reads a YAML document (a CloudFormation template) as JSON text with a map back to the YAML.
//
// Everything after the reader works on JSON: the container formats, the policy grammar and the
// rules. CloudFormation's short-form tags become the long form (!Sub x is {"Fn::Sub": x}), plain
// scalars that YAML reads as null, booleans or numbers become those JSON values (quoted ones stay
// strings), and aliases are expanded, within a budget, since CloudFormation itself rejects them
// but `aws cloudformation package` and SAM resolve them first. Only the first document of a
// stream is read.
#pragma once

#include <string_view>
#include <vector>

#include "input/mapped_text.h"
#include "json/parser.h"
#include "support/result.h"

namespace iamlint::input {

// Where the nodes of a YAML document lie, for what reads its comments (yaml_comments.h): a '#'
// inside a scalar is no comment, and a comment above a line is about the entry that starts there.
struct YamlLayout {
  std::vector<ByteRange> scalars;  // every scalar as written (quotes, block lines), sorted
  // Every mapping entry (key to the end of its value) and sequence item, sorted by start; an
  // entry that starts where another does comes first when it is the larger.
  std::vector<ByteRange> entries;
  uint32_t document_end = 0;  // where the first document ends (a "---" or "..." line, or EOF)
};

// The JSON text and its map to `yaml`, or the reason the YAML cannot be read (a syntax error, or
// one of the bounds: nesting depth, expanded size). `layout`, when given, receives where the
// document's nodes lie.
[[nodiscard]] Result<MappedText, json::SyntaxError> yaml_to_json(std::string_view yaml,
                                                                 YamlLayout* layout = nullptr);

}  // namespace iamlint::input
