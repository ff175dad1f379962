'use client';
// The file open in the editor: loaded from the engine's workspace, saved back a moment after the
// student stops typing (and at once before a build or when another file opens), reloaded when
// something else (the terminal, another tab) changed it while it had no unsaved edits.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineApi } from '../../_lib/engine/api';

const SAVE_DELAY_MS = 400;

export interface OpenFile {
  path: string | null;
  /** The text as the editor shows it; null while the file loads. */
  text: string | null;
  open(path: string | null): Promise<void>;
  edit(text: string): void;
  /** Writes pending edits now (before a build). */
  flush(): Promise<void>;
  /** Re-reads the file unless it has unsaved edits (after a workspace change elsewhere). */
  reload(): Promise<void>;
}

export function useOpenFile(engine: EngineApi | null, onSaveError: (error: unknown) => void): OpenFile {
  const [path, setPath] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const pending = useRef<{ path: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pathRef = useRef<string | null>(null);

  const flush = useCallback(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const write = pending.current;
    if (!engine || !write) return;
    pending.current = null;
    try {
      await engine.writeFile(write.path, write.text);
    } catch (error) {
      // Keep the edit so the next save tries again; the page shows why it failed.
      pending.current ??= write;
      onSaveError(error);
      throw error;
    }
  }, [engine, onSaveError]);

  const open = useCallback(
    async (next: string | null) => {
      await flush().catch(() => undefined);
      pathRef.current = next;
      if (!engine || next === null) {
        setPath(null);
        setText(null);
        return;
      }
      // Path and text change together: the editor makes one model per path from the text it
      // gets with it, so a path must never arrive with the previous file's text.
      const content = await engine.readFile(next);
      if (pathRef.current !== next) return;
      setPath(next);
      setText(content);
    },
    [engine, flush],
  );

  const edit = useCallback(
    (value: string) => {
      const current = pathRef.current;
      if (current === null) return;
      setText(value);
      pending.current = { path: current, text: value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush().catch(() => undefined), SAVE_DELAY_MS);
    },
    [flush],
  );

  const reload = useCallback(async () => {
    const current = pathRef.current;
    if (!engine || current === null || pending.current) return;
    try {
      const content = await engine.readFile(current);
      if (pathRef.current === current && !pending.current) setText(content);
    } catch {
      // Deleted elsewhere: the tree refresh will pick another file.
    }
  }, [engine]);

  // Leaving the page saves what was typed in the last moment.
  useEffect(() => {
    const save = () => void flush().catch(() => undefined);
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [flush]);

  return { path, text, open, edit, flush, reload };
}
