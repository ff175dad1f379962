'use client';
import { useSyncExternalStore } from 'react';

/** Wide enough for side-by-side panes (narrower windows stack them). */
export const WIDE = '(min-width: 64rem)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(WIDE);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/**
 * Whether the window is wide; null while hydrating: the layout depends on the window and on saved
 * sizes, which the exported HTML cannot know, so the panes appear once the page runs (no
 * hydration mismatch).
 */
export function useWide(): boolean | null {
  return useSyncExternalStore(subscribe, () => window.matchMedia(WIDE).matches, () => null);
}
