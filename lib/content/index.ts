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
export {
  collectHeadings,
  collectTryIts,
  escapeHtml,
  renderExerciseMarkdown,
  renderLessonHtml,
  type MarkdownHeading,
  type RenderExerciseOptions,
  type RenderLessonOptions,
  type SafeMarkdownOptions,
} from './markdown';
export { safeImageSrc, safeLinkHref } from './markdown-safety';
export { toSlug } from './slug';
export * from './exercise-types';
export {
  exerciseFileSchema,
  exerciseIdSchema,
  exerciseSchemas,
} from './exercise-schema';
export { formatCourseIssue, formatDataPath } from './course-issues';
export { lessonOfPath, parseExerciseFile, type ParseExerciseOptions, type ParsedExerciseFile } from './parse-exercises';
export { loadCourse, type Course, type LoadedCourse } from './load-course';
export { checkPackPath, PACK_LIMITS, PACK_ROOT, readContentPack, writeContentPack, type ContentPack } from './content-pack';
export { parseGift, type GiftIssue, type ParseGiftOptions, type ParseGiftResult } from './gift/parse';
export { formatGift, type FormatGiftResult } from './gift/format';
