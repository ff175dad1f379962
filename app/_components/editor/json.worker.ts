// The JSON language worker, for `.json` files in the workspace (daemon.json, package.json).
import 'monaco-editor/languages/features/json/json.worker';
