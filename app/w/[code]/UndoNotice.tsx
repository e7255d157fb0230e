import { useTranslations } from 'next-intl';

/** Offered where the entry was, for a few seconds after deleting it. */
export function UndoNotice({ onUndo, onDismiss }: { onUndo: () => void; onDismiss: () => void }) {
  const t = useTranslations('board');
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border border-line bg-card px-4 py-2 text-base">
      <span className="me-auto">{t('undo.deleted')}</span>
      <button type="button" onClick={onUndo} className="min-h-11 rounded-lg px-3 font-semibold text-accent underline underline-offset-4">
        {t('undo.undo')}
      </button>
      <button type="button" onClick={onDismiss} aria-label={t('undo.dismiss')} className="min-h-11 min-w-11 rounded-lg px-3 text-muted">
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
