import { useTranslations } from 'next-intl';
import { libraryFor } from '../../../lib/catalogue/catalogue';
import type { Exercise } from '../../../lib/catalogue/exercise';
import type { Locale } from '../../../lib/i18n/locales';
import { CompactButton } from '../../_components/CompactButton';
import { AddToAgendaButton } from './AddToAgendaButton';
import { ExerciseCard } from './ExerciseCard';

interface ExerciseLibraryProps {
  /** The workshop's language: the library is shown as couples will read it. */
  locale: Locale;
  countInAgenda: (id: string) => number;
  canAdd: boolean;
  onAdd: (e: Exercise) => void;
  /** Opens the exercise editor on a copy, to adapt its wording; the copy becomes one of "My exercises". */
  onCopy: (e: Exercise) => void;
}

/** The exercises Twofold ships, ready to add to the agenda (again, if one should run twice), or to copy and adapt. */
export function ExerciseLibrary({ locale, countInAgenda, canAdd, onAdd, onCopy }: ExerciseLibraryProps) {
  const t = useTranslations('hostNew.library');
  const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <section aria-labelledby="library-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="library-heading" className="text-2xl font-semibold">
          {t('heading')}
        </h2>
        <p className="text-base text-muted">{t('lead')}</p>
      </div>
      <ul className="grid gap-3 xl:grid-cols-2">
        {libraryFor(locale).map((exercise) => (
          <ExerciseCard
            key={exercise.id}
            exercise={exercise}
            inAgenda={countInAgenda(exercise.id)}
            actions={
              <>
                <AddToAgendaButton exercise={exercise} inAgenda={countInAgenda(exercise.id)} canAdd={canAdd} onAdd={onAdd} variant="secondary" />
                <CompactButton variant="quiet" aria-haspopup="dialog" onClick={() => onCopy(exercise)}>
                  {t.rich('copy', { title: exercise.title, hidden })}
                </CompactButton>
              </>
            }
          />
        ))}
      </ul>
    </section>
  );
}
