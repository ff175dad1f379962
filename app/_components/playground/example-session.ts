// Which material example the workspace holds, remembered in localStorage so a reload keeps the
// student's edits instead of opening the example afresh. `?example=<id>` (the lessons' "Try it")
// opens an example when the workspace holds another one, or nothing.

export const CURRENT_EXAMPLE_KEY = 'layerlab.playground.example';
/** What the playground opens on a first visit: the material's first example, the layer concept. */
export const DEFAULT_EXAMPLE = 'layer-concept';

export interface ExampleInfo {
  id: string;
  title: string;
}

export function readCurrentExample(): string | null {
  try {
    return localStorage.getItem(CURRENT_EXAMPLE_KEY);
  } catch {
    return null;
  }
}

export function writeCurrentExample(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(CURRENT_EXAMPLE_KEY);
    else localStorage.setItem(CURRENT_EXAMPLE_KEY, id);
  } catch {
    // Storage disabled: the example simply opens afresh next time.
  }
}

/**
 * What to open when the playground starts: the requested example unless the workspace already
 * holds it, the default example in an empty workspace on a first visit, else nothing.
 */
export function exampleToOpen(requested: string | null, current: string | null, workspaceEmpty: boolean): string | null {
  if (requested) return requested !== current || workspaceEmpty ? requested : null;
  if (workspaceEmpty && current === null) return DEFAULT_EXAMPLE;
  return null;
}

/** The tag a build gets unless the student types another: the example's name. */
export function defaultTag(example: string | null): string {
  return `${example ?? 'app'}:latest`;
}
