import { useTranslations } from 'next-intl';
import type { Seat } from '../../../lib/protocol';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { StatusDot } from '../../_components/StatusDot';
import { seatStyle } from '../../_lib/seatStyle';
import { LobbyHeading } from './LobbyHeading';
import { PairCodeCard } from './PairCodeCard';
import type { PhoneItem } from './phoneItem';

interface Person {
  name: string;
  seat: Seat;
  online: boolean | null;
}

interface LobbyViewProps {
  me: Person;
  partner: Person | null;
  pairCard: { pairCode: string; pairUrl: string; roomCode: string };
  agenda: PhoneItem[];
}

/** Before the first exercise: you are in, here is your partner (or how to bring them in), and what the evening holds. */
export function LobbyView({ me, partner, pairCard, agenda }: LobbyViewProps) {
  const t = useTranslations('board');
  return (
    <div className="flex flex-col gap-8">
      <LobbyHeading partnerHere={partner !== null} />

      <ul aria-label={t('lobby.couple')} className="flex flex-col gap-3">
        <PersonRow person={me} you />
        {partner ? (
          <PersonRow person={partner} />
        ) : (
          <li className="flex min-h-16 items-center gap-3 rounded-2xl border-2 border-dashed border-line px-4 text-lg text-muted">
            {t('lobby.waiting')}
          </li>
        )}
      </ul>

      {!partner && <PairCodeCard {...pairCard} meanwhile={t('lobby.meanwhile')} />}

      {agenda.length > 0 && (
        <section aria-labelledby="agenda-heading" className="flex flex-col gap-3">
          <h2 id="agenda-heading" className="text-xl font-semibold tracking-tight">
            {t('lobby.ahead')}
          </h2>
          <ol className="flex flex-col gap-2">
            {agenda.map((item, i) => (
              <li key={item.key} className="flex items-baseline gap-3 text-lg">
                <span className="w-6 shrink-0 text-end text-base text-muted">{t('lobby.number', { number: i + 1 })}</span>
                <span dir="auto" className="flex-1">
                  {item.title}
                </span>
                <span className="shrink-0 text-base text-muted">{t('lobby.minutes', { minutes: item.minutes })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function PersonRow({ person, you = false }: { person: Person; you?: boolean }) {
  const t = useTranslations('board');
  const presence = you || person.online ? t('lobby.here') : person.online === false ? t('lobby.offline') : t('lobby.joined');
  return (
    <li className={`flex min-h-16 items-center gap-3 rounded-2xl border-s-4 px-4 py-2 ${seatStyle[person.seat].border} ${seatStyle[person.seat].soft}`}>
      <PartnerBadge name={person.name} seat={person.seat} />
      <span className="flex-1 text-xl font-semibold break-words">
        <bdi>{person.name}</bdi>
        {you && <span className="font-normal text-muted"> {t('lobby.you')}</span>}
      </span>
      <StatusDot tone={you || person.online ? 'ok' : 'idle'} label={presence} className="text-base" />
    </li>
  );
}

