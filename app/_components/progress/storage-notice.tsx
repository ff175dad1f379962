// Said once, at the top of the progress pages, when the browser gives us no IndexedDB.
export function ProgressStorageNotice({ storage }: { storage: 'indexeddb' | 'memory' | undefined }) {
  if (storage !== 'memory') return null;
  return (
    <p className="progress-notice" role="status" data-testid="progress-memory-notice">
      This browser does not let Layerlab store data, so your progress is kept only until you close this tab. Export it below to keep a copy.
    </p>
  );
}
