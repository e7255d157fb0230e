'use client';

import { useState } from 'react';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmDialog } from '../../_components/ConfirmDialog';
import { messageOf } from '../../_lib/api';
import { forgetHostKey } from '../../_lib/storage';
import { deleteWorkshop } from './hostApi';

interface DeleteWorkshopProps {
  code: string;
  hostKey: string;
  /** The section's heading level where it sits: h3 inside the console's Room card, h2 on the summary page. */
  heading?: 'h2' | 'h3';
  /** Called once the server deleted it (or it was already gone) and the key is forgotten. */
  onDeleted: () => void;
  /** True from "yes" until the answer: the console ignores its socket being dropped meanwhile. */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * The one irreversible action on the facilitator's side, kept in its own
 * outlined box so it never reads as part of the everyday controls, and asked
 * twice. "Cancel" has focus in the question, so Enter never deletes.
 */
export function DeleteWorkshop({ code, hostKey, heading: Heading = 'h3', onDeleted, onBusyChange }: DeleteWorkshopProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setAsking(false);
    setBusy(true);
    setError(null);
    onBusyChange?.(true);
    try {
      await deleteWorkshop(code, hostKey);
      forgetHostKey(code);
      onDeleted();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
      onBusyChange?.(false);
    }
  }

  return (
    <section aria-labelledby={`delete-${code}-heading`} className="flex flex-col gap-3 rounded-2xl border border-dashed border-warn p-4 print:hidden">
      <Heading id={`delete-${code}-heading`} className="text-base font-semibold">
        Delete for good
      </Heading>
      <p className="text-sm leading-relaxed text-muted">
        Every couple’s board, the room wall and the summary, now. Otherwise Twofold deletes it all by itself when the keeping time
        runs out.
      </p>
      {/* aria-disabled, not disabled, while deleting: the dialog hands focus back here, and a disabled button would drop it. */}
      <CompactButton
        variant="danger"
        className="self-start"
        aria-haspopup="dialog"
        aria-disabled={busy || undefined}
        onClick={() => !busy && setAsking(true)}
      >
        {busy ? 'Deleting…' : 'Delete workshop'}
      </CompactButton>
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog title="Delete this workshop for everyone?" confirmLabel="Yes, delete everything" onCancel={() => setAsking(false)} onConfirm={() => void confirm()}>
          <p>
            This deletes every couple’s board, the room wall and the session summary for good. It cannot be undone, and phones still in the
            room lose their boards at once.
          </p>
          <p className="mt-2">If you want to keep the figures, download the summary’s CSV first.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
