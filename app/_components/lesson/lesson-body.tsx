import { renderLessonHtml } from '@/lib/content';
import { getExamples, playgroundHref } from '../../_lib/examples';

/**
 * The lesson's Markdown, rendered to HTML at build time. The text comes from our own content files
 * and the renderer escapes raw HTML, so injecting the result is safe. `::try <id>` lines become
 * "Try it" links that open the playground with that example.
 */
export function LessonBody({ markdown }: { markdown: string }) {
  const exampleTitles = new Map(getExamples().map((e) => [e.id, e.title]));
  return <div className="prose" dangerouslySetInnerHTML={{ __html: renderLessonHtml(markdown, { exampleTitles, tryItHref: playgroundHref }) }} />;
}
