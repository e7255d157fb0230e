'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { ParticipantSummary } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { ConfirmButton } from '../../_components/ConfirmDialog';
import { StatusDot } from '../../_components/StatusDot';
import type { HostActions } from './useHostActions';
import type { PairResult } from './useHostConsole';

/**
 * People in the room without a partner on the board yet. Most couples pair
 * themselves with a pair code; this is the facilitator's fallback for two
 * people who cannot (a dead phone camera, a typo, a late arrival).
 */
export function UnpairedList({ people, pair, actions }: { people: ParticipantSummary[]; pair: (a: string, b: string) => Promise<PairResult>; actions: HostActions }) {
  const t = useTranslations('console.unpaired');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  // Someone who left the list (paired themselves meanwhile) cannot stay picked.
  const present = picked.filter((id) => people.some((p) => p.id === id));

  function toggle(id: string, on: boolean) {
    setMessage(null);
    // Keep at most two: picking a third replaces the earliest pick.
    setPicked((current) => (on ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id)));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (present.length !== 2) {
      setMessage({ tone: 'problem', text: t('pickTwo') });
      return;
    }
    setBusy(true);
    const names = present.map((id) => people.find((p) => p.id === id)?.name ?? t('someone'));
    const result = await pair(present[0], present[1]);
    setBusy(false);
    if (result.ok) {
      setPicked([]);
      setMessage({ tone: 'ok', text: t('paired', { a: names[0], b: names[1] }) });
    } else {
      setMessage({ tone: 'problem', text: result.message });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      {people.length === 0 ? (
        <p className="text-base text-muted">{t('everyonePaired')}</p>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-base text-muted">{t('legend')}</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {people.map((p) => (
              <li key={p.id} className="flex items-center gap-2 rounded-xl border border-line bg-card pe-2 has-[:checked]:border-accent has-[:checked]:bg-paper">
                <label className="flex min-h-12 flex-1 cursor-pointer items-center gap-3 px-4 py-2">
                  <input
                    type="checkbox"
                    className="size-5 accent-accent"
                    checked={present.includes(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <bdi className="font-semibold">{p.name}</bdi>
                  <StatusDot tone={p.online ? 'ok' : 'idle'} label={p.online ? t('online') : t('offline')} className="ms-auto text-sm text-muted" />
                </label>
                <ConfirmButton
                  variant="quiet"
                  title={t.rich('removeTitle', { name: p.name, bdi })}
                  body={t.rich('removeBody', { name: p.name, bdi })}
                  confirmLabel={t('removeConfirm', { name: p.name })}
                  onConfirm={() => void actions.remove(t('removeName', { name: p.name }), p.id)}
                >
                  {t.rich('remove', { name: p.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </ConfirmButton>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {people.length > 0 && (
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" busy={busy} busyLabel={t('pairing')}>
            {t('pair')}
          </Button>
          <span className="text-base text-muted">{t('picked', { count: present.length })}</span>
        </div>
      )}
      <p aria-live="polite" className={`text-base ${message?.tone === 'problem' ? 'text-warn' : 'text-ok'}`}>
        {message?.text}
      </p>
    </form>
  );
}
