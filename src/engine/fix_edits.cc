#include "engine/fix_edits.h"

#include <string>

#include "json/quote.h"
#include "support/assert.h"

namespace iamlint::engine {
namespace {

json::NodeId previous_sibling(const json::Document& doc, json::NodeId node) {
  json::NodeId previous = json::kNoNode;
  for (json::NodeId child : doc.children(doc.node(node).parent)) {
    if (child == node) return previous;
    previous = child;
  }
  return json::kNoNode;
}

}  // namespace

Edit remove_element(const json::Document& doc, json::NodeId element) {
  const json::Node& node = doc.node(element);
  IAMLINT_ASSERT(node.parent != json::kNoNode && doc.node(node.parent).is_array());
  // From the element to the start of the next one, or from the end of the previous one to its
  // end: either way one separator goes with it and the rest of the layout stays.
  if (node.next_sibling != json::kNoNode) {
    return {{node.range.begin, doc.node(node.next_sibling).range.begin}, ""};
  }
  const json::NodeId previous = previous_sibling(doc, element);
  IAMLINT_ASSERT(previous != json::kNoNode);
  return {{doc.node(previous).range.end, node.range.end}, ""};
}

Edit replace_string(ByteRange range, std::string_view text) {
  return {range, json::quoted(text)};
}

Edit insert_first_member(std::string_view source, const json::Document& doc, json::NodeId object,
                         std::string_view member) {
  const json::Node& node = doc.node(object);
  IAMLINT_ASSERT(node.is_object() && node.first_child != json::kNoNode);
  const uint32_t first_key = doc.node(node.first_child).key_range.begin;
  // The bytes between the brace and the first key are whitespace: the indentation to repeat.
  const std::string_view indentation =
      source.substr(node.range.begin + 1, first_key - node.range.begin - 1);
  std::string text(member);
  text += ',';
  text += indentation.empty() ? " " : indentation;
  return {{first_key, first_key}, std::move(text)};
}

}  // namespace iamlint::engine
