import { sha256Of, type Digest, type Sha256Factory } from '@/lib/util';
import type { HealthConfig, HistoryEntry, ImageConfig, RunConfig } from './config-types';
import {
  type GoField,
  goInt,
  goJsonString,
  goMap,
  goSlice,
  goStrings,
  goStruct,
  goTime,
  omitEmpty,
} from './go-json';

/**
 * The exact bytes of an image config as BuildKit's exporter writes them. `patchImageConfig`
 * (exporter/containerimage/writer.go) unmarshals the frontend's config into a
 * `map[string]json.RawMessage`, replaces `rootfs`, `history` and `created`, and marshals the map
 * again: so top-level keys are sorted, while each value keeps its Go struct field order.
 */

const emptyObject = (): string => '{}';

/** `HealthcheckConfig`: every field `omitempty`, durations as integer nanoseconds. */
export function serializeHealthcheck(h: HealthConfig): string {
  return goStruct([
    ['Test', omitEmpty(h.Test, goStrings)],
    ['Interval', omitEmpty(h.Interval, goInt)],
    ['Timeout', omitEmpty(h.Timeout, goInt)],
    ['StartPeriod', omitEmpty(h.StartPeriod, goInt)],
    ['StartInterval', omitEmpty(h.StartInterval, goInt)],
    ['Retries', omitEmpty(h.Retries, goInt)],
  ]);
}

/** `DockerOCIImageConfig`: `v1.ImageConfig`'s fields, then Docker's Healthcheck, OnBuild, Shell. */
export function serializeRunConfig(c: RunConfig): string {
  return goStruct([
    ['User', omitEmpty(c.User, goJsonString)],
    ['ExposedPorts', omitEmpty(c.ExposedPorts, (m) => goMap(m, emptyObject))],
    ['Env', omitEmpty(c.Env, goStrings)],
    ['Entrypoint', omitEmpty(c.Entrypoint, goStrings)],
    ['Cmd', omitEmpty(c.Cmd, goStrings)],
    ['Volumes', omitEmpty(c.Volumes, (m) => goMap(m, emptyObject))],
    ['WorkingDir', omitEmpty(c.WorkingDir, goJsonString)],
    ['Labels', omitEmpty(c.Labels, (m) => goMap(m, goJsonString))],
    ['StopSignal', omitEmpty(c.StopSignal, goJsonString)],
    ['ArgsEscaped', c.ArgsEscaped === true ? 'true' : undefined],
    // A pointer: omitted only when nil, so an empty healthcheck still writes `{}`.
    ['Healthcheck', c.Healthcheck === undefined ? undefined : serializeHealthcheck(c.Healthcheck)],
    ['OnBuild', omitEmpty(c.OnBuild, goStrings)],
    ['Shell', omitEmpty(c.Shell, goStrings)],
  ]);
}

/** `v1.History`: created, created_by, author, comment, empty_layer (all `omitempty`). */
export function serializeHistoryEntry(h: HistoryEntry): string {
  return goStruct([
    ['created', omitEmpty(h.created, (t) => goJsonString(goTime(t)))],
    ['created_by', omitEmpty(h.created_by, goJsonString)],
    ['author', omitEmpty(h.author, goJsonString)],
    ['comment', omitEmpty(h.comment, goJsonString)],
    ['empty_layer', h.empty_layer === true ? 'true' : undefined],
  ]);
}

/**
 * The config JSON as a string. Present keys follow the Go marshalling of `DockerOCIImage` plus the
 * exporter's patch: `created` and `history` are always written (`null` when absent, as a nil
 * `*time.Time` / nil slice marshal), `diff_ids` is `null` for an image without layers.
 */
export function serializeImageConfig(image: ImageConfig): string {
  const fields: GoField[] = [
    ['architecture', goJsonString(image.architecture)],
    ['author', omitEmpty(image.author, goJsonString)],
    ['config', serializeRunConfig(image.config)],
    ['created', image.created === undefined ? 'null' : goJsonString(goTime(image.created))],
    ['history', image.history === undefined || image.history.length === 0 ? 'null' : goSlice(image.history, serializeHistoryEntry)],
    ['os', goJsonString(image.os)],
    ['os.features', omitEmpty(image['os.features'], goStrings)],
    ['os.version', omitEmpty(image['os.version'], goJsonString)],
    [
      'rootfs',
      goStruct([
        ['type', goJsonString(image.rootfs.type)],
        ['diff_ids', image.rootfs.diff_ids.length === 0 ? 'null' : goStrings(image.rootfs.diff_ids)],
      ]),
    ],
    ['variant', omitEmpty(image.variant, goJsonString)],
  ];
  // Written in sorted key order (json.Marshal of a map); the list above is already sorted.
  return goStruct(fields);
}

/** Image ID: the sha256 of the config bytes (graphdriver store; `docker images` IMAGE ID). */
export async function imageIdOf(configBytes: Uint8Array | string, factory?: Sha256Factory): Promise<Digest> {
  return sha256Of(configBytes, factory);
}

/** Serializes `image` and computes its ID in one go. */
export async function encodeImageConfig(
  image: ImageConfig,
  factory?: Sha256Factory,
): Promise<{ json: string; bytes: Uint8Array; id: Digest; size: number }> {
  const json = serializeImageConfig(image);
  const bytes = new TextEncoder().encode(json);
  return { json, bytes, id: await imageIdOf(bytes, factory), size: bytes.length };
}
