// Which Monaco language shows a workspace file. Only the languages the lean Monaco build
// registers (app/_components/editor/monaco-setup.ts); anything else is plain text.
const BY_EXTENSION: Record<string, string> = {
  sh: 'shell',
  bash: 'shell',
  yml: 'yaml',
  yaml: 'yaml',
  md: 'markdown',
  json: 'json',
};

export const DOCKERFILE_LANGUAGE = 'dockerfile';

/** `Dockerfile`, `Dockerfile.prod`, `build.Dockerfile`, `app.dockerfile` are Dockerfiles. */
export function isDockerfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^Dockerfile(\..+)?$/i.test(name) || /\.dockerfile$/i.test(name) || /^Containerfile$/i.test(name);
}

export function languageFor(path: string): string {
  if (isDockerfile(path)) return DOCKERFILE_LANGUAGE;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && BY_EXTENSION[name.slice(dot + 1).toLowerCase()]) || 'plaintext';
}
