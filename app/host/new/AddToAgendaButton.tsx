import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { CompactButton } from '../../_components/CompactButton';

const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/**
 * "Add" on an exercise card; once the exercise is in the agenda, "Add again" ([R79]): running it
 * twice stays possible, but it is a choice the button names, never a second identical "Add".
 */
export function AddToAgendaButton({ exercise, inAgenda, canAdd, onAdd, variant }: { exercise: Exercise; inAgenda: number; canAdd: boolean; onAdd: (e: Exercise) => void; variant?: 'secondary' }) {
  const t = useTranslations('hostNew.library');
  return (
    <CompactButton variant={variant} disabled={!canAdd} onClick={() => onAdd(exercise)}>
      {t.rich(inAgenda > 0 ? 'addAgain' : 'add', { title: exercise.title, hidden })}
    </CompactButton>
  );
}
