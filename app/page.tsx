import { LessonCard } from './_components/lesson/lesson-card';
import { getLessons } from './_lib/lessons';

export default function HomePage() {
  const lessons = getLessons();
  return (
    <div className="page page--home">
      <section className="intro" aria-labelledby="page-title">
        <h1 id="page-title">Learn how Docker images work</h1>
        <p className="lede">
          Layerlab teaches Docker images from the inside: what an image is made of, why its layers make builds
          fast and storage cheap, and the commands you use every day to build, pull, push, tag, inspect and clean
          up images.
        </p>
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons</h2>
        <ol className="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.id}>
              <LessonCard lesson={lesson} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
