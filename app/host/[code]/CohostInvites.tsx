'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { CohostView, CreateCohostResponse, HostTeam } from '../../../lib/protocol';
import { cohostHostId } from '../../../lib/protocol/cohosts';
import { CohostLinkHandover } from './CohostLinkHandover';
import { Button } from '../../_components/Button';
import { ConfirmButton } from '../../_components/ConfirmDialog';
import { StatusDot } from '../../_components/StatusDot';
import { useErrorText } from '../../_i18n/errorText';
import { inviteCohost, listCohosts, revokeCohost } from './cohostApi';
import { hostLabel } from './hostLabel';

/**
 * The facilitator's co-hosts: invite one (a secret link, handed over once by copy or share and
 * never shown, since this console may be on a projector), see who has a console open, revoke.
 * Only the facilitator's console shows this; a co-host's key could not do it anyway.
 */
export function CohostInvites({ code, hostKey, team, title }: { code: string; hostKey: string; team: HostTeam | null; title: string }) {
  const t = useTranslations('cohosts');
  const label = useCallback((h: Pick<CohostView, 'number' | 'name'>) => hostLabel((k, v) => t(k, v), { role: 'cohost', ...h }), [t]);
  const errorText = useErrorText();
  const [cohosts, setCohosts] = useState<CohostView[] | null>(null);
  const [fresh, setFresh] = useState<CreateCohostResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Names and presence change on the team: read the list again then (it is short).
  const teamKey = team ? JSON.stringify(team.hosts.map((h) => [h.id, h.name])) : '';
  useEffect(() => {
    const abort = new AbortController();
    listCohosts(code, hostKey, abort.signal).then(
      (r) => setCohosts(r.cohosts),
      () => {},
    );
    return () => abort.abort();
  }, [code, hostKey, teamKey]);

  async function invite() {
    setBusy(true);
    setError(null);
    try {
      const made = await inviteCohost(code, hostKey);
      setFresh(made);
      setCohosts((list) => [...(list ?? []), made.cohost]);
    } catch (err) {
      setError(t('inviteFailed', { reason: errorText(err) }));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(c: CohostView) {
    setError(null);
    try {
      await revokeCohost(code, hostKey, c.id);
      setCohosts((list) => list?.filter((x) => x.id !== c.id) ?? null);
      if (fresh?.cohost.id === c.id) setFresh(null);
    } catch (err) {
      setError(t('revokeFailed', { name: label(c), reason: errorText(err) }));
    }
  }

  const online = new Set(team?.hosts.map((h) => h.id));
  const active = (cohosts ?? []).filter((c) => c.revokedAt === null);
  return (
    <section aria-labelledby="cohosts-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="cohosts-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-base leading-relaxed text-muted">{t('body')}</p>
      <Button variant="secondary" className="self-start" busy={busy} busyLabel={t('inviting')} onClick={() => void invite()}>
        {t('invite')}
      </Button>
      {fresh && (
        <div className="flex flex-col gap-2 rounded-2xl bg-paper p-4">
          <p className="text-base font-semibold">{t.rich('linkReady', { name: label(fresh.cohost), who: (chunks) => <bdi dir="auto">{chunks}</bdi> })}</p>
          <p className="text-sm text-muted">{t('linkOnce')}</p>
          <CohostLinkHandover url={fresh.url} name={label(fresh.cohost)} shareTitle={title} />
        </div>
      )}
      {active.length > 0 && (
        <ul aria-label={t('listLabel')} className="flex flex-col gap-3">
          {active.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex min-w-0 flex-col">
                <bdi dir="auto" className="font-semibold break-words">
                  {label(c)}
                </bdi>
                <StatusDot tone={online.has(cohostHostId(c.id)) ? 'ok' : 'idle'} label={online.has(cohostHostId(c.id)) ? t('hosting') : t('notHosting')} className="text-sm" />
              </span>
              <ConfirmButton
                label={t('revokeNamed', { name: label(c) })}
                title={t('revokeTitle', { name: label(c) })}
                body={t('revokeBody')}
                confirmLabel={t('revokeConfirm')}
                onConfirm={() => void revoke(c)}
              >
                {t('revoke')}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </section>
  );
}
