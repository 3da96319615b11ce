#include "input/policy_source.h"

namespace iamlint::input {

ParsedJson::ParsedJson(std::string owned, std::optional<std::string_view> borrowed,
                       OffsetMap to_file)
    : owned_(std::move(owned)),
      text_(borrowed ? *borrowed : std::string_view(owned_)),
      doc_(json::parse(text_)),
      to_file_(std::move(to_file)) {}

std::shared_ptr<ParsedJson> ParsedJson::borrow(std::string_view text, OffsetMap to_file) {
  return std::make_shared<ParsedJson>(std::string(), text, std::move(to_file));
}

std::shared_ptr<ParsedJson> ParsedJson::own(std::string text, OffsetMap to_file) {
  return std::make_shared<ParsedJson>(std::move(text), std::nullopt, std::move(to_file));
}

std::string_view attachment_name(Attachment attachment) {
  switch (attachment) {
    case Attachment::kInline:
      return "inline";
    case Attachment::kManaged:
      return "managed";
    case Attachment::kBoundary:
      return "boundary";
    case Attachment::kTrust:
      return "trust";
  }
  return "inline";
}

std::string_view principal_type_name(PrincipalType type) {
  switch (type) {
    case PrincipalType::kUser:
      return "user";
    case PrincipalType::kGroup:
      return "group";
    case PrincipalType::kRole:
      return "role";
  }
  return "user";
}

}  // namespace iamlint::input
