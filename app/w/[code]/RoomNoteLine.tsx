import { useTranslations } from 'next-intl';
import type { RoomNoteView } from '../../../lib/protocol';

/**
 * The facilitator's one line to every phone, kept in the status bar while it lasts: calm (no
 * red, no motion), replaced by the next. Written by a person, so its direction is its own.
 */
export function RoomNoteLine({ note }: { note: RoomNoteView | null }) {
  const t = useTranslations('hostNote');
  if (!note) return null;
  return (
    <div role="note" aria-label={t('fromFacilitator')} className="flex min-h-11 flex-col justify-center rounded-xl border border-line bg-card px-3 py-1.5 text-base">
      <p className="text-sm text-muted">{t('fromFacilitator')}</p>
      <p dir="auto" className="font-semibold break-words">
        {note.text}
      </p>
    </div>
  );
}
