'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostSnapshot, PublicWorkshopState } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { CompactButton } from '../../_components/CompactButton';
import { bdi } from '../../_i18n/bdi';
import { RevealAllButton } from './RevealButtons';
import type { HostActions } from './useHostActions';

const figure = (chunks: ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;

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
  const t = useTranslations('console.now');
  const kinds = useTranslations('exerciseKinds');
  // Opened on a workshop that had already ended: nothing just happened, so focus stays where the page put it.
  const [endedOnArrival] = useState(state.phase === 'ended');
  if (state.phase === 'ended') {
    return (
      <Panel>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t('endedLabel')}</p>
        <EndedHeading takeFocus={!endedOnArrival} />
        <p className="max-w-prose text-lg text-muted">{t('endedBody')}</p>
        <p className="max-w-prose text-lg">{t.rich('endedNext', { strong: (chunks) => <span className="font-semibold">{chunks}</span> })}</p>
      </Panel>
    );
  }

  const couples = snapshot?.couples ?? [];
  if (state.phase === 'lobby') {
    const first = state.agenda[0];
    return (
      <Panel>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t('lobbyLabel')}</p>
        <h2 className="text-3xl font-semibold">{t('lobbyHeading')}</h2>
        <p className="text-lg text-muted">
          {snapshot && snapshot.unpaired.length > 0
            ? t('joinedSoFarUnpaired', { couples: couples.length, people: snapshot.unpaired.length })
            : t('joinedSoFar', { couples: couples.length })}
        </p>
        {first && (
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2 pt-2">
            <Button onClick={() => void actions.command(t('start', { name: names[0] }), { type: 'goTo', step: 0 })}>
              {t.rich('startNamed', { name: names[0], bdi })}
            </Button>
            <span className="text-base text-muted">
              {t(first.privateFirst ? 'firstFactsPrivate' : 'firstFacts', { minutes: first.minutes, kind: kinds(`${first.kind}.label`) })}
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
        {t(item.privateFirst ? 'exerciseLabelPrivate' : 'exerciseLabel', { number: step + 1, total: state.agenda.length, kind: kinds(`${item.kind}.label`) })}
      </p>
      <h2 dir="auto" className="text-3xl leading-tight font-semibold">
        {item.title}
      </h2>
      <p className="max-w-prose text-base leading-relaxed">
        <span className="font-semibold text-muted">{t('couplesRead')} </span>
        <bdi>{item.prompt}</bdi>
      </p>
      {note && (
        <aside aria-label={t('noteLabel')} className="max-w-prose rounded-xl border border-line bg-paper px-4 py-3 text-base leading-relaxed">
          <p className="text-sm font-semibold text-muted">{t('noteHeading')}</p>
          <p dir="auto">{note}</p>
        </aside>
      )}
      <p className="text-base">
        {t.rich(item.privateFirst ? 'readyRevealed' : 'ready', { ready, couples: couples.length, revealed, figure })}
      </p>
      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
        <CompactButton
          aria-disabled={step === 0 || undefined}
          onClick={() => step > 0 && void actions.command(t('previous'), { type: 'previous' })}
        >
          {t('previous')}
        </CompactButton>
        <CompactButton variant="primary" aria-disabled={last || undefined} onClick={() => !last && void actions.command(t('next'), { type: 'next' })}>
          {t('next')}
        </CompactButton>
        <span className="text-base text-muted">{last ? t('last') : t.rich('upNext', { name: names[step + 1], bdi })}</span>
        {item.privateFirst && (
          <RevealAllButton className="ms-auto" couples={couples} label={t('revealAll')} actions={actions} />
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
  const t = useTranslations('console.now');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <h2 ref={ref} tabIndex={-1} className="text-3xl font-semibold focus-visible:outline-none!">
      {t('endedHeading')}
    </h2>
  );
}

function Panel({ children }: { children: ReactNode }) {
  const t = useTranslations('console.now');
  return (
    <section aria-label={t('label')} className="flex flex-col gap-3 rounded-3xl border border-line bg-card p-6 shadow-sm">
      {children}
    </section>
  );
}
