// Saves bytes as a file the browser downloads (a static site has no server to send them).
export function downloadFile(name: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a chosen file's bytes. */
export async function readChosenFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
