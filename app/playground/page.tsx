import type { Metadata } from 'next';
import { Playground } from '../_components/playground/playground';
import { getExamples } from '../_lib/examples';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Write a Dockerfile, build it in your browser, and see its layers, cache and sizes.',
};

// A static page: the example to open (`?example=<id>`, from a lesson's "Try it") is read in the
// browser; the menu of examples is known at build time.
export default function PlaygroundPage() {
  return (
    <div className="page page--playground">
      <h1 className="visually-hidden">Playground</h1>
      <Playground examples={getExamples()} />
    </div>
  );
}
