// Public surface of lib/content. Other areas import only from here.
export { ContentError, isContentError, type ContentErrorCode } from './errors';
export {
  lessonFrontMatterSchema,
  lessonIdSchema,
  type Lesson,
  type LessonFrontMatter,
  type LessonSection,
} from './lesson-schema';
export { parseLesson } from './parse-lesson';
export { sortLessons } from './sort-lessons';
export { collectHeadings, collectTryIts, escapeHtml, renderLessonHtml, type MarkdownHeading, type RenderLessonOptions } from './markdown';
export { toSlug } from './slug';
