import { useTranslations } from 'next-intl';
import type { PulseSummary as Pulse } from '../../../../lib/protocol/roomMoments';

/**
 * "How was this for you?" for the whole room: how many chose each number, and the words in
 * alphabetical order. The server sends nothing more, so there is no one to leave out.
 */
export function PulseSummary({ pulse }: { pulse: Pulse }) {
  const t = useTranslations('pulse');
  const most = Math.max(1, ...pulse.counts);
  return (
    <section aria-labelledby="pulse-heading" className="flex flex-col gap-4 break-inside-avoid">
      <div>
        <h2 id="pulse-heading" className="text-2xl font-semibold tracking-tight">
          {t('summaryHeading')}
        </h2>
        <p className="text-base text-muted">{t('answered', { count: pulse.answers })}</p>
      </div>
      {pulse.answers > 0 && (
        <div className="grid items-start gap-6 md:grid-cols-2">
          <table className="w-full max-w-md border-collapse text-base">
            <thead>
              <tr className="border-b border-line text-start text-sm text-muted">
                <th scope="col" className="py-2 pe-3 text-start font-semibold">
                  {t('scoreColumn')}
                </th>
                <th scope="col" className="py-2 text-start font-semibold">
                  {t('peopleColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...pulse.counts.entries()].reverse().map(([i, count]) => (
                <tr key={i} className="border-b border-line">
                  <th scope="row" className="py-2 pe-3 text-start font-semibold whitespace-nowrap">
                    {t('scoreRow', { score: String(i + 1) })}
                  </th>
                  <td className="py-2">
                    <span className="flex items-center gap-3">
                      {/* A border, not a background, so it prints without "background graphics". */}
                      <span aria-hidden="true" className="h-0 border-t-[0.75rem] border-accent" style={{ width: `${(count / most) * 10}rem` }} />
                      <span className="tabular-nums">{t('people', { count })}</span>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex flex-col gap-2">
            <h3 className="text-lg font-semibold">{t('words')}</h3>
            {pulse.words.length === 0 ? (
              <p className="text-base text-muted">{t('noWords')}</p>
            ) : (
              <ul className="flex flex-wrap gap-2">
                {pulse.words.map((word, i) => (
                  <li key={i} dir="auto" className="rounded-full border border-line bg-card px-4 py-1.5 text-lg break-words">
                    {word}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <p className="max-w-prose text-sm text-muted">{t('privacy')}</p>
    </section>
  );
}
