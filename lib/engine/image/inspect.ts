import type { Digest } from '@/lib/util';
import type { ImageConfig, RunConfig } from './config-types';
import { goIndent, goInt, goJsonString, goMap, goStrings, goStruct, goTime, omitEmpty } from './go-json';
import { type Descriptor, serializeDescriptor } from './manifest';
import { serializeRunConfig } from './serialize-config';

/**
 * `docker image inspect`: moby `api/types/image.InspectResponse` as the graphdriver image
 * service (`daemon/images/image_inspect.go`) fills it, with Go's field order and `omitempty`
 * rules. `Parent` and `DockerVersion` are deprecated and `omitempty`: a BuildKit image has
 * neither, so they do not appear.
 */
export interface ImageInspect {
  readonly Id: string;
  readonly RepoTags: readonly string[];
  readonly RepoDigests: readonly string[];
  readonly Parent?: string;
  readonly Comment?: string;
  readonly Created?: string;
  readonly DockerVersion?: string;
  readonly Author?: string;
  readonly Config: RunConfig;
  readonly Architecture: string;
  readonly Variant?: string;
  readonly Os: string;
  readonly OsVersion?: string;
  readonly Size: number;
  readonly GraphDriver?: { readonly Data: Readonly<Record<string, string>> | null; readonly Name: string };
  readonly RootFS: { readonly Type?: string; readonly Layers?: readonly string[] };
  readonly Metadata: { readonly LastTagTime: string };
  readonly Descriptor?: Descriptor;
}

export interface InspectInput {
  readonly id: Digest;
  readonly config: ImageConfig;
  /** Familiar `name:tag` strings (`nginx:latest`), sorted as the store lists them. */
  readonly repoTags?: readonly string[];
  /** `name@sha256:...`, only after a push or pull. */
  readonly repoDigests?: readonly string[];
  /** Bytes of file content in all layers (what `docker images` SIZE shows). */
  readonly size: number;
  /** Parent image ID (classic builds only). */
  readonly parent?: string;
  /** When a tag last pointed here; Go's zero time when never tagged. */
  readonly lastTagTime?: string;
  /**
   * overlay2 directory names of the layers, base first. Docker picks random cache IDs; by
   * default we use the hex of each layer's diffID, which is stable and as long.
   */
  readonly layerDirs?: readonly string[];
  /** Set by the containerd image store (the manifest or index the image came from). */
  readonly descriptor?: Descriptor;
}

const OVERLAY_ROOT = '/var/lib/docker/overlay2';
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * overlay2 `Driver.Metadata` of the top layer: its `diff`, `merged` and `work` directories and,
 * when it has parents, `LowerDir` — the parents' `diff` directories, nearest first.
 */
function overlayData(dirs: readonly string[]): Record<string, string> | null {
  const top = dirs[dirs.length - 1];
  if (top === undefined) return null;
  const lower = dirs.slice(0, -1).reverse().map((d) => `${OVERLAY_ROOT}/${d}/diff`);
  return {
    ...(lower.length > 0 ? { LowerDir: lower.join(':') } : {}),
    MergedDir: `${OVERLAY_ROOT}/${top}/merged`,
    UpperDir: `${OVERLAY_ROOT}/${top}/diff`,
    WorkDir: `${OVERLAY_ROOT}/${top}/work`,
  };
}

/** Builds the object Docker prints for one image. */
export function toImageInspect(input: InspectInput): ImageInspect {
  const { config } = input;
  const diffIds = config.rootfs.diff_ids;
  // The image has no comment of its own: moby falls back to the last history entry's.
  const comment = config.history?.[config.history.length - 1]?.comment;
  return {
    Id: input.id,
    RepoTags: [...(input.repoTags ?? [])],
    RepoDigests: [...(input.repoDigests ?? [])],
    ...(input.parent ? { Parent: input.parent } : {}),
    ...(comment ? { Comment: comment } : {}),
    ...(config.created ? { Created: goTime(config.created) } : {}),
    ...(config.author ? { Author: config.author } : {}),
    Config: config.config,
    Architecture: config.architecture,
    ...(config.variant ? { Variant: config.variant } : {}),
    Os: config.os,
    ...(config['os.version'] ? { OsVersion: config['os.version'] } : {}),
    Size: input.size,
    GraphDriver: { Data: overlayData(input.layerDirs ?? diffIds.map((d) => d.slice('sha256:'.length))), Name: 'overlay2' },
    RootFS: { Type: 'layers', ...(diffIds.length > 0 ? { Layers: [...diffIds] } : {}) },
    Metadata: { LastTagTime: input.lastTagTime === undefined ? ZERO_TIME : goTime(input.lastTagTime) },
    ...(input.descriptor ? { Descriptor: input.descriptor } : {}),
  };
}

/** Compact JSON of one inspect object, in `InspectResponse` field order. */
export function serializeImageInspect(i: ImageInspect): string {
  const str = (s: string | undefined) => omitEmpty(s, goJsonString);
  return goStruct([
    ['Id', goJsonString(i.Id)],
    ['RepoTags', goStrings(i.RepoTags)],
    ['RepoDigests', goStrings(i.RepoDigests)],
    ['Parent', str(i.Parent)],
    ['Comment', str(i.Comment)],
    ['Created', str(i.Created)],
    ['DockerVersion', str(i.DockerVersion)],
    ['Author', str(i.Author)],
    ['Config', serializeRunConfig(i.Config)],
    ['Architecture', goJsonString(i.Architecture)],
    ['Variant', str(i.Variant)],
    ['Os', goJsonString(i.Os)],
    ['OsVersion', str(i.OsVersion)],
    ['Size', goInt(i.Size)],
    [
      'GraphDriver',
      i.GraphDriver === undefined
        ? undefined
        : goStruct([
            ['Data', i.GraphDriver.Data === null ? 'null' : goMap(i.GraphDriver.Data, goJsonString)],
            ['Name', goJsonString(i.GraphDriver.Name)],
          ]),
    ],
    ['RootFS', goStruct([['Type', str(i.RootFS.Type)], ['Layers', omitEmpty(i.RootFS.Layers, goStrings)]])],
    ['Metadata', goStruct([['LastTagTime', goJsonString(i.Metadata.LastTagTime)]])],
    ['Descriptor', i.Descriptor === undefined ? undefined : serializeDescriptor(i.Descriptor)],
  ]);
}

/**
 * What `docker image inspect` writes to stdout: a JSON array indented with four spaces
 * (docker/cli `IndentedInspector`, `json.Indent(..., "", "    ")`) and a newline; `[]` when empty.
 */
export function formatImageInspect(images: readonly ImageInspect[]): string {
  if (images.length === 0) return '[]\n';
  return `${goIndent(`[${images.map(serializeImageInspect).join(',')}]`, '    ')}\n`;
}
