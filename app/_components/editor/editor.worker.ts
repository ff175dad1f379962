// Monaco's editor worker (diffs, word ranges, links), bundled locally: no CDN.
import 'monaco-editor/editor/editor.worker';
