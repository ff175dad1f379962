// Monaco, bundled with the app (no CDN) and lean: the editor core, its standard features, and
// only the languages a Docker workspace shows (our Dockerfile support, shell, YAML, Markdown,
// JSON). Imported only by the lazy editor chunk, so pages without an editor never load it.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/features/json/register';
import { loader } from '@monaco-editor/react';
import { registerDockerfileSupport, toImageCatalog, type DockerfileSupport, type ImageCatalog, type MonacoApi } from '@/lib/editor';

// Every worker label Monaco asks for gets its own worker: the JSON language needs its language
// worker (handing it the editor worker breaks it); everything else uses the editor worker. No
// TypeScript worker: it is 6.5 MB and no workspace file needs it.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module', name: 'json' });
    return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: label });
  },
};

// @monaco-editor/react would otherwise fetch Monaco from a CDN. Its type for `monaco` is the
// full package's namespace; the lean entry has the same editor API.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

// Monaco's own vs / vs-dark themes miss WCAG AA contrast in a few places (red `--flag` names on
// white, dark-theme comments, dimmed line numbers): these keep their look and fix those colours
// (every token ≥ 4.5:1 on the editor background). The page's axe-core test checks it.
monaco.editor.defineTheme('layerlab-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'attribute.name', foreground: 'b31d28' },
    { token: 'comment', foreground: '2a6e2a' },
  ],
  colors: { 'editorLineNumber.foreground': '#57606a', 'editorLineNumber.dimmedForeground': '#57606a' },
});
monaco.editor.defineTheme('layerlab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fbf7a' }],
  colors: { 'editorLineNumber.foreground': '#9da7b3', 'editorLineNumber.dimmedForeground': '#9da7b3' },
});

let images: ImageCatalog | undefined;
let loading: Promise<ImageCatalog> | undefined;

/** The hub's image list (its data and schema, ~120 KB gzip), loaded once. */
function imageCatalog(): Promise<ImageCatalog> {
  loading ??= import('@/lib/engine').then(({ loadHubCatalog, HUB_FILES }) => (images = toImageCatalog(loadHubCatalog(HUB_FILES))));
  return loading;
}

/**
 * Loads the image list for completions, hovers and tag pins once the editor is up and the browser
 * is idle, so it never delays typing. A request before then (Ctrl+Space, Ctrl+.) loads it at once.
 */
export function loadImageCatalog(): void {
  const load = () => void imageCatalog().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

export const dockerfileSupport: DockerfileSupport = registerDockerfileSupport(monaco as MonacoApi, { images: () => images ?? imageCatalog() });

export { monaco };
