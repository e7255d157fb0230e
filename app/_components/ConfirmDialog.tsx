'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CompactButton, type CompactVariant } from './CompactButton';

interface ConfirmDialogProps {
  /** A node, so a name in it can be isolated (<bdi>). */
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before something that cannot be undone. Built on the
 * native <dialog>: focus stays inside, Esc cancels, and focus returns to the
 * button that opened it. "Cancel" takes focus first, so Enter never destroys.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // The dialog is unmounted rather than closed, so focus is handed back by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl border border-line bg-card p-6 text-ink shadow-xl backdrop:bg-black/50"
    >
      <h2 id={titleId} className="text-xl font-semibold">
        {title}
      </h2>
      {children && <div className="mt-2 text-base leading-relaxed text-muted">{children}</div>}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <CompactButton ref={cancelRef} onClick={onCancel}>
          {cancelLabel ?? t('cancel')}
        </CompactButton>
        <CompactButton variant="primary" onClick={onConfirm}>
          {confirmLabel}
        </CompactButton>
      </div>
    </dialog>
  );
}

interface ConfirmButtonProps {
  /** Visible text of the button that opens the question. */
  children: ReactNode;
  /** Accessible name when the visible text needs context ("Remove" → "Remove Ana"). */
  label?: string;
  variant?: CompactVariant;
  className?: string;
  disabled?: boolean;
  title: ReactNode;
  body?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A button that asks first: opens a ConfirmDialog and runs `onConfirm` only on "yes". */
export function ConfirmButton({ children, label, variant = 'danger', className, disabled, title, body, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <CompactButton variant={variant} className={className} aria-label={label} disabled={disabled} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {children}
      </CompactButton>
      {open && (
        <ConfirmDialog
          title={title}
          confirmLabel={confirmLabel}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            onConfirm();
          }}
        >
          {body}
        </ConfirmDialog>
      )}
    </>
  );
}
