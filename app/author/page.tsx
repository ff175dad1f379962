import type { Metadata } from 'next';
import { AuthorWorkbench } from '../_components/author/author-workbench';
import { readCourseFiles } from '../_lib/lessons';

export const metadata: Metadata = {
  title: 'Authoring',
  description: 'Write and check lessons, exercises and labs in your browser; import and export content packs, git repositories and GIFT.',
};

// A static page: the built-in course is read at build time and seeds the instructor's copy,
// which then lives in this browser (IndexedDB) until exported.
export default function AuthorPage() {
  return (
    <div className="page page--playground">
      <h1 className="visually-hidden">Authoring</h1>
      <AuthorWorkbench seed={Object.fromEntries(readCourseFiles())} />
    </div>
  );
}
