'use client';

import { useState, type FormEvent } from 'react';
import type { ParticipantSummary } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { StatusDot } from '../../_components/StatusDot';
import type { PairResult } from './useHostConsole';

/**
 * People in the room without a partner on the board yet. Most couples pair
 * themselves with a pair code; this is the facilitator's fallback for two
 * people who cannot (a dead phone camera, a typo, a late arrival).
 */
export function UnpairedList({ people, pair }: { people: ParticipantSummary[]; pair: (a: string, b: string) => Promise<PairResult> }) {
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
      setMessage({ tone: 'problem', text: 'Pick two people to pair.' });
      return;
    }
    setBusy(true);
    const names = present.map((id) => people.find((p) => p.id === id)?.name ?? 'someone');
    const result = await pair(present[0], present[1]);
    setBusy(false);
    if (result.ok) {
      setPicked([]);
      setMessage({ tone: 'ok', text: `Paired ${names[0]} and ${names[1]}. Their phones open the board.` });
    } else {
      setMessage({ tone: 'problem', text: result.message });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      {people.length === 0 ? (
        <p className="text-base text-muted">Everyone who joined is in a couple.</p>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-base text-muted">Pick two people who belong together, then pair them.</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {people.map((p) => (
              <li key={p.id}>
                <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-line bg-card px-4 py-2 has-[:checked]:border-accent has-[:checked]:bg-paper">
                  <input
                    type="checkbox"
                    className="size-5 accent-accent"
                    checked={present.includes(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <span className="font-semibold">{p.name}</span>
                  <StatusDot tone={p.online ? 'ok' : 'idle'} label={p.online ? 'online' : 'offline'} className="ml-auto text-sm text-muted" />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {people.length > 0 && (
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" busy={busy} busyLabel="Pairing…">
            Pair
          </Button>
          <span className="text-base text-muted">{present.length} of 2 picked</span>
        </div>
      )}
      <p aria-live="polite" className={`text-base ${message?.tone === 'problem' ? 'text-warn' : 'text-ok'}`}>
        {message?.text}
      </p>
    </form>
  );
}
