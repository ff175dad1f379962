import { LessonCard } from './_components/lesson/lesson-card';
import { getCourse, getLessons } from './_lib/lessons';

export default function HomePage() {
  const lessons = getLessons();
  const course = getCourse();
  return (
    <div className="page page--home">
      <section className="intro" aria-labelledby="page-title">
        <h1 id="page-title">Learn how Docker images work</h1>
        <p className="lede">
          Layerlab teaches Docker images from the inside: what an image is made of, why its layers make builds
          fast and storage cheap, and the commands you use every day to build, pull, push, tag, inspect and clean
          up images.
        </p>
        <p>
          Your answers and builds are kept in this browser: see <a href="/progress/">your progress</a> and the questions{' '}
          <a href="/review/">due for review</a>.
        </p>
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons</h2>
        <ol className="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.id}>
              <LessonCard lesson={lesson} exercises={course.lessonExercises(lesson.id).map((e) => e.id)} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
