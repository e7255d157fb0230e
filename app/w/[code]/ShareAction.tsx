'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { ShareView } from '../../../lib/protocol';
import { useShareSettings, type ShareSettings } from './shareContext';

type BoardT = ReturnType<typeof useTranslations<'board'>>;

/** Where a share stands, in words; null while it waits for my answer (the question shows instead). */
function statusText(t: BoardT, share: ShareView, settings: ShareSettings): ReactNode {
  switch (share.status) {
    case 'proposed':
      if (share.proposedBy !== settings.mySeat) return null;
      return settings.partnerName ? t.rich('share.waitingForName', { name: settings.partnerName, bdi }) : t('share.waitingForPartner');
    case 'queued':
      return t('share.waitingForFacilitator');
    case 'approved':
      return t('share.onWall');
    case 'declined':
    case 'removed':
      return t('share.notShared');
  }
}

/**
 * Under a revealed entry: "Share with the room", or where that share stands,
 * or (when my partner proposed it) the question whether I agree. Nothing
 * reaches the room unless both agree, and the facilitator sees it without names.
 */
export function ShareAction({ docName, entryId, written }: { docName: string | null; entryId: string; written: boolean }) {
  const t = useTranslations('board');
  const tSave = useTranslations('saveStatus');
  const settings = useShareSettings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  if (!settings) return null;
  const share = settings.byEntry.get(entryId);
  if (!share && (!settings.canPropose || !written || !docName)) return null;

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    setError(await action());
    setBusy(false);
  }

  const asksMe = share?.status === 'proposed' && share.proposedBy !== settings.mySeat;
  return (
    <div className="flex flex-col gap-2">
      {!share && docName && (
        <button
          type="button"
          disabled={busy}
          aria-describedby={noteId}
          onClick={() => run(() => settings.commands.proposeShare(docName, entryId))}
          className="inline-flex min-h-11 items-center gap-2 self-start rounded-lg px-1 text-base text-muted underline-offset-4 hover:text-ink hover:underline disabled:opacity-60"
        >
          <ShareIcon />
          {t('share.propose')}
        </button>
      )}
      {/* Before anything is sent: who decides, and that no name goes with it. */}
      {!share && docName && <p id={noteId} className="text-sm leading-snug text-muted">{tSave('shareNote')}</p>}
      {share && asksMe && (
        <ShareQuestion
          partnerName={settings.partnerName}
          busy={busy}
          onAnswer={(agree) => run(() => settings.commands.answerShare(share.id, agree))}
        />
      )}
      {share && !asksMe && (
        <p className={`flex min-h-11 items-center gap-2 text-base ${share.status === 'approved' ? 'font-semibold text-ok' : 'text-muted'}`}>
          <ShareIcon />
          {statusText(t, share, settings)}
        </p>
      )}
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </div>
  );
}

/** My partner would like this on the room wall: agree, or gently say no. */
export function ShareQuestion({ partnerName, busy, onAnswer }: { partnerName: string | null; busy: boolean; onAnswer: (agree: boolean) => void }) {
  const t = useTranslations('board');
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-accent/50 bg-paper p-3">
      <p className="text-base leading-snug">
        {partnerName ? t.rich('share.askedByName', { name: partnerName, bdi }) : t('share.askedByPartner')}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => onAnswer(true)}
          className="min-h-11 rounded-xl bg-accent px-4 text-base font-semibold text-accent-ink disabled:opacity-60"
        >
          {t('share.agree')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onAnswer(false)}
          className="min-h-11 rounded-xl border border-muted bg-card px-4 text-base font-semibold disabled:opacity-60"
        >
          {t('share.decline')}
        </button>
      </div>
    </div>
  );
}

/** A box with an arrow leaving it: "out to the room". Decorative; the words say it. */
function ShareIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 10V2.5M5 5.5l3-3 3 3" />
      <path d="M3.5 8.5v4a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1v-4" />
    </svg>
  );
}
