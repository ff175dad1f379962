/**
 * BuildKit build checks about names and casing (`frontend/dockerfile/linter/ruleset.go`,
 * reported from `instructions/parse.go` and `dockerfile2llb/convert.go`): StageNameCasing,
 * FromAsCasing, ConsistentInstructionCasing, DuplicateStageName, ReservedStageName.
 */
import type { InstructionNode } from '../../ast';
import type { LintRule } from '../types';
import { replace } from './shared';

// `s === s.toLowerCase()` / `toUpperCase()`, decided without building the converted string for
// ASCII text (every keyword, checked for each instruction on each keystroke).
function isLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s === s.toLowerCase();
    if (c >= 0x41 && c <= 0x5a) return false;
  }
  return true;
}

function isUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s === s.toUpperCase();
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return true;
}

export const StageNameCasing: LintRule = {
  id: 'StageNameCasing',
  name: 'StageNameCasing',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Stage names should be lowercase.',
  explanation:
    'BuildKit lower-cases stage names, so `AS Builder` is really `builder`, and `--target Builder` or `COPY --from=Builder` ' +
    'only work because they are lower-cased too. Writing the name in lowercase avoids mixing it up with an image name, ' +
    'which must be lowercase anyway.',
  exampleFix: { bad: 'FROM golang:1.21 AS Builder', good: 'FROM golang:1.21 AS builder' },
  check(ctx, report) {
    for (const { stage } of ctx.stages) {
      const args = stage.from.node.args;
      const name = args[2];
      if (args.length !== 3 || !name || isLower(name.value)) continue;
      report({
        node: stage.from.node,
        range: name.range,
        message: `Stage name '${name.value}' should be lowercase`,
        fix: replace(name.range, name.value.toLowerCase(), 'Use a lowercase stage name'),
      });
    }
  },
};

export const FromAsCasing: LintRule = {
  id: 'FromAsCasing',
  name: 'FromAsCasing',
  severity: 'warning',
  source: 'buildkit',
  summary: "The 'as' keyword should match the case of the 'from' keyword.",
  explanation:
    'Instructions and the `AS` keyword are case-insensitive, but `FROM image as name` mixes two styles in one line and makes ' +
    'the stage name harder to spot. Write `FROM ... AS ...` or `from ... as ...`.',
  exampleFix: { bad: 'FROM node:18 as build', good: 'FROM node:18 AS build' },
  check(ctx, report) {
    for (const { stage } of ctx.stages) {
      const node = stage.from.node;
      const as = node.args[1];
      const from = node.rawKeyword;
      // A mixed-case FROM is ConsistentInstructionCasing's business, not this rule's.
      if (node.args.length < 3 || !as || !(isLower(from) || isUpper(from))) continue;
      if (isLower(from) ? isLower(as.value) : isUpper(as.value)) continue;
      report({
        node,
        range: as.range,
        message: `'${as.value}' and '${from}' keywords' casing do not match`,
        fix: replace(as.range, isLower(from) ? 'as' : 'AS', `Use ${isLower(from) ? 'as' : 'AS'}`),
      });
    }
  },
};

export const ConsistentInstructionCasing: LintRule = {
  id: 'ConsistentInstructionCasing',
  name: 'ConsistentInstructionCasing',
  severity: 'warning',
  source: 'buildkit',
  summary: 'All instructions should use the same casing (upper or lower).',
  explanation:
    'Docker accepts `run` as well as `RUN`, but a file that mixes them is harder to scan. BuildKit counts which casing most ' +
    'instructions use and asks the others to follow it; uppercase is the common convention.',
  exampleFix: { bad: 'FROM alpine:3.19\nrun echo hi', good: 'FROM alpine:3.19\nRUN echo hi' },
  check(ctx, report) {
    // Meta ARGs are not part of any stage, and BuildKit does not count them.
    const nodes: InstructionNode[] = [];
    for (const { stage } of ctx.stages) {
      nodes.push(stage.from.node);
      for (const ins of stage.commands) nodes.push(ins.node);
    }
    let lower = 0;
    let upper = 0;
    for (const { rawKeyword: k } of nodes) {
      if (isLower(k)) lower++;
      else if (isUpper(k)) upper++;
    }
    const majorityLower = lower > upper;
    for (const node of nodes) {
      const k = node.rawKeyword;
      const casing = majorityLower && !isLower(k) ? 'lowercase' : !majorityLower && !isUpper(k) ? 'uppercase' : null;
      if (!casing) continue;
      const fixed = casing === 'lowercase' ? k.toLowerCase() : k.toUpperCase();
      report({
        node,
        range: node.keywordRange,
        message: `Command '${k}' should match the case of the command majority (${casing})`,
        fix: replace(node.keywordRange, fixed, `Use ${fixed}`),
      });
    }
  },
};

export const DuplicateStageName: LintRule = {
  id: 'DuplicateStageName',
  name: 'DuplicateStageName',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Stage names should be unique.',
  explanation:
    'When two stages share a name, `COPY --from=name` and `--target name` can only mean one of them, and which one is easy ' +
    'to get wrong. Give each stage a distinct name.',
  exampleFix: { bad: 'FROM node:18 AS build\nFROM node:18 AS build', good: 'FROM node:18 AS deps\nFROM node:18 AS build' },
  check(ctx, report) {
    const seen = new Set<string>();
    for (const { stage } of ctx.stages) {
      const word = stage.from.stageName;
      if (!word) continue;
      if (seen.has(word.value)) {
        report({ node: stage.from.node, range: word.range, message: `Duplicate stage name ${JSON.stringify(word.value)}, stage names should be unique` });
      }
      seen.add(word.value);
    }
  },
};

const RESERVED = new Set(['context', 'scratch']);

export const ReservedStageName: LintRule = {
  id: 'ReservedStageName',
  name: 'ReservedStageName',
  severity: 'warning',
  source: 'buildkit',
  summary: 'Reserved words should not be used as stage names.',
  explanation:
    '`scratch` is the empty base image and `context` names the build context in `COPY --from` and named contexts, so a ' +
    'stage with either name makes those references ambiguous. Pick another name.',
  exampleFix: { bad: 'FROM alpine:3.19 AS scratch', good: 'FROM alpine:3.19 AS base' },
  check(ctx, report) {
    for (const { stage } of ctx.stages) {
      const word = stage.from.stageName;
      if (!word || !RESERVED.has(word.value)) continue;
      report({ node: stage.from.node, range: word.range, message: `Stage name should not use the same name as reserved stage ${JSON.stringify(word.value)}` });
    }
  },
};
