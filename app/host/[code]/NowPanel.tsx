'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostSnapshot, PublicWorkshopState } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { CompactButton } from '../../_components/CompactButton';
import { plural } from '../../_lib/plural';
import { KIND_LABEL } from '../new/exerciseKinds';
import type { HostActions } from './useHostActions';

interface NowPanelProps {
  state: PublicWorkshopState;
  snapshot: HostSnapshot | null;
  names: string[];
  actions: HostActions;
}


/**
 * What is happening now and the one obvious next step: start the first
 * exercise, or move on. The facilitator's note is shown here only; phones
 * and the projector never receive it.
 */
export function NowPanel({ state, snapshot, names, actions }: NowPanelProps) {
  // Opened on a workshop that had already ended: nothing just happened, so focus stays where the page put it.
  const [endedOnArrival] = useState(state.phase === 'ended');
  if (state.phase === 'ended') {
    return (
      <Panel>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">Ended</p>
        <EndedHeading takeFocus={!endedOnArrival} />
        <p className="max-w-prose text-lg text-muted">
          Boards are read-only and nobody new can join. Couples keep their boards on their phones to read again.
        </p>
        <p className="max-w-prose text-lg">
          Next: the <span className="font-semibold">Session summary</span>, linked at the top of the console: attendance, timing per exercise and the wall, to
          download or print.
        </p>
      </Panel>
    );
  }

  const couples = snapshot?.couples ?? [];
  if (state.phase === 'lobby') {
    const first = state.agenda[0];
    return (
      <Panel>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">Lobby · couples are joining</p>
        <h2 className="text-3xl font-semibold">Start when the room is ready</h2>
        <p className="text-lg text-muted">
          {plural(couples.length, 'couple', 'couples')} joined so far
          {snapshot && snapshot.unpaired.length > 0 && `, ${plural(snapshot.unpaired.length, 'person', 'people')} not paired yet`}.
        </p>
        {first && (
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2 pt-2">
            <Button onClick={() => void actions.command(`Start ${names[0]}`, { type: 'goTo', step: 0 })}>Start {names[0]}</Button>
            <span className="text-base text-muted">
              {first.minutes} min · {KIND_LABEL[first.kind]}
              {first.privateFirst && ' · private first'}
            </span>
          </div>
        )}
      </Panel>
    );
  }

  const step = state.step;
  const item = state.agenda[step];
  const note = snapshot?.agenda[step]?.facilitatorNote;
  const last = step >= state.agenda.length - 1;
  const ready = couples.filter((c) => c.current?.ready.a && c.current?.ready.b).length;
  const revealed = couples.filter((c) => c.current?.revealed).length;

  return (
    <Panel>
      <p className="text-sm font-semibold tracking-wide text-muted uppercase">
        Exercise {step + 1} of {state.agenda.length} · {KIND_LABEL[item.kind]}
        {item.privateFirst && ' · private first'}
      </p>
      <h2 className="text-3xl leading-tight font-semibold">{item.title}</h2>
      <p className="max-w-prose text-base leading-relaxed">
        <span className="font-semibold text-muted">Couples read: </span>
        {item.prompt}
      </p>
      {note && (
        <aside aria-label="Your note" className="max-w-prose rounded-xl border border-line bg-paper px-4 py-3 text-base leading-relaxed">
          <p className="text-sm font-semibold text-muted">Your note · only on this console</p>
          <p>{note}</p>
        </aside>
      )}
      <p className="text-base">
        <span className="font-semibold tabular-nums">{ready}</span> of {plural(couples.length, 'couple', 'couples')} ready
        {item.privateFirst && (
          <>
            {' · '}
            <span className="font-semibold tabular-nums">{revealed}</span> revealed
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <CompactButton
          aria-disabled={step === 0 || undefined}
          onClick={() => step > 0 && void actions.command('Previous', { type: 'previous' })}
        >
          Previous
        </CompactButton>
        <CompactButton variant="primary" aria-disabled={last || undefined} onClick={() => !last && void actions.command('Next exercise', { type: 'next' })}>
          Next exercise
        </CompactButton>
        <span className="text-base text-muted">{last ? 'This is the last exercise.' : `Up next: ${names[step + 1]}`}</span>
        {item.privateFirst && (
          <CompactButton className="ml-auto" onClick={() => void actions.command('Reveal for everyone', { type: 'revealAll' })}>
            Reveal for everyone
          </CompactButton>
        )}
      </div>
    </Panel>
  );
}

/**
 * Ending disables the button that did it, which would drop focus on the page;
 * it lands here instead, on what happened. A heading, not a control: no ring.
 */
function EndedHeading({ takeFocus }: { takeFocus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <h2 ref={ref} tabIndex={-1} className="text-3xl font-semibold focus-visible:outline-none!">
      This workshop has ended
    </h2>
  );
}

function Panel({ children }: { children: ReactNode }) {
  return (
    <section aria-label="Now" className="flex flex-col gap-3 rounded-3xl border border-line bg-card p-6 shadow-sm">
      {children}
    </section>
  );
}
