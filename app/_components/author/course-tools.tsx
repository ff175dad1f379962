'use client';
// Moving a course in and out: a content pack (zip), a git repository (zip of the working tree
// and .git), GIFT for a lesson's quiz questions, and back to the built-in course. Imports never
// change the course unless everything checks out; refusals list their reasons.
import { useRef, useState, type ChangeEvent } from 'react';
import { formatGift, loadCourse, writeContentPack } from '@/lib/content';
import styles from './author.module.css';
import type { CourseFiles } from './course-files';
import { downloadFile } from '../viz/export-json';
import { readChosenFile } from './download';
import { importGiftIntoLesson } from './gift-import';
import { checkContentPack } from './pack-import';

export type ToolMessage = { kind: 'info'; text: string; details?: readonly string[] } | { kind: 'error'; text: string; details?: readonly string[] };

export interface CourseToolsProps {
  files: CourseFiles;
  lessons: readonly string[];
  onReplace(files: Map<string, string>, message: ToolMessage): Promise<void>;
  onReset(): Promise<void>;
  onMessage(message: ToolMessage): void;
}

export function CourseTools({ files, lessons, onReplace, onReset, onMessage }: CourseToolsProps) {
  const [lesson, setLesson] = useState<string>(lessons[0] ?? '');
  const [confirmReset, setConfirmReset] = useState(false);
  const packInput = useRef<HTMLInputElement>(null);
  const giftInput = useRef<HTMLInputElement>(null);
  const target = lessons.includes(lesson) ? lesson : (lessons[0] ?? '');

  const exportPack = () => {
    downloadFile('layerlab-course.zip', writeContentPack(files), 'application/zip');
    onMessage({ kind: 'info', text: `Exported a content pack with ${files.size} files.` });
  };

  const exportGit = async () => {
    try {
      const { exportGitRepository } = await import('./git-export');
      const { zip, oid } = await exportGitRepository(files);
      downloadFile('layerlab-course-git.zip', zip, 'application/zip');
      onMessage({ kind: 'info', text: `Exported a git repository (commit ${oid.slice(0, 7)} on main, ${files.size} files).` });
    } catch (error) {
      onMessage({ kind: 'error', text: `Could not export the git repository: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const importPack = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const checked = checkContentPack(await readChosenFile(file));
    if (!checked.ok) {
      onMessage({ kind: 'error', text: `${file.name} was refused; the course is unchanged.`, details: checked.errors });
      return;
    }
    await onReplace(checked.files, { kind: 'info', text: `Imported ${file.name}: ${checked.files.size} files, ${checked.lessons} lesson${checked.lessons === 1 ? '' : 's'}, ${checked.exercises} exercises.` });
  };

  const exportGift = () => {
    if (!target) return;
    // From the files as they are now, not the last (debounced) validation: an edit or import a moment ago counts.
    const { text, skipped } = formatGift(loadCourse(files).course.lessonExercises(target));
    downloadFile(`lesson-${target}.gift.txt`, text, 'text/plain;charset=utf-8');
    onMessage({ kind: 'info', text: `Exported the quiz questions of lesson ${target} as GIFT.`, details: skipped.map((s) => `skipped ${s.id}: ${s.reason}`) });
  };

  const importGift = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !target) return;
    const result = importGiftIntoLesson(files, target, await file.text());
    const details = [
      ...result.renamed.map((r) => `renamed ${r.from} to ${r.to} (id taken or of another lesson)`),
      ...result.skipped.map((s) => `skipped ${s.id}: ${s.reason}`),
      ...result.issues,
    ];
    if (result.files === null) {
      onMessage({ kind: 'error', text: `Nothing was imported from ${file.name}.`, details });
      return;
    }
    await onReplace(result.files, { kind: 'info', text: `Imported ${result.added.length} question${result.added.length === 1 ? '' : 's'} from ${file.name} into ${result.path}.`, details });
  };

  return (
    <div className={styles.tools} role="group" aria-label="Import and export">
      <button type="button" onClick={exportPack}>
        Export content pack
      </button>
      <button type="button" onClick={() => void exportGit()}>
        Export git repository
      </button>
      <button type="button" onClick={() => packInput.current?.click()}>
        Import content pack…
      </button>
      <input ref={packInput} type="file" accept=".zip,application/zip" hidden aria-label="Content pack to import" data-testid="author-import-pack" onChange={(e) => void importPack(e)} />
      <span className={styles.toolGroup}>
        <label>
          GIFT lesson
          <select value={target} onChange={(e) => setLesson(e.target.value)}>
            {lessons.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportGift} disabled={!target}>
          Export GIFT
        </button>
        <button type="button" onClick={() => giftInput.current?.click()} disabled={!target}>
          Import GIFT…
        </button>
        <input ref={giftInput} type="file" accept=".gift,.txt,text/plain" hidden aria-label="GIFT file to import" data-testid="author-import-gift" onChange={(e) => void importGift(e)} />
      </span>
      <button
        type="button"
        onBlur={() => setConfirmReset(false)}
        onClick={() => {
          if (!confirmReset) return setConfirmReset(true);
          setConfirmReset(false);
          void onReset();
        }}
      >
        {confirmReset ? 'Really reset? Your changes are lost' : 'Reset to the built-in course'}
      </button>
    </div>
  );
}
