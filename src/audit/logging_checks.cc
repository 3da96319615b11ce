// The controls read from CloudTrail and AWS Config settings: a multi-Region trail that logs every
// management event and validates its log files; a Config recorder recording every resource type
// in each audited Region.
//
// get-trail-status prints no trail name, so a status file belongs to the trail whose name is in
// the file's name (trail-status-<name>.json), or, with one multi-Region trail and one status
// file, to that trail. get-event-selectors names its trail's ARN.
#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "audit/checks.h"

namespace iamlint::audit {
namespace {

using json::NodeId;

struct Trail {
  std::size_t file;
  NodeId node;
  std::string_view name;
  std::string_view arn;
  bool multi_region;
};

// Every trail of the describe-trails files, each once: describe-trails in each Region repeats
// the multi-Region trails of the others (shadow trails).
std::vector<Trail> trails_of(const Account& account) {
  std::vector<Trail> out;
  for (std::size_t file : account.files_of(AccountExport::kTrails)) {
    const json::Document& doc = *account.files[file].doc;
    for (NodeId trail : doc.children(doc.find_member(doc.root(), "trailList"))) {
      Trail found{
          .file = file,
          .node = trail,
          .name = fields::text(doc, fields::at(doc, trail, "Name")),
          .arn = fields::text(doc, fields::at(doc, trail, "TrailARN")),
          .multi_region =
              fields::boolean(doc, fields::at(doc, trail, "IsMultiRegionTrail")).value_or(false)};
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Trail& known) {
        return !found.arn.empty() ? known.arn == found.arn : known.name == found.name;
      });
      if (!seen) out.push_back(found);
    }
  }
  return out;
}

std::size_t multi_region_count(const std::vector<Trail>& trails) {
  return static_cast<std::size_t>(
      std::count_if(trails.begin(), trails.end(), [](const Trail& t) { return t.multi_region; }));
}

// The get-trail-status file of a trail, or nullopt.
std::optional<std::size_t> status_file(const Account& account, const Trail& trail,
                                       std::size_t multi_region_trails) {
  const std::vector<std::size_t> files = account.files_of(AccountExport::kTrailStatus);
  for (std::size_t file : files) {
    const std::string name = std::filesystem::path(account.files[file].source.path).filename();
    if (!trail.name.empty() && name.find(trail.name) != std::string::npos) return file;
  }
  if (files.size() == 1 && multi_region_trails == 1 && trail.multi_region) return files.front();
  return std::nullopt;
}

std::string_view region_of_arn(std::string_view arn) {
  // arn:partition:service:region:account:resource
  std::size_t at = 0;
  for (int colon = 0; colon < 3; ++colon) {
    at = arn.find(':', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  const std::size_t end = arn.find(':', at);
  return end == std::string_view::npos ? std::string_view() : arn.substr(at, end - at);
}

bool is_region_name(std::string_view text) {
  // us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4...
  const std::size_t last = text.rfind('-');
  if (text.size() < 9 || last == std::string_view::npos || last + 2 != text.size() ||
      text.back() < '1' || text.back() > '9' || text[2] != '-')
    return false;
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(last),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// The Region a Config export is from: its recorders' ARN, or a Region name in its path
// (config/us-east-1/recorders.json, recorders.eu-west-1.json); empty when neither says.
std::string region_of(const Account& account, std::size_t file, std::string_view arn) {
  if (std::string_view region = region_of_arn(arn); !region.empty()) return std::string(region);
  const std::string& path = account.files[file].source.path;
  std::size_t begin = 0;
  while (begin < path.size()) {
    const std::size_t end = path.find_first_of("/._", begin);
    const std::string_view part =
        std::string_view(path).substr(begin, end == std::string::npos ? end : end - begin);
    if (is_region_name(part)) return std::string(part);
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return {};
}

std::string in_region(std::string_view region) {
  return region.empty() ? "in the Region of this file" : fmt::format("in {}", region);
}

// Which management events the selectors of a trail record.
struct ManagementEvents {
  bool read = false;
  bool write = false;
};

ManagementEvents basic_selectors(const json::Document& doc, NodeId list) {
  ManagementEvents events;
  for (NodeId selector : doc.children(list)) {
    if (!fields::boolean(doc, fields::at(doc, selector, "IncludeManagementEvents")).value_or(true))
      continue;
    const std::string_view type = fields::text(doc, fields::at(doc, selector, "ReadWriteType"));
    events.read = events.read || type == "All" || type == "ReadOnly";
    events.write = events.write || type == "All" || type == "WriteOnly";
  }
  return events;
}

// An advanced selector records management events when it selects eventCategory "Management";
// a readOnly field narrows it to reads ("true") or writes ("false").
ManagementEvents advanced_selectors(const json::Document& doc, NodeId list) {
  ManagementEvents events;
  for (NodeId selector : doc.children(list)) {
    bool management = false;
    std::string_view read_only;
    const NodeId selected = fields::at(doc, selector, "FieldSelectors");
    if (selected == json::kNoNode) continue;
    for (NodeId field : doc.children(selected)) {
      const std::string_view name = fields::text(doc, fields::at(doc, field, "Field"));
      const NodeId equals = fields::at(doc, field, "Equals");
      if (equals == json::kNoNode || !doc.node(equals).is_array() ||
          doc.node(equals).child_count != 1)
        continue;
      const std::string_view value = fields::text(doc, doc.node(equals).first_child);
      if (name == "eventCategory") management = value == "Management";
      if (name == "readOnly") read_only = value;
    }
    if (!management) continue;
    events.read = events.read || read_only != "false";
    events.write = events.write || read_only != "true";
  }
  return events;
}

}  // namespace

void check_no_multi_region_trail(Checker& checker) {
  if (!checker.needs(AccountExport::kTrails)) return;
  const Account& account = checker.account();
  const std::vector<Trail> trails = trails_of(account);
  if (multi_region_count(trails) > 0) return;
  const std::size_t file = account.files_of(AccountExport::kTrails).front();
  const json::Document& doc = *account.files[file].doc;
  checker.report(file, fields::key_range(doc, doc.find_member(doc.root(), "trailList")),
                 trails.empty()
                     ? std::string("the account has no CloudTrail trail: create one with "
                                   "IsMultiRegionTrail true")
                 : trails.size() == 1
                     ? fmt::format("the only CloudTrail trail, '{}', records one Region: make it "
                                   "multi-Region (IsMultiRegionTrail true)",
                                   trails.front().name)
                     : fmt::format("none of the {} CloudTrail trails records every Region: make "
                                   "one multi-Region (IsMultiRegionTrail true)",
                                   trails.size()));
}

void check_trail_not_logging(Checker& checker) {
  if (!checker.needs(AccountExport::kTrails)) return;
  const Account& account = checker.account();
  const std::vector<Trail> trails = trails_of(account);
  const std::size_t multi_region = multi_region_count(trails);
  // Without a multi-Region trail there is nothing to check here (no-multi-region-trail says so).
  if (multi_region == 0 || !checker.needs(AccountExport::kTrailStatus)) return;
  for (const Trail& trail : trails) {
    if (!trail.multi_region) continue;
    const auto file = status_file(account, trail, multi_region);
    if (!file) {
      checker.not_checked(
          fmt::format("no `aws cloudtrail get-trail-status` output for trail "
                      "'{}' (name its file after the trail)",
                      trail.name));
      continue;
    }
    const json::Document& doc = *account.files[*file].doc;
    const NodeId logging = doc.find_member(doc.root(), "IsLogging");
    if (fields::boolean(doc, logging).value_or(true)) continue;
    checker.report(*file, doc.node(logging).range,
                   fmt::format("the multi-Region trail '{}' is not logging: start it "
                               "(aws cloudtrail start-logging), and find out who stopped it",
                               trail.name));
  }
}

void check_trail_misses_management_events(Checker& checker) {
  if (!checker.needs(AccountExport::kTrails)) return;
  const Account& account = checker.account();
  for (const Trail& trail : trails_of(account)) {
    if (!trail.multi_region) continue;
    const json::Document& trails_doc = *account.files[trail.file].doc;
    // Without custom selectors a trail records every management event, read and write.
    if (!fields::boolean(trails_doc, fields::at(trails_doc, trail.node, "HasCustomEventSelectors"))
             .value_or(false))
      continue;
    std::optional<std::size_t> selectors;
    for (std::size_t file : account.files_of(AccountExport::kEventSelectors)) {
      const json::Document& doc = *account.files[file].doc;
      if (fields::text(doc, doc.find_member(doc.root(), "TrailARN")) == trail.arn) selectors = file;
    }
    if (!selectors) {
      checker.not_checked(
          fmt::format("trail '{}' has custom event selectors and there is no "
                      "`aws cloudtrail get-event-selectors` output for it",
                      trail.name));
      continue;
    }
    const json::Document& doc = *account.files[*selectors].doc;
    NodeId list = doc.find_member(doc.root(), "EventSelectors");
    ManagementEvents events;
    if (list != json::kNoNode && doc.node(list).is_array()) {
      events = basic_selectors(doc, list);
    } else {
      list = doc.find_member(doc.root(), "AdvancedEventSelectors");
      if (list == json::kNoNode) continue;  // detection saw one of the two lists
      events = advanced_selectors(doc, list);
    }
    if (events.read && events.write) continue;
    const std::string_view missing = events.read ? "write" : events.write ? "read" : "any";
    checker.report(*selectors, fields::key_range(doc, list),
                   fmt::format("the multi-Region trail '{}' does not record {} management "
                               "events: select them all (ReadWriteType All)",
                               trail.name, missing));
  }
}

void check_trail_log_validation_off(Checker& checker) {
  if (!checker.needs(AccountExport::kTrails)) return;
  const Account& account = checker.account();
  for (const Trail& trail : trails_of(account)) {
    const json::Document& doc = *account.files[trail.file].doc;
    const NodeId validation = fields::at(doc, trail.node, "LogFileValidationEnabled");
    if (fields::boolean(doc, validation).value_or(true)) continue;
    checker.report(trail.file, doc.node(validation).range,
                   fmt::format("trail '{}' does not validate its log files: turn on log file "
                               "validation (--enable-log-file-validation)",
                               trail.name));
  }
}

void check_config_not_recording_all_resources(Checker& checker) {
  if (!checker.needs(AccountExport::kConfigRecorders)) return;
  const Account& account = checker.account();
  for (std::size_t file : account.files_of(AccountExport::kConfigRecorders)) {
    const json::Document& doc = *account.files[file].doc;
    const NodeId list = doc.find_member(doc.root(), "ConfigurationRecorders");
    if (doc.node(list).child_count == 0) {
      checker.report(file, fields::key_range(doc, list),
                     fmt::format("there is no AWS Config recorder {}: create one that records "
                                 "every resource type",
                                 in_region(region_of(account, file, ""))));
      continue;
    }
    const auto records_all = [&](NodeId recorder) {
      return fields::boolean(doc, fields::at(doc, recorder, "recordingGroup.allSupported"))
                 .value_or(false) ||
             fields::text(doc,
                          fields::at(doc, recorder, "recordingGroup.recordingStrategy.useOnly")) ==
                 "ALL_SUPPORTED_RESOURCE_TYPES";
    };
    bool all = false;
    for (NodeId recorder : doc.children(list)) all = all || records_all(recorder);
    if (all) continue;
    const NodeId recorder = doc.node(list).first_child;
    const NodeId all_supported = fields::at(doc, recorder, "recordingGroup.allSupported");
    const std::string_view arn = fields::text(doc, fields::at(doc, recorder, "arn"));
    checker.report(
        file,
        all_supported != json::kNoNode ? doc.node(all_supported).range : doc.node(recorder).range,
        fmt::format("the AWS Config recorder '{}' records only some resource types {}: "
                    "record all (allSupported true)",
                    fields::text(doc, fields::at(doc, recorder, "name")),
                    in_region(region_of(account, file, arn))));
  }
}

void check_config_recorder_stopped(Checker& checker) {
  if (!checker.needs(AccountExport::kConfigRecorderStatus)) return;
  const Account& account = checker.account();
  for (std::size_t file : account.files_of(AccountExport::kConfigRecorderStatus)) {
    const json::Document& doc = *account.files[file].doc;
    const NodeId list = doc.find_member(doc.root(), "ConfigurationRecordersStatus");
    if (doc.node(list).child_count == 0) {
      checker.report(file, fields::key_range(doc, list),
                     fmt::format("there is no AWS Config recorder {}, so nothing is recorded",
                                 in_region(region_of(account, file, ""))));
      continue;
    }
    for (NodeId status : doc.children(list)) {
      const std::string_view name = fields::text(doc, fields::at(doc, status, "name"));
      const std::string region =
          in_region(region_of(account, file, fields::text(doc, fields::at(doc, status, "arn"))));
      const NodeId recording = fields::at(doc, status, "recording");
      const NodeId last = fields::at(doc, status, "lastStatus");
      if (!fields::boolean(doc, recording).value_or(true)) {
        checker.report(file, doc.node(recording).range,
                       fmt::format("the AWS Config recorder '{}' {} is stopped: start it "
                                   "(aws configservice start-configuration-recorder)",
                                   name, region));
      } else if (fields::text(doc, last) == "FAILURE") {
        checker.report(file, doc.node(last).range,
                       fmt::format("the AWS Config recorder '{}' {} failed its last recording: "
                                   "see lastErrorCode and its role's permissions",
                                   name, region));
      }
    }
  }
}

}  // namespace iamlint::audit
