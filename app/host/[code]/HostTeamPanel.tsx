'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { MAX_NAME_CHARS } from '../../../lib/limits';
import type { HostTeam } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { StatusDot } from '../../_components/StatusDot';
import { TextField } from '../../_components/TextField';
import { hostLabel } from './hostLabel';
import type { HostTeamState } from './useHostTeam';

/**
 * Who is hosting right now, on every console: the facilitator and each co-host with a console
 * open, live. A co-host names themselves here (their own words, so `dir="auto"`); until then the
 * others see "Co-host 2".
 */
export function HostTeamPanel({ team, rename }: { team: HostTeam; rename: HostTeamState['rename'] }) {
  const t = useTranslations('cohosts');
  const words = (key: 'facilitator' | 'cohostNumbered', values?: { number: number }) => t(key, values);
  const others = team.hosts.filter((h) => h.id !== team.you.id);
  return (
    <section aria-labelledby="hosting-heading" className="flex flex-col gap-3 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="hosting-heading" className="text-lg font-semibold">
        {t('hostingHeading')}
      </h2>
      <ul className="flex flex-col gap-2 text-base">
        <li>
          <StatusDot
            tone="ok"
            label={t.rich('you', { name: hostLabel(words, team.you), consoles: team.you.consoles, who: (chunks) => <bdi dir="auto">{chunks}</bdi> })}
          />
        </li>
        {others.map((h) => (
          <li key={h.id}>
            <StatusDot tone="ok" label={t.rich('other', { name: hostLabel(words, h), consoles: h.consoles, who: (chunks) => <bdi dir="auto">{chunks}</bdi> })} />
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="text-sm text-muted">{t('aloneHint')}</p>}
      {team.you.role === 'cohost' && <NameForm current={team.you.name} rename={rename} />}
    </section>
  );
}

function NameForm({ current, rename }: { current: string | null; rename: HostTeamState['rename'] }) {
  const t = useTranslations('cohosts');
  const [name, setName] = useState(current ?? '');
  const [said, setSaid] = useState<'saved' | 'failed' | 'empty' | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setSaid('empty');
    const result = await rename(name);
    setSaid(result.ok ? 'saved' : 'failed');
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 border-t border-line pt-3">
      <TextField
        label={t('nameLabel')}
        hint={t('nameHint')}
        value={name}
        dir="auto"
        maxLength={MAX_NAME_CHARS}
        autoComplete="nickname"
        onChange={(e) => setName(e.target.value)}
        error={said === 'empty' ? t('nameEmpty') : null}
      />
      <CompactButton type="submit" className="self-start">
        {t('nameSave')}
      </CompactButton>
      <p aria-live="polite" className="min-h-6 text-base">
        {said === 'saved' && t('nameSaved')}
        {said === 'failed' && <span className="text-warn">{t('nameNotSaved')}</span>}
      </p>
    </form>
  );
}
