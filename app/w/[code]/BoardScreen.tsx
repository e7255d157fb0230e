'use client';

import { Button } from '../../_components/Button';
import { Notice } from '../../_components/Notice';
import { useMe } from './useMe';
import { WorkshopScreen } from './WorkshopScreen';

/** /w/<code>: the couple's board, once we know who this phone is. */
export function BoardScreen({ code }: { code: string }) {
  const state = useMe(code);
  if (state.kind === 'loading') {
    return (
      <p role="status" className="mx-auto max-w-xl px-5 py-10 text-lg text-muted">
        Opening your board…
      </p>
    );
  }
  if (state.kind === 'problem') {
    return (
      <main className="mx-auto flex max-w-xl flex-col gap-4 px-5 py-10">
        <h1 className="text-2xl font-semibold">Your board could not open</h1>
        <Notice tone="problem">{state.message}</Notice>
        <Button variant="secondary" className="self-start" onClick={state.retry}>
          Try again
        </Button>
      </main>
    );
  }
  return <WorkshopScreen code={code} me={state.me} token={state.token} />;
}
