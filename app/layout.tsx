import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import './_components/lesson/lesson.css';

export const metadata: Metadata = {
  title: { default: 'Layerlab', template: '%s · Layerlab' },
  description:
    'Learn Docker images in the browser: lessons on layers, builds, registries and image management.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <rect x="4" y="21" width="24" height="6" rx="2" />
                <rect x="4" y="13" width="24" height="6" rx="2" opacity="0.75" />
                <rect x="4" y="5" width="24" height="6" rx="2" opacity="0.5" />
              </svg>
              <span>Layerlab</span>
            </Link>
            <nav aria-label="Main">
              <ul className="site-nav">
                <li>
                  <Link href="/">Lessons</Link>
                </li>
                <li>
                  <a href="/playground/">Playground</a>
                </li>
                <li>
                  <Link href="/review/">Review</Link>
                </li>
                <li>
                  <Link href="/progress/">Progress</Link>
                </li>
                <li>
                  <a href="/author/">Author</a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Layerlab is a static learning site for Docker images. Commands in the lessons are real Docker commands.</p>
        </footer>
      </body>
    </html>
  );
}
