import { z } from 'zod';

/** Lesson ids are the course's section numbers ("3.1"), kept as strings so "3.10" stays "3.10". */
export const lessonIdSchema = z
  .string()
  .regex(/^\d+(\.\d+)*$/, { error: 'expected a lesson number such as "3.1"' });

/**
 * Front matter of `content/lessons/<id>/lesson.md`. Strict: an unknown key is almost always a
 * typo (`titel:`), and silently ignoring it would hide the author's mistake.
 */
export const lessonFrontMatterSchema = z.strictObject({
  id: lessonIdSchema,
  title: z.string().trim().min(1, { error: 'must not be empty' }),
  /** Position in the course; lessons are listed by `order`, then by id. */
  order: z.number().int({ error: 'expected a whole number' }).positive({ error: 'must be 1 or more' }),
  summary: z.string().trim().min(1, { error: 'must not be empty' }),
  previous: lessonIdSchema.nullable(),
  next: lessonIdSchema.nullable(),
  /** Ids of examples the lesson offers to open in the playground. */
  examples: z.array(z.string().min(1, { error: 'must not be empty' })),
});

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

export interface LessonSection {
  /** Slug used as the heading's `id` on the lesson page. */
  id: string;
  title: string;
}

export interface Lesson extends LessonFrontMatter {
  /** Repository-relative path the lesson was read from. */
  path: string;
  /** The `##` headings of the body, in order. */
  sections: LessonSection[];
  /** Markdown body without the front matter. */
  body: string;
}
