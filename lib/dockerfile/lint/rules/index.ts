/**
 * The rule table. Ids are stable: hadolint's DLxxxx, BuildKit's check names, and our own
 * LL1xxx, which are never renumbered (retired ids are not reused).
 */
import type { LintRule } from '../types';
import { ConsistentInstructionCasing, DuplicateStageName, FromAsCasing, ReservedStageName, StageNameCasing } from './buildkit-naming';
import { JSONArgsRecommended, LegacyKeyValueFormat, MaintainerDeprecated, MultipleInstructionsDisallowed, NoEmptyContinuation } from './buildkit-syntax';
import {
  ExposeInvalidFormat, ExposeProtoCasing, FromPlatformFlagConstDisallowed, InvalidDefaultArgInFrom, RedundantTargetPlatform,
  SecretsUsedInArgOrEnv, UndefinedArgInFrom, UndefinedVar, WorkdirRelativePath,
} from './buildkit-vars';
import { DL3008, DL3009, DL3014, DL3015, DL3027 } from './hadolint-apt';
import { DL3006, DL3007, DL3022, DL3023, DL3024 } from './hadolint-from';
import { DL3000, DL3002, DL3020, DL3021, DL3025, DL3045, DL4000, DL4003, DL4004 } from './hadolint-instructions';
import { DL3013, DL3016, DL3018, DL3019, DL3042, DL3060 } from './hadolint-packages';
import { DL3003, DL3004, DL3059, DL4001, DL4006 } from './hadolint-shell';
import { LL1001, LL1004, LL1007 } from './layerlab-cache';
import { LL1006 } from './layerlab-cleanup';
import { LL1002, LL1003, LL1005 } from './layerlab-final-image';

export const lintRules: readonly LintRule[] = [
  // hadolint
  DL3000, DL3002, DL3003, DL3004, DL3006, DL3007, DL3008, DL3009, DL3013, DL3014, DL3015, DL3016, DL3018, DL3019, DL3020,
  DL3021, DL3022, DL3023, DL3024, DL3025, DL3027, DL3042, DL3045, DL3059, DL3060, DL4000, DL4001, DL4003, DL4004, DL4006,
  // BuildKit build checks
  StageNameCasing, FromAsCasing, ConsistentInstructionCasing, DuplicateStageName, ReservedStageName, JSONArgsRecommended,
  MaintainerDeprecated, NoEmptyContinuation, LegacyKeyValueFormat, UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom,
  WorkdirRelativePath, SecretsUsedInArgOrEnv, MultipleInstructionsDisallowed, ExposeProtoCasing, ExposeInvalidFormat,
  RedundantTargetPlatform, FromPlatformFlagConstDisallowed,
  // Layerlab
  LL1001, LL1002, LL1003, LL1004, LL1005, LL1006, LL1007,
];
