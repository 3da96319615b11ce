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

#include "input/mapped_text.h"
#include "json/parser.h"
#include "support/result.h"

namespace iamlint::input {

// The JSON text and its map to `yaml`, or the reason the YAML cannot be read (a syntax error, or
// one of the bounds: nesting depth, expanded size).
[[nodiscard]] Result<MappedText, json::SyntaxError> yaml_to_json(std::string_view yaml);

}  // namespace iamlint::input
