import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metadata } from 'next';
import { EditorPane } from '../_components/editor/editor-pane';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Write a Dockerfile with live lint, hovers and completions.',
};

// Read at build time: the material's first example, the one that explains layers.
const SAMPLE = 'content/examples/layer-concept/Dockerfile';

export default function PlaygroundPage() {
  const dockerfile = readFileSync(join(process.cwd(), SAMPLE), 'utf8');
  return (
    <div className="page page--playground">
      <h1>Playground</h1>
      <EditorPane initialDockerfile={dockerfile} />
    </div>
  );
}
