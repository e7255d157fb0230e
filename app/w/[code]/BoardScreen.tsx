'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, type ReactNode } from 'react';
import { BoardCouldNotOpen } from '../../_components/BoardCouldNotOpen';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { loadSocketIo } from '../../_lib/useControlSocket';
import { BoardFirstScreen } from './BoardFirstScreen';
import { useMe } from './useMe';

/**
 * The board itself, with the Yjs stack it needs (~50 KB gzip), is a chunk of
 * its own: the page hydrates without it, and it downloads while /api/me
 * answers. The download starts as this module loads in the browser, before
 * hydration.
 */
const importScreen = () => import('./WorkshopScreen');
const early = typeof window === 'undefined' ? null : importScreen();
early?.catch(() => undefined); // a failed early download is retried below, when the board renders
// The board connects the moment it renders: have the socket library here by then too.
if (typeof window !== 'undefined') loadSocketIo().catch(() => undefined);
const WorkshopScreen = lazy(() =>
  (early ?? importScreen())
    .catch(importScreen)
    .then((m) => ({ default: m.WorkshopScreen })),
);

function Opening() {
  const t = useTranslations('board');
  return (
    <p role="status" className="mx-auto max-w-xl px-5 py-10 text-lg text-muted">
      {t('opening')}
    </p>
  );
}

/**
 * /w/<code>: the couple's board, once we know who this phone is. Until then, and while the
 * board's chunk loads, the first screen the server rendered from the room's public state
 * (`initial`; null if it could not: then a plain "Opening your board…").
 */
export function BoardScreen({ code, initial, languageMenu }: { code: string; initial: PublicWorkshopState | null; languageMenu: ReactNode }) {
  const state = useMe(code);
  if (state.kind === 'problem') {
    return <BoardCouldNotOpen message={state.message} retry={state.retry} />;
  }
  const me = state.kind === 'ready' ? state.me : null;
  const opening = initial ? <BoardFirstScreen state={initial} me={me} languageMenu={languageMenu} /> : <Opening />;
  if (state.kind === 'loading') return opening;
  return (
    <Suspense fallback={opening}>
      <WorkshopScreen code={code} me={state.me} token={state.token} initial={initial} languageMenu={languageMenu} />
    </Suspense>
  );
}
