/**
 * The contract between the page and the engine worker (issue 6 item 1). The worker
 * (`app/_worker/engine.worker.ts`) owns every piece of engine state — the IndexedDB image store,
 * the workspace files, the terminal session, builds — and exposes exactly this interface over
 * Comlink; the UI only holds what these calls return. Callbacks are passed as Comlink proxies.
 * Everything returned is structured-clone safe (plain data), and every view's data is the
 * engine's own JSON-ready analysis type, so "Export JSON" is `JSON.stringify` of what was shown.
 */
import type {
  BuildEvent,
  DirPage,
  EngineErrorCode,
  ImageAnalysis,
  ImageDiff,
  SharingReport,
  StageGraph,
} from '@/lib/engine';
import type { Completion, TerminalRunResult } from '@/lib/cli';
import type { LabExercise } from '@/lib/content';
import type { LabResult } from '@/lib/grading';

export type GitMark = 'untracked' | 'modified' | 'added' | 'deleted' | 'unmodified' | 'ignored';

export interface WorkspaceEntry {
  /** Relative to the workspace root, `/`-separated, no leading slash (`src/app.py`). */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size: number;
  /** git's view when the workspace is a repository (`git status` marks in the file tree). */
  git?: GitMark;
}

export interface BuildRequest {
  /** Path of the Dockerfile in the workspace (default `Dockerfile`). */
  dockerfile?: string;
  /** `-t` (default `app:latest`, named after the example when one is open). */
  tag?: string;
  noCache?: boolean;
  /**
   * The log's form: BuildKit's `plain` lines (default; readable in any log view) or the redrawn
   * `tty` view with colours and cursor moves (for an xterm `width` columns wide, default 80).
   */
  progress?: 'plain' | 'tty';
  width?: number;
}

export interface BuildStepSummary {
  /** `[2/4] RUN pip install …` as BuildKit labels it. */
  label: string;
  instruction: string;
  stage: string | null;
  cached: boolean;
  /** Seconds the step would take for real (downloads, installs) and the ms it took here. */
  simulatedSeconds: number;
  realMs: number;
  /** The layer it produced, when it produced one. */
  layer?: { diffId: string; size: number };
}

export interface BuildOutcome {
  ok: boolean;
  /** Docker's error text (BuildKit snippet + `ERROR: failed to build: …`) when not ok. */
  error?: string;
  /** Why it failed when the engine knows: `quota` (the browser's storage is full; nothing was written), `cancelled`, … */
  code?: EngineErrorCode;
  imageId?: string;
  tags: string[];
  size?: number;
  steps: BuildStepSummary[];
  simulatedSeconds: number;
  realMs: number;
  /** The previous build of the same tag: what makes "5 min → 5 s" visible. */
  previous?: { simulatedSeconds: number; realMs: number; steps: BuildStepSummary[] };
  /** Stage graph with builder vs final sizes (multi-stage builds). */
  stageGraph?: StageGraph;
}

export interface ImageSummary {
  id: string;
  /** Familiar `repo:tag` names; empty for a dangling image. */
  tags: string[];
  size: number;
  created: string;
  layers: number;
}

export interface HistoryRow {
  id: string;
  created: string;
  createdBy: string;
  size: number;
  comment: string;
  emptyLayer: boolean;
}

export interface StorageState {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** What a terminal line printed, in order, as the terminal would show it. */
export type OutputSink = (stream: 'stdout' | 'stderr', text: string) => void;

export interface TerminalApi {
  prompt(): Promise<string>;
  /** Runs typed or pasted text; resolves when it finished (or was cancelled). */
  run(text: string, output: OutputSink): Promise<TerminalRunResult & { prompt: string }>;
  /** Ctrl+C: cancels what `run` is doing (`^C`, exit 130). */
  cancel(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  history(): Promise<string[]>;
  /**
   * The terminal's size changed (fit to its pane): the session's `COLUMNS` / `LINES`, so BuildKit's
   * tty frame and other width-aware output fit the screen and its cursor moves redraw in place.
   * Optional: a terminal without it stays at the session's default (80 columns).
   */
  resize?(columns: number, rows: number): void;
}

/** Labs in the playground (issue 7; implemented in `app/_worker/labs.ts`). */
export interface LabApi {
  /** Workspace reset to the lab's starter files, a fresh terminal, its setup lines run silently, the history marked. */
  openLab(lab: LabExercise): Promise<void>;
  /** Builds `lab.build` when given, then grades the store, the terminal history since `openLab`, the workspace and that build. */
  gradeLab(lab: LabExercise): Promise<LabResult>;
  /** Runs the lab's starter or reference solution in a scratch engine and grades it (the authoring page). */
  tryLab(lab: LabExercise, which: 'starter' | 'solution'): Promise<{ result: LabResult; transcript: string }>;
}

export interface EngineApi extends LabApi {
  /** Opens the store and the workspace; resolves when the engine can take calls. */
  ready(): Promise<StorageState>;

  // The workspace (the student's files: lightning-fs in IndexedDB)
  listWorkspace(): Promise<WorkspaceEntry[]>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  createDirectory(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Replaces the workspace with a material example (`content/examples/<id>`). */
  openExample(id: string): Promise<void>;

  // Builds (the Build button, Ctrl+Enter)
  build(request: BuildRequest, onEvent: (event: BuildEvent) => void, onLog: (text: string) => void): Promise<BuildOutcome>;
  cancelBuild(): void;
  lastBuild(): Promise<BuildOutcome | null>;

  // The terminal
  readonly terminal: TerminalApi;

  // Views
  listImages(): Promise<ImageSummary[]>;
  analyzeImage(ref: string): Promise<ImageAnalysis>;
  listLayerFiles(ref: string, layer: number, dir: string, page?: { offset: number; limit: number }): Promise<DirPage>;
  listImageFiles(ref: string, dir: string, page?: { offset: number; limit: number }): Promise<DirPage>;
  storageSharing(): Promise<SharingReport>;
  diffImages(a: string, b: string): Promise<ImageDiff>;
  history(ref: string): Promise<HistoryRow[]>;

  // Storage
  storage(): Promise<StorageState>;
  requestPersistence(): Promise<boolean>;
  /** Empties the workspace (files and terminal), keeping images. */
  resetWorkspace(): Promise<void>;
  /** Deletes everything Layerlab stored in this browser. */
  eraseAll(): Promise<void>;
}

/**
 * Sent on the `layerlab` BroadcastChannel by whichever tab's worker changed something, so every
 * open tab refreshes its views (and never caches engine state of its own).
 */
export type EngineChange = { kind: 'images' } | { kind: 'workspace' } | { kind: 'erased' };
export const CHANGE_CHANNEL = 'layerlab';
