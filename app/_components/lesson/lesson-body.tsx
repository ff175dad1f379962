import { renderLessonHtml } from '@/lib/content';

/**
 * The lesson's Markdown, rendered to HTML at build time. The text comes from our own content files
 * and the renderer escapes raw HTML, so injecting the result is safe.
 */
export function LessonBody({ markdown }: { markdown: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: renderLessonHtml(markdown) }} />;
}
