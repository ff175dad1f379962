import { analyzeImage, createFileExplorer, formatCiReport, layerStackOf, loadAnalysisImage, type CiRules, type ImageAnalysis } from '@/lib/engine';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { formatAnalysis, formatLayerTree } from './analyze-report';
import { decodeUtf8, describeReadError, type CliIO } from './io';
import { reportDaemonError, withStore } from './state';

export const ANALYZE_USAGE = `Usage:  layerlab analyze [OPTIONS] IMAGE

Explore an image like dive: its layers, efficiency score, wasted bytes and why they are wasted,
and the caches it still carries. Layers are numbered from 1, base first.

Options:
      --json                              Print the analysis (or the layer's files) as JSON
      --layer int                         Show the files layer N adds, modifies and removes
      --ci                                Judge the image with dive's CI rules; exit 1 when one fails
      --ci-config string                  Read the rules from a .dive-ci file
      --lowestEfficiency string           (only valid with --ci) lowest allowable image efficiency (as a ratio between 0-1), otherwise CI validation will fail. (default "0.9")
      --highestWastedBytes string         (only valid with --ci) highest allowable bytes wasted, otherwise CI validation will fail. (default "disabled")
      --highestUserWastedPercent string   (only valid with --ci) highest allowable percentage of bytes wasted (as a ratio between 0-1), otherwise CI validation will fail. (default "0.1")
      --top int                           Wasted paths to list in the text report (default 20)
      --state string                      State directory (default $LAYERLAB_STATE or ./.layerlab)
`;

const RULE_KEYS = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'] as const;

const SPEC = {
  ...STATE_OPTION,
  json: { type: 'bool' },
  ci: { type: 'bool' },
  layer: { type: 'string' },
  top: { type: 'string' },
  'ci-config': { type: 'string' },
  lowestEfficiency: { type: 'string' },
  highestWastedBytes: { type: 'string' },
  highestUserWastedPercent: { type: 'string' },
} as const;

/**
 * `layerlab analyze IMAGE`: the analysis of lib/engine/analysis as dive shows it. `--ci` prints
 * dive's CI report (`PASS`/`FAIL` per rule) and exits 1 when a rule fails; `--layer N` lists that
 * layer's changed files as a tree; `--json` prints either as data instead.
 */
export async function analyzeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, SPEC);
  if (options.bools.has('help')) {
    io.stdout(ANALYZE_USAGE);
    return 0;
  }
  if (options.positionals.length !== 1) throw new UsageError('"layerlab analyze" requires exactly 1 argument.');
  const name = options.positionals[0] as string;
  const json = options.bools.has('json');
  const ci = options.bools.has('ci');
  const layerText = options.strings.get('layer');
  const top = options.strings.get('top');
  if (top !== undefined && !/^\d+$/.test(top)) throw new UsageError(`invalid argument "${top}" for "--top" flag: strconv.ParseInt: parsing "${top}": invalid syntax`);
  if (layerText !== undefined && !/^\d+$/.test(layerText)) {
    throw new UsageError(`invalid argument "${layerText}" for "--layer" flag: strconv.ParseInt: parsing "${layerText}": invalid syntax`);
  }
  const rules = ci ? await ciRules(io, options.strings) : undefined;
  if (rules === null) return 1;
  try {
    return await withStore(io, options, async (store) => {
      if (layerText !== undefined) {
        const image = await loadAnalysisImage(store, name);
        const layer = Number(layerText) - 1;
        if (layer < 0 || layer >= image.layers.length) {
          io.stderr(`layerlab analyze: no layer ${layerText}: ${name} has ${image.layers.length} layer${image.layers.length === 1 ? '' : 's'} (numbered from 1)\n`);
          return 1;
        }
        const stack = await layerStackOf(store, image, io.sha256 ? { sha256: io.sha256 } : {});
        const rows = createFileExplorer(image).walkLayer(layer);
        const about = { id: image.id, tags: image.tags, size: image.size };
        if (json) io.stdout(`${JSON.stringify({ image: about, layer: stack.entries.find((e) => e.layer === layer), files: [...rows] }, null, 2)}\n`);
        else io.stdout(formatLayerTree(stack, layer, rows));
        return 0;
      }
      const analysis: ImageAnalysis = await analyzeImage(store, name, { ...(io.sha256 ? { sha256: io.sha256 } : {}), ...(rules ? { ci: rules } : {}) });
      if (json) io.stdout(`${JSON.stringify(analysis, null, 2)}\n`);
      else if (analysis.ci !== undefined) io.stdout(formatCiReport(analysis.efficiency, analysis.efficiency.wasted, analysis.ci));
      else io.stdout(formatAnalysis(analysis, top !== undefined ? { top: Number(top) } : {}));
      return analysis.ci !== undefined && !analysis.ci.pass ? 1 : 0;
    });
  } catch (error) {
    return reportDaemonError(io, error);
  }
}

/** The rules from `--ci-config FILE` (dive's `.dive-ci`: a `rules:` map), then the flags over them. */
async function ciRules(io: CliIO, strings: ReadonlyMap<string, string>): Promise<Partial<CiRules> | null> {
  const rules: Partial<CiRules> = {};
  const file = strings.get('ci-config');
  if (file !== undefined) {
    let text: string;
    try {
      text = decodeUtf8(await io.readFile(file));
    } catch (error) {
      io.stderr(`layerlab analyze: ${describeReadError(file, error)}\n`);
      return null;
    }
    Object.assign(rules, parseDiveCi(text));
  }
  for (const key of RULE_KEYS) {
    const value = strings.get(key);
    if (value !== undefined) rules[key] = value;
  }
  return rules;
}

/** The `rules:` keys of a `.dive-ci` file (YAML; only the three rule keys are read). */
export function parseDiveCi(text: string): Partial<CiRules> {
  const rules: Partial<CiRules> = {};
  for (const line of text.split('\n')) {
    const match = /^\s+(lowestEfficiency|highestWastedBytes|highestUserWastedPercent)\s*:\s*(.*?)\s*(?:#.*)?$/.exec(line);
    if (match === null) continue;
    rules[match[1] as keyof CiRules] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return rules;
}
