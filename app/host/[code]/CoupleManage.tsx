'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { CoupleSummary } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmButton } from '../../_components/ConfirmDialog';
import { coupleName } from './consoleText';
import type { HostActions } from './useHostActions';

/**
 * The rare, drastic actions for one couple, folded away so they are not hit
 * by accident: unpair (a wrong pairing: the server deletes the couple's
 * board) or remove one person (the seat is freed; they can join again).
 */
export function CoupleManage({ couple, actions }: { couple: CoupleSummary; actions: HostActions }) {
  const t = useTranslations('console');
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const name = coupleName(t, format, couple.members);

  return (
    <div className="flex flex-col items-end gap-2">
      <CompactButton variant="quiet" aria-expanded={open} aria-controls={panelId} aria-label={t('manage.actionsFor', { name })} onClick={() => setOpen((v) => !v)}>
        {t('manage.actions')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </CompactButton>
      {open && (
        <div id={panelId} className="flex flex-col items-end gap-2">
          {couple.members.length === 2 && (
            <ConfirmButton
              label={t('manage.unpairName', { name })}
              title={t.rich('manage.unpairTitle', { name, bdi })}
              body={t('manage.unpairBody')}
              confirmLabel={t('manage.unpairConfirm')}
              onConfirm={() => void actions.unpair(t('manage.unpairName', { name }), couple.id)}
            >
              {t('manage.unpair')}
            </ConfirmButton>
          )}
          {couple.members.map((m) => (
            <ConfirmButton
              key={m.id}
              title={t.rich('manage.removeTitle', { name: m.name, bdi })}
              body={t.rich('manage.removeSeatBody', { name: m.name, bdi })}
              confirmLabel={t('manage.removeConfirm', { name: m.name })}
              onConfirm={() => void actions.remove(t('manage.removeName', { name: m.name }), m.id)}
            >
              {t.rich('manage.removeNamed', { name: m.name, bdi })}
            </ConfirmButton>
          ))}
        </div>
      )}
    </div>
  );
}
