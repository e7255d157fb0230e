'use client';

import Link from 'next/link';
import { useEffect, useRef, type ReactNode } from 'react';
import { buttonClasses } from './Button';
import type { LocaleScope } from '../../lib/i18n/locales';
import { PageHeader } from './PageHeader';

/**
 * A quiet full page for something that is not here (any more): a heading, a few words, the way
 * home, and whatever else fits (`more`). It replaces a whole screen in place, so focus moves to
 * the heading and a screen reader says what happened. The heading is not a control, so it shows
 * no focus ring ("!" beats the global :focus-visible rule).
 */
export function QuietPage({ title, children, home, more, scope = 'room' }: { title: string; children: ReactNode; home: string; more?: ReactNode; scope?: LocaleScope }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <PageHeader scope={scope} />
      <main className="flex flex-col gap-5 pt-10">
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-semibold tracking-tight focus-visible:outline-none!">
          {title}
        </h1>
        <div className="flex flex-col gap-3 text-lg leading-relaxed">{children}</div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Link href="/" className={buttonClasses('secondary')}>
            {home}
          </Link>
          {more}
        </div>
      </main>
    </div>
  );
}
