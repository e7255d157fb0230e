'use client';

import { useId, useState } from 'react';
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
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const name = coupleName(couple.members);

  return (
    <div className="flex flex-col items-end gap-2">
      <CompactButton variant="quiet" aria-expanded={open} aria-controls={panelId} aria-label={`Actions for ${name}`} onClick={() => setOpen((v) => !v)}>
        Actions <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </CompactButton>
      {open && (
        <div id={panelId} className="flex flex-col items-end gap-2">
          {couple.members.length === 2 && (
            <ConfirmButton
              label={`Unpair ${name}`}
              title={`Unpair ${name}?`}
              body="For a wrong pairing: both go back to finding a partner, and this couple’s board is deleted for both of them."
              confirmLabel="Yes, unpair"
              onConfirm={() => void actions.unpair(`Unpair ${name}`, couple.id)}
            >
              Unpair
            </ConfirmButton>
          )}
          {couple.members.map((m) => (
            <ConfirmButton
              key={m.id}
              title={`Remove ${m.name} from the room?`}
              body={`${m.name}’s phone leaves the workshop and the seat is freed. They can join again with the room code, as someone new.`}
              confirmLabel={`Yes, remove ${m.name}`}
              onConfirm={() => void actions.remove(`Remove ${m.name}`, m.id)}
            >
              Remove {m.name}
            </ConfirmButton>
          ))}
        </div>
      )}
    </div>
  );
}
