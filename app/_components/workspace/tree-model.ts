// The file tree's model: the worker's flat entry list as a nested tree, and the rows a keyboard
// walks (only the children of expanded folders). Pure, so tests replay what a student does.
import type { GitMark, WorkspaceEntry } from '../../_lib/engine/api';

export interface TreeNode {
  path: string;
  name: string;
  type: WorkspaceEntry['type'];
  size: number;
  git?: GitMark;
  depth: number;
  children: TreeNode[];
}

/** Folders first, then files, each by name (what every editor's explorer does). */
function byKindThenName(a: TreeNode, b: TreeNode): number {
  if ((a.type === 'dir') !== (b.type === 'dir')) return a.type === 'dir' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Builds the tree; folders a file implies but the list lacks are added. */
export function toTree(entries: readonly WorkspaceEntry[]): TreeNode[] {
  const root: TreeNode = { path: '', name: '', type: 'dir', size: 0, depth: -1, children: [] };
  const dirs = new Map<string, TreeNode>([['', root]]);
  const dirOf = (path: string): TreeNode => {
    const known = dirs.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parent = dirOf(slash < 0 ? '' : path.slice(0, slash));
    const node: TreeNode = { path, name: path.slice(slash + 1), type: 'dir', size: 0, depth: parent.depth + 1, children: [] };
    parent.children.push(node);
    dirs.set(path, node);
    return node;
  };
  for (const entry of [...entries].sort((a, b) => a.path.length - b.path.length)) {
    if (entry.path === '' || entry.path === '.git' || entry.path.startsWith('.git/')) continue;
    if (entry.type === 'dir') {
      const node = dirOf(entry.path);
      node.git = entry.git;
      continue;
    }
    const slash = entry.path.lastIndexOf('/');
    const parent = dirOf(slash < 0 ? '' : entry.path.slice(0, slash));
    parent.children.push({ path: entry.path, name: entry.path.slice(slash + 1), type: entry.type, size: entry.size, git: entry.git, depth: parent.depth + 1, children: [] });
  }
  const sort = (node: TreeNode) => {
    node.children.sort(byKindThenName);
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

/** The rows on screen: a folder's children only while it is expanded. */
export function visibleRows(tree: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const rows: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const node of nodes) {
      rows.push(node);
      if (node.type === 'dir' && expanded.has(node.path)) walk(node.children);
    }
  };
  walk(tree);
  return rows;
}

/** Every folder path (the tree opens fully expanded: workspaces are small). */
export function allFolders(tree: readonly TreeNode[]): string[] {
  return tree.flatMap((node) => (node.type === 'dir' ? [node.path, ...allFolders(node.children)] : []));
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Checks a name typed for a new or renamed entry; returns the problem in words, or null. Names
 * may contain `/` to create inside folders (`src/app.py`), like VS Code's explorer.
 */
export function checkName(name: string, existing: ReadonlySet<string>, parent: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Type a name.';
  const parts = trimmed.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return 'A name cannot be empty, "." or "..", or start or end with "/".';
  if (parts[0] === '.git') return 'The .git folder belongs to git.';
  const path = parent === '' ? trimmed : `${parent}/${trimmed}`;
  if (existing.has(path)) return `${path} already exists.`;
  return null;
}

/** What the git mark says, for the letter's tooltip and screen readers. */
export const GIT_MARKS: Partial<Record<GitMark, { letter: string; label: string }>> = {
  untracked: { letter: 'U', label: 'untracked' },
  modified: { letter: 'M', label: 'modified' },
  added: { letter: 'A', label: 'added' },
  deleted: { letter: 'D', label: 'deleted' },
};
