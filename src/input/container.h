// What a document kind works with: the document, and where it puts the policies and principals
// it finds.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/logical_location.h"
#include "input/policy_source.h"
#include "input/reader.h"

namespace iamlint::input {

class Container {
 public:
  Container(std::shared_ptr<ParsedJson> json, const ReadOptions& options, Reading& reading)
      : json_(std::move(json)), options_(options), reading_(reading), finder_(json_->doc()) {}

  [[nodiscard]] const json::Document& doc() const { return json_->doc(); }
  // To mark opaque values (json::Document::mark_opaque) before their policies are added.
  [[nodiscard]] json::Document& doc() { return json_->doc(); }
  [[nodiscard]] const ReadOptions& options() const { return options_; }
  // The document's JSON text (made from YAML for a YAML file), which node ranges index.
  [[nodiscard]] std::string_view text() const { return json_->text(); }

  // Adds the policy written at `node`: an object is the policy itself, a string holds its JSON
  // (URL-encoded or not; then it is decoded and parsed, and a string that is not JSON is a
  // finding at its place). Returns its index in Reading::policies, or nullopt when the value
  // holds no policy to read (an opaque value such as {"Fn::If": ...}, an empty string, null, a
  // number).
  std::optional<std::size_t> add_policy(json::NodeId node, PolicyOrigin origin);

  // Adds `node` itself as a policy, whatever its JSON type: the root of a bare policy file.
  std::size_t add_policy_value(json::NodeId node, PolicyOrigin origin);

  // Adds a policy written from the resource properties at `node` (PolicySource::from_properties):
  // `text` is its JSON, `to_doc` maps it to this document's text (its values copied from there),
  // and `prepare` marks its opaque values once it is parsed.
  std::size_t add_policy_from_properties(std::string text, const OffsetMap& to_doc,
                                         json::NodeId node, PolicyOrigin origin,
                                         void (*prepare)(json::Document&, json::NodeId));

  // The logical location of a node, e.g. "RoleDetailList[2].RolePolicyList[0]".
  [[nodiscard]] std::string location(json::NodeId node) { return finder_.path(node); }

  void add_principal(Principal principal) { reading_.principals.push_back(std::move(principal)); }
  // A range of the document (which may be JSON made from YAML) as a range of the file.
  [[nodiscard]] ByteRange file_range(ByteRange range) const {
    return json_->to_file().to_outer(range);
  }

  // The member of an object named `key`, or kNoNode (also when `object` is not an object).
  [[nodiscard]] json::NodeId member(json::NodeId object, std::string_view key) const;
  // The text of a string member, or empty.
  [[nodiscard]] std::string_view string_member(json::NodeId object, std::string_view key) const;
  // The values at a path of member names under `object`, such as "Policies[].PolicyDocument":
  // names joined by '.', "[]" after a name for every element of its array.
  [[nodiscard]] std::vector<json::NodeId> values_at(json::NodeId object,
                                                    std::string_view path) const;

 private:
  std::shared_ptr<ParsedJson> json_;
  const ReadOptions& options_;
  Reading& reading_;
  LocationFinder finder_;
};

}  // namespace iamlint::input
