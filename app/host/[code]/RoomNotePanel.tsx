'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { MAX_ROOM_NOTE_CHARS } from '../../../lib/limits';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import type { HostActions } from './useHostActions';

/** Past this many characters left, the field says how many remain. */
const COUNT_FROM = 30;

/**
 * One line from the facilitator to every phone ("Two more minutes, then we gather"). Sending
 * replaces the last one; clearing takes it away. Not a chat: the phones only read it.
 */
export function RoomNotePanel({ state, actions }: { state: PublicWorkshopState; actions: HostActions }) {
  const t = useTranslations('hostNote');
  const [draft, setDraft] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const current = state.note ?? null;
  const left = MAX_ROOM_NOTE_CHARS - draft.length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    if (await actions.note(t('send'), text)) setDraft('');
  }

  return (
    <section aria-labelledby="room-note-heading" className="flex flex-col gap-3 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="room-note-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {current && (
        <div className="rounded-xl border border-line bg-paper px-3 py-2">
          <p className="text-sm text-muted">{t('current')}</p>
          <p dir="auto" className="font-semibold break-words">
            {current.text}
          </p>
          <CompactButton size="sm" className="mt-2" onClick={() => void actions.note(t('clear'), null)}>
            {t('clear')}
          </CompactButton>
        </div>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2">
        <label htmlFor={fieldId} className="text-base font-semibold">
          {t('label')}
        </label>
        <input
          id={fieldId}
          dir="auto"
          type="text"
          enterKeyHint="send"
          maxLength={MAX_ROOM_NOTE_CHARS}
          value={draft}
          onChange={(e) => setDraft(e.target.value.replace(/[\r\n]+/g, ' '))}
          aria-describedby={hintId}
          className="min-h-11 w-full rounded-xl border border-muted bg-card px-3 text-base"
        />
        <p id={hintId} className="text-sm text-muted">
          {left <= COUNT_FROM ? t('left', { count: left }) : t('hint')}
        </p>
        <CompactButton type="submit" variant="primary" className="self-start" aria-disabled={!draft.trim() || undefined}>
          {t('send')}
        </CompactButton>
      </form>
    </section>
  );
}
