#!/usr/bin/env node
// The peer tools/bench compares iamlint with: @cloud-copilot/iam-policy's syntax validator run as
// a linter would run it. It takes files and directories (searched recursively for *.json, as
// iamlint does), parses each file, validates it and prints one line per finding, so the work is
// the same as iamlint's apart from the checks themselves.
//
// Usage: node tools/bench_node_validator.js PATH...   (NODE_PATH names the installed package)
"use strict";
const fs = require("fs");
const path = require("path");
const { validatePolicySyntax } = require("@cloud-copilot/iam-policy");

function collect(target, files) {
  if (!fs.statSync(target).isDirectory()) {
    files.push(target);
    return;
  }
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) collect(child, files);
    else if (entry.name.endsWith(".json")) files.push(child);
  }
}

const files = [];
for (const target of process.argv.slice(2)) collect(target, files);
files.sort();

const out = [];
let failed = false;
for (const file of files) {
  let findings;
  try {
    findings = validatePolicySyntax(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    findings = [{ path: "", message: error.message }];
  }
  for (const finding of findings) out.push(`${file}: ${finding.path}: ${finding.message}`);
  failed ||= findings.length > 0;
}
out.push("");
fs.writeSync(1, out.join("\n"));
process.exitCode = failed ? 1 : 0;
