// A file the instructor chose, for the authoring page's imports (downloads: viz/export-json's downloadFile).
/** Reads a chosen file's bytes. */
export async function readChosenFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
