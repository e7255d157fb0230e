import { useTranslations } from 'next-intl';

/**
 * "You're in", and what comes next. Until the phone knows who it is (partnerHere undefined: the
 * server's first screen), only the heading: the words under it depend on the couple.
 */
export function LobbyHeading({ partnerHere }: { partnerHere?: boolean }) {
  const t = useTranslations('board');
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-3xl font-semibold tracking-tight">{t('lobby.heading')}</h2>
      {partnerHere !== undefined && <p className="text-lg leading-relaxed">{partnerHere ? t('lobby.withPartner') : t('lobby.withoutPartner')}</p>}
    </div>
  );
}
