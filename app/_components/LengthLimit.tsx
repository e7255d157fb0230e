'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ClipboardEvent } from 'react';
import { useAnnounce, useAnnounceChange } from './Announcer';

/** The countdown shows from this share of the limit on… */
const COUNTDOWN_FROM_SHARE = 0.8;
/** …and is said aloud only in this last share of it (and at the limit), not at every keystroke before. */
const NEAR_END_SHARE = 0.1;

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * How many characters of `pasted` the field's maxLength will drop: the browser cuts a paste to
 * fit without a word, so we count first. A text input drops line breaks; a textarea keeps them
 * as one "\n" each.
 */
export function pasteOverflow(el: Field, pasted: string, max: number): number {
  const text = el instanceof HTMLTextAreaElement ? pasted.replace(/\r\n?/g, '\n') : pasted.replace(/[\r\n]/g, '');
  const selected = Math.max(0, (el.selectionEnd ?? el.value.length) - (el.selectionStart ?? el.value.length));
  const room = Math.max(0, max - (el.value.length - selected));
  return Math.max(0, text.length - room);
}

export interface LengthLimitState {
  length: number;
  max: number;
  /** Characters the last paste lost, and which paste it was (so the same count twice is said twice). */
  cut: { count: number; paste: number } | null;
}

/** Whether the note under the field has anything to say (the field points at it only then). */
export function limitNoteShown({ length, max, cut }: LengthLimitState): boolean {
  return cut !== null || length >= max * COUNTDOWN_FROM_SHARE;
}

/** A field's length against its limit: `track` each new value, `onPaste` on the field. */
export function useLengthLimit(max: number) {
  const [length, setLength] = useState(0);
  const [cut, setCut] = useState<LengthLimitState['cut']>(null);
  const pastes = useRef(0);
  const pasting = useRef(false);
  const follow = useCallback((value: string) => setLength(value.length), []);
  return {
    state: { length, max, cut } satisfies LengthLimitState,
    onPaste(e: ClipboardEvent<Field>) {
      const over = pasteOverflow(e.currentTarget, e.clipboardData.getData('text'), max);
      pasting.current = true;
      setCut(over > 0 ? { count: over, paste: ++pastes.current } : null);
    },
    /** After the person's own input: a keystroke after a cut paste clears the notice. */
    track(value: string) {
      setLength(value.length);
      if (pasting.current) pasting.current = false;
      else setCut(null);
    },
    /** A change from elsewhere (the partner, a reload): the count follows, the notice stays. The same function every render. */
    follow,
  };
}

/** "12 characters left" near the limit, and what a paste lost; said politely only near the end. */
export function LengthLimitNote({ id, state }: { id: string; state: LengthLimitState }) {
  const t = useTranslations('limits');
  const announce = useAnnounce();
  const { length, max, cut } = state;
  const remaining = Math.max(0, max - length);
  const nearEnd = remaining <= Math.floor(max * NEAR_END_SHARE);
  useAnnounceChange(remaining === 0 ? 'full' : nearEnd ? 'near' : 'room', (_from, to) => (to === 'room' ? null : t('charactersLeft', { count: remaining })));
  useEffect(() => {
    if (cut) announce(t('pasteCut', { count: cut.count }));
  }, [cut, announce, t]);
  if (!limitNoteShown(state)) return null;
  return (
    <p id={id} className="flex flex-wrap gap-x-3 text-sm text-muted">
      {cut && <span className="font-semibold text-warn">{t('pasteCut', { count: cut.count })}</span>}
      {length >= max * COUNTDOWN_FROM_SHARE && <span className={nearEnd ? 'font-semibold text-ink' : ''}>{t('charactersLeft', { count: remaining })}</span>}
    </p>
  );
}
