'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { MAX_PULSE_WORD_CHARS, PULSE_SCORES } from '../../../lib/protocol/roomMoments';
import { Button } from '../../_components/Button';
import { useErrorText } from '../../_i18n/errorText';
import type { ControlSocket } from '../../_lib/useControlSocket';
import { usePulse } from './usePulse';

/**
 * "How was this for you?" at the end: a number from 1 to 5 and, if the person likes, one word.
 * Anonymous in the summary; the person can come back and change it.
 */
export function ClosingPulse({ socket }: { socket: ControlSocket | null }) {
  const t = useTranslations('pulse');
  const errorText = useErrorText();
  const { saved, loaded, send } = usePulse(socket);
  const [score, setScore] = useState<number | null>(null);
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  // What the server has fills the form once, so a reload shows the answer given.
  useEffect(() => {
    if (!loaded || !saved) return;
    setScore((s) => s ?? saved.score);
    setWord((w) => w || (saved.word ?? ''));
  }, [loaded, saved]);

  const changed = saved === null || saved.score !== score || (saved.word ?? '') !== word.trim();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (score === null) return;
    setBusy(true);
    setProblem(null);
    const refused = await send({ score, word: word.trim() || null });
    setBusy(false);
    if (refused) setProblem(t('failed', { reason: errorText(refused) }));
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4 rounded-3xl border-2 border-line bg-card p-5">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <p className="text-base leading-relaxed text-muted">{t('body')}</p>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-5">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-base font-semibold">{t('scale')}</legend>
          <div className="grid grid-cols-5 gap-1 min-[360px]:gap-2">
            {PULSE_SCORES.map((n) => (
              <label
                key={n}
                className={`flex min-h-14 cursor-pointer items-center justify-center rounded-xl border-2 text-xl font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent ${
                  score === n ? 'border-accent bg-accent text-accent-ink' : 'border-muted bg-card text-ink'
                }`}
              >
                <input type="radio" name={`${id}-score`} value={n} checked={score === n} onChange={() => setScore(n)} className="sr-only" />
                {t('score', { score: n })}
              </label>
            ))}
          </div>
          <p className="flex justify-between gap-4 text-sm text-muted">
            <span>{t('low')}</span>
            <span className="text-end">{t('high')}</span>
          </p>
        </fieldset>
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-word`} className="text-base font-semibold">
            {t('word')}
          </label>
          <p id={`${id}-hint`} className="text-sm text-muted">
            {t('wordHint', { max: MAX_PULSE_WORD_CHARS })}
          </p>
          <input
            id={`${id}-word`}
            dir="auto"
            value={word}
            maxLength={MAX_PULSE_WORD_CHARS}
            onChange={(e) => setWord(e.target.value)}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            className="min-h-12 w-full rounded-xl border border-muted bg-card px-4 text-lg text-ink"
          />
        </div>
        <Button type="submit" disabled={score === null || !changed} busy={busy} busyLabel={t('sending')} className="self-start">
          {saved ? t('update') : t('send')}
        </Button>
        <p role="status" className="text-base">
          {saved && !changed ? t('thanks') : ''}
        </p>
        {problem && (
          <p role="alert" className="text-base text-warn">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
