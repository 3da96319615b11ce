// What the input stage hands to the engine: each policy found in a file, where it sits and what
// it is, and which principals use which of them.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/policy.h"
#include "input/offset_map.h"
#include "json/document.h"
#include "json/parser.h"
#include "support/byte_range.h"
#include "support/result.h"

namespace iamlint::input {

// JSON text with its tree, or why it is not JSON. Policies written as JSON values share their
// file's; a policy written as a string has its own, decoded from the string.
class ParsedJson {
 public:
  // Parses text that outlives the result (a file's own text). `to_file` says where its offsets
  // lie in the file: the identity for a JSON file, the map back to the YAML for a template
  // written in YAML.
  [[nodiscard]] static std::shared_ptr<ParsedJson> borrow(std::string_view text, OffsetMap to_file);
  // Parses text decoded for it.
  [[nodiscard]] static std::shared_ptr<ParsedJson> own(std::string text, OffsetMap to_file);

  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] bool parsed() const { return doc_.has_value(); }
  [[nodiscard]] const json::Document& doc() const { return doc_.value(); }
  // The container formats mark opaque values (json::Node::opaque) before they hand out policies.
  [[nodiscard]] json::Document& doc() { return doc_.value(); }
  [[nodiscard]] const json::SyntaxError& error() const { return doc_.error(); }
  [[nodiscard]] const OffsetMap& to_file() const { return to_file_; }

  // Use borrow or own: the text is `borrowed`, or else `owned`.
  ParsedJson(std::string owned, std::optional<std::string_view> borrowed, OffsetMap to_file);
  ParsedJson(const ParsedJson&) = delete;  // the tree holds views into the text
  ParsedJson& operator=(const ParsedJson&) = delete;

 private:
  std::string owned_;
  std::string_view text_;
  Result<json::Document, json::SyntaxError> doc_;
  OffsetMap to_file_;
};

// What a policy is, as its container says.
struct PolicyOrigin {
  // Nullopt when the container does not say (a bare policy file, a Terraform
  // aws_iam_policy_document): then --policy-type, or the inference of a bare file, decides.
  std::optional<ast::PolicyKind> kind;
  std::optional<ast::AttachedResource> attached_to;
  // What holds the policy, for people: "AWS::IAM::Role BuildRole", "aws_iam_role.build",
  // "role deploy". Empty for a bare policy file.
  std::string container;
  // False for a policy kept only for the principals that use it (an AWS managed policy in an
  // authorization-details dump, without --include-aws-managed): it is not linted.
  bool linted = true;
};

struct PolicySource {
  PolicyOrigin origin;
  // The logical location of the policy document in its file, e.g.
  // "Resources.BuildRole.Properties.AssumeRolePolicyDocument"; empty for a bare policy file.
  std::string location;
  // The JSON the policy is read from: its file's, or its own (decoded from a string, its to_file()
  // then maps through the decoding).
  std::shared_ptr<const ParsedJson> json;
  json::NodeId root = json::kNoNode;  // the policy's value in json->doc() (when it parsed)
  // The file holds no policy document here but resource properties that state one statement
  // (AWS::Lambda::Permission), written as a policy for the rules: findings are located at the
  // resource (`location`), not at a path inside a document the file does not have.
  bool from_properties = false;
};

// How a policy applies to a principal of an account.
enum class Attachment : uint8_t {
  kInline,    // the principal's own inline policy
  kManaged,   // a managed policy attached to it
  kBoundary,  // its permissions boundary
  kTrust,     // a role's trust policy (who may assume it)
};

// "inline", "managed", "boundary" or "trust".
[[nodiscard]] std::string_view attachment_name(Attachment attachment);

// One policy of a principal.
struct PrincipalPolicy {
  Attachment attachment = Attachment::kInline;
  std::string name;  // the policy's name, or the ARN of a managed policy
  // The policy in the file's list (Reading::policies, FileResult::policies); nullopt when its
  // document is not in the file (an AWS managed policy that the dump left out).
  std::optional<std::size_t> policy;
  // The group the principal has it through; empty when it is the principal's own.
  std::string via_group;
};

enum class PrincipalType : uint8_t { kUser, kGroup, kRole };

// "user", "group" or "role".
[[nodiscard]] std::string_view principal_type_name(PrincipalType type);

// An IAM user, group or role and every policy that applies to it: inline, attached managed,
// through its groups (users), its permissions boundary and (roles) its trust policy. The risk
// rules that judge what a principal may do ask this set, not one policy at a time.
struct Principal {
  PrincipalType type = PrincipalType::kUser;
  std::string name;
  std::string arn;       // empty when the file does not say
  std::string location;  // its logical location in the file, e.g. "RoleDetailList[3]"
  // Where the file names it, in file offsets: the value of its name member (RoleName), or a
  // template resource's logical id. The findings about the principal as a whole point there.
  ByteRange range;
  std::vector<PrincipalPolicy> policies;
};

}  // namespace iamlint::input
