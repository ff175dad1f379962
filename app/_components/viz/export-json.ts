/**
 * "Export JSON" (a top request of dive's users): what a view shows, as the engine gave it,
 * pretty-printed, saved under a name that says which image and which view.
 */

/** `app:latest` + `layers` → `app-latest.layers.json`. */
export function exportFileName(subject: string, view: string): string {
  const slug = subject
    .replace(/^sha256:/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug === '' ? 'layerlab' : slug}.${view}.json`;
}

export function toJsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Saves `data` as a JSON download (browser only). */
export function downloadJson(data: unknown, fileName: string): void {
  downloadFile(fileName, toJsonText(data), 'application/json');
}

/** Saves text or bytes as a file the browser downloads (a static site has no server to send them). */
export function downloadFile(fileName: string, data: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; let the click be handled first.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
