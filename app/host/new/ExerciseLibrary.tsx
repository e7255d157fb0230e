import { EXERCISE_LIBRARY } from '../../../lib/catalogue/catalogue';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { CompactButton } from '../../_components/CompactButton';
import { ExerciseCard } from './ExerciseCard';

/** The exercises Twofold ships, ready to add to the agenda (again, if one should run twice). */
export function ExerciseLibrary({ countInAgenda, canAdd, onAdd }: { countInAgenda: (id: string) => number; canAdd: boolean; onAdd: (e: Exercise) => void }) {
  return (
    <section aria-labelledby="library-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="library-heading" className="text-2xl font-semibold">
          Exercise library
        </h2>
        <p className="text-base text-muted">Built on one idea: each partner supports and is supported, and each brings something the other does not.</p>
      </div>
      <ul className="grid gap-3 xl:grid-cols-2">
        {EXERCISE_LIBRARY.map((exercise) => (
          <ExerciseCard
            key={exercise.id}
            exercise={exercise}
            inAgenda={countInAgenda(exercise.id)}
            actions={
              <CompactButton variant="secondary" disabled={!canAdd} onClick={() => onAdd(exercise)}>
                Add<span className="sr-only"> {exercise.title}</span>
              </CompactButton>
            }
          />
        ))}
      </ul>
    </section>
  );
}
