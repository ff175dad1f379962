// The course's issues as the page shows them: per file, in line order, each with the text
// `formatCourseIssue` gives (`content/lessons/3.1/exercises.yaml:12: questions[4].answers[0]: expected string`)
// and the line and column the editor's marker goes to.
import { formatCourseIssue, type CourseIssue } from '@/lib/content';

export interface EditorIssue {
  readonly line?: number;
  readonly column?: number;
  /** What the marker's hover says: the place in the file and the message. */
  readonly message: string;
  /** The full line of the issue list. */
  readonly text: string;
}

export function toEditorIssue(issue: CourseIssue): EditorIssue {
  return {
    ...(issue.line != null ? { line: issue.line } : {}),
    ...(issue.column != null ? { column: issue.column } : {}),
    message: issue.at === '' ? issue.message : `${issue.at}: ${issue.message}`,
    text: formatCourseIssue(issue),
  };
}

/** Issues by file path, each list in line order (issues without a line first). */
export function issuesByPath(issues: readonly CourseIssue[]): Map<string, EditorIssue[]> {
  const byPath = new Map<string, EditorIssue[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path) ?? [];
    list.push(toEditorIssue(issue));
    byPath.set(issue.path, list);
  }
  for (const list of byPath.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return byPath;
}
