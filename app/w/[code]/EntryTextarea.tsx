'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { MAX_ENTRY_CHARS } from '../../../lib/limits';
import { LengthLimitNote, limitNoteShown, useLengthLimit } from '../../_components/LengthLimit';
import { diffText, transformIndex, type DeltaOp } from '../../_lib/textDiff';

/** Lets the phone's keyboard finish sliding in before we scroll, or the field ends up under it. */
const KEYBOARD_SETTLE_MS = 300;

function growToFit(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

interface EntryTextareaProps {
  /** The entry's text, or null for an answer not written yet (see `onCreate`). */
  text: Y.Text | null;
  /** Creates the entry on the first keystroke, so merely looking at a question writes nothing. */
  onCreate?: () => Y.Text;
  label: string;
  colorClass: string;
  autoFocus?: boolean;
  /** Locked or ended: readable and focusable, not editable. */
  readOnly?: boolean;
  onTyping: () => void;
}

/**
 * A textarea bound to one entry's Y.Text. It is uncontrolled on purpose:
 * each keystroke becomes a minimal splice on the Y.Text, and edits arriving
 * from elsewhere rewrite the value and carry the caret through the change,
 * so the person typing never sees it jump.
 */
export function EntryTextarea({ text, onCreate, label, colorClass, autoFocus = false, readOnly = false, onTyping }: EntryTextareaProps) {
  const t = useTranslations('board');
  const ref = useRef<HTMLTextAreaElement>(null);
  // Marks our own transactions so the observer can skip echoes of them.
  const [origin] = useState(() => ({ source: 'entry-textarea' }));
  const limit = useLengthLimit(MAX_ENTRY_CHARS);
  const { follow } = limit;
  const limitId = `${useId()}-limit`;

  useEffect(() => {
    const el = ref.current;
    if (!el || !text) return;
    // Equal right after `onCreate`: rewriting the value would only move the caret.
    if (el.value !== text.toString()) el.value = text.toString();
    follow(el.value);
    growToFit(el);
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return;
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection } = el;
      const delta = event.delta as DeltaOp[];
      el.value = text.toString();
      follow(el.value);
      if (focused) {
        el.setSelectionRange(transformIndex(selectionStart, delta), transformIndex(selectionEnd, delta), selectionDirection ?? undefined);
      }
      growToFit(el);
    };
    text.observe(onRemote);
    return () => text.unobserve(onRemote);
  }, [text, origin, follow]);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  function onInput(e: FormEvent<HTMLTextAreaElement>) {
    const el = e.currentTarget;
    const target = text ?? onCreate?.() ?? null;
    const change = target ? diffText(target.toString(), el.value, el.selectionEnd) : null;
    if (target && change && target.doc) {
      target.doc.transact(() => {
        if (change.remove > 0) target.delete(change.index, change.remove);
        if (change.insert) target.insert(change.index, change.insert);
      }, origin);
    }
    limit.track(el.value);
    growToFit(el);
    onTyping();
  }

  function onFocus(e: FormEvent<HTMLTextAreaElement>) {
    const el = e.currentTarget;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.setTimeout(() => {
      if (document.activeElement === el) el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }, KEYBOARD_SETTLE_MS);
  }

  return (
    <>
      <textarea
        ref={ref}
        aria-label={label}
        aria-describedby={limitNoteShown(limit.state) ? limitId : undefined}
        onPaste={readOnly ? undefined : limit.onPaste}
        dir="auto"
        rows={2}
        maxLength={MAX_ENTRY_CHARS}
        readOnly={readOnly}
        onInput={onInput}
        onFocus={onFocus}
        placeholder={readOnly ? '' : t('writeHere')}
        className={`block min-h-24 w-full resize-none rounded-xl border px-4 py-3 text-lg leading-relaxed text-ink placeholder:text-muted ${readOnly ? 'border-line bg-paper' : 'border-muted bg-card'} ${colorClass}`}
      />
      {!readOnly && <LengthLimitNote id={limitId} state={limit.state} />}
    </>
  );
}
