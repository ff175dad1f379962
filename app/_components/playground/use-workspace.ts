'use client';
// The workspace as the playground shows it: the file list (refreshed whenever the engine says the
// workspace changed, in this tab or another), which example it holds, and the file operations.
// On start it opens the example the URL asks for (a lesson's "Try it"), or the layer example on a
// first visit, then the Dockerfile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineApi, WorkspaceEntry } from '../../_lib/engine/api';
import { useEngineChanges } from '../../_lib/engine/hooks';
import { exampleToOpen, readCurrentExample, writeCurrentExample } from './example-session';
import type { OpenFile } from './use-open-file';

export interface Workspace {
  entries: WorkspaceEntry[];
  /** The example the workspace holds (null for the student's own files). */
  example: string | null;
  /** True once the first listing arrived. */
  ready: boolean;
  /** What went wrong opening the requested example, in words. */
  problem: string | null;
  create(path: string, type: 'file' | 'dir'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  openExample(id: string): Promise<void>;
  /** After "reset this workspace": list the empty workspace, close the file. */
  afterReset(): Promise<void>;
  /** After a lab replaced the files: no example any more; list them and show the Dockerfile. */
  showWorkspace(): Promise<void>;
}

/** The file to show first: the Dockerfile, else the first file. */
function firstFile(entries: readonly WorkspaceEntry[]): string | null {
  const files = entries.filter((e) => e.type === 'file' && !e.path.startsWith('.git/'));
  return (files.find((e) => e.path === 'Dockerfile') ?? files.find((e) => !e.path.includes('/')) ?? files[0])?.path ?? null;
}

export function useWorkspace(engine: EngineApi | null, file: OpenFile, onError: (error: unknown) => void): Workspace {
  const [entries, setEntries] = useState<WorkspaceEntry[]>([]);
  const [example, setExample] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fileRef = useRef(file);
  useEffect(() => {
    fileRef.current = file;
  });

  const refresh = useCallback(async (): Promise<WorkspaceEntry[]> => {
    if (!engine) return [];
    const list = await engine.listWorkspace();
    setEntries(list);
    // The open file went away (deleted here, in the terminal or in another tab).
    const open = fileRef.current.path;
    if (open !== null && !list.some((e) => e.path === open && e.type !== 'dir')) await fileRef.current.open(firstFile(list));
    return list;
  }, [engine]);

  const openExample = useCallback(
    async (id: string) => {
      if (!engine) return;
      setProblem(null);
      try {
        await engine.openExample(id);
      } catch (error) {
        setProblem(`There is no example “${id}” to open. ${error instanceof Error ? error.message : ''}`.trim());
        return;
      }
      writeCurrentExample(id);
      setExample(id);
      const url = new URL(window.location.href);
      url.searchParams.set('example', id);
      window.history.replaceState(null, '', url);
      const list = await refresh();
      await fileRef.current.open(firstFile(list));
    },
    [engine, refresh],
  );

  // Start: list, open what the URL asks for, show the Dockerfile.
  useEffect(() => {
    if (!engine) return;
    let live = true;
    void (async () => {
      try {
        const list = await engine.listWorkspace();
        if (!live) return;
        const current = readCurrentExample();
        const params = new URLSearchParams(window.location.search);
        // A lab (`?lab=<id>`) brings its own files: no example is opened then.
        const open = params.has('lab') ? null : exampleToOpen(params.get('example'), current, list.filter((e) => e.type === 'file').length === 0);
        setExample(current);
        if (open) await openExample(open);
        else {
          setEntries(list);
          await fileRef.current.open(firstFile(list));
        }
      } catch (error) {
        onError(error);
      } finally {
        if (live) setReady(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [engine, openExample, onError]);

  // Changes made elsewhere: the terminal, a build, another tab. After "erase all my data" in
  // any tab, the page starts over.
  useEngineChanges(['workspace'], (change) => {
    if (change.kind === 'erased') window.location.reload();
    else if (engine)
      void refresh()
        .then(() => fileRef.current.reload())
        .catch(onError);
  });

  const showWorkspace = useCallback(async () => {
    writeCurrentExample(null);
    setExample(null);
    const url = new URL(window.location.href);
    url.searchParams.delete('example');
    window.history.replaceState(null, '', url);
    const list = await refresh();
    await fileRef.current.open(firstFile(list));
  }, [refresh]);

  const act = useCallback(
    async (work: () => Promise<void>) => {
      try {
        await work();
      } finally {
        await refresh().catch(onError);
      }
    },
    [refresh, onError],
  );

  return {
    entries,
    example,
    ready,
    problem,
    openExample,
    create: (path, type) =>
      act(async () => {
        if (type === 'dir') await engine?.createDirectory(path);
        else {
          await engine?.writeFile(path, '');
          await fileRef.current.open(path);
        }
      }),
    rename: (from, to) =>
      act(async () => {
        await fileRef.current.flush();
        await engine?.rename(from, to);
        const open = fileRef.current.path;
        if (open === from || (open !== null && open.startsWith(`${from}/`))) await fileRef.current.open(to + open.slice(from.length));
      }),
    remove: (path) =>
      act(async () => {
        // Pending edits of the file are written first, so none lands after the delete.
        await fileRef.current.flush();
        await engine?.remove(path);
      }),
    showWorkspace,
    afterReset: async () => {
      const url = new URL(window.location.href);
      url.searchParams.delete('example');
      window.history.replaceState(null, '', url);
      await fileRef.current.open(null);
      await refresh().catch(onError);
    },
  };
}
