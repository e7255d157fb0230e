'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { CoupleSummary } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmDialog } from '../../_components/ConfirmDialog';
import { bdi } from '../../_i18n/bdi';
import type { HostActions } from './useHostActions';

/** People in the couples a reveal would open who have not tapped ready for the exercise on screen. */
export function notReadyCount(couples: CoupleSummary[]): number {
  return couples
    .filter((c) => c.current && !c.current.revealed)
    .reduce((n, c) => n + c.members.filter((m) => !c.current!.ready[m.seat]).length, 0);
}

/** "Reveal for everyone", asking first with how many people are not ready yet: a reveal cannot be undone. */
export function RevealAllButton({ couples, label, actions, className }: { couples: CoupleSummary[]; label: string; actions: HostActions; className?: string }) {
  const t = useTranslations('reveal');
  const [open, setOpen] = useState(false);
  return (
    <>
      <CompactButton className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </CompactButton>
      {open && (
        <RevealQuestion
          title={t('allTitle')}
          notReady={notReadyCount(couples)}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            void actions.command(label, { type: 'revealAll' });
          }}
        />
      )}
    </>
  );
}

/** A row's "Reveal", asking first ("Reveal for Ana and Ben?") with how many of the two are not ready yet. */
export function RevealCoupleButton({ couple, name, label, what, actions }: { couple: CoupleSummary; name: string; label: string; what: string; actions: HostActions }) {
  const t = useTranslations('reveal');
  const [open, setOpen] = useState(false);
  return (
    <>
      <CompactButton size="sm" aria-label={what} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </CompactButton>
      {open && (
        <RevealQuestion
          title={t.rich('coupleTitle', { name, bdi })}
          notReady={notReadyCount([couple])}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            void actions.command(what, { type: 'revealCouple', coupleId: couple.id });
          }}
        />
      )}
    </>
  );
}

function RevealQuestion({ title, notReady, onCancel, onConfirm }: { title: ReactNode; notReady: number; onCancel: () => void; onConfirm: () => void }) {
  const t = useTranslations('reveal');
  return (
    <ConfirmDialog title={title} confirmLabel={t('confirm')} onCancel={onCancel} onConfirm={onConfirm}>
      <p className="font-semibold text-ink">{t('notReady', { count: notReady })}</p>
      <p className="mt-2">{t('body')}</p>
    </ConfirmDialog>
  );
}
