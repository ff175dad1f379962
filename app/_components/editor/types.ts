export interface DockerfileEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl+Enter (Cmd+Enter on macOS) in the editor, with the current text. */
  onBuild?(value: string): void;
  /** The editor's accessible name. Default "Dockerfile". */
  ariaLabel?: string;
  /** The model's path, e.g. `Dockerfile` or `app/Dockerfile` (one model per path). */
  path?: string;
  /**
   * Monaco language id of the file (`dockerfile`, `shell`, `yaml`, `markdown`, `json`,
   * `plaintext`). Default: the Dockerfile language. Lint markers attach only to Dockerfiles.
   */
  language?: string;
  /** CSS height of the editor. Default 24rem. */
  height?: string;
  /**
   * The file is still loading: Monaco mounts now (read-only, empty) so its start overlaps the
   * engine's, and the text arrives as `value` with `pending` false. `data-ready` waits for that.
   */
  pending?: boolean;
}

/** Props of the Monaco-backed component behind the lazy wrapper. */
export interface MonacoDockerfileEditorProps extends DockerfileEditorProps {
  /** Called once Monaco is mounted and accepts input. */
  onReady(): void;
}
