import { useTranslations } from 'next-intl';
import { Button } from './Button';
import { Notice } from './Notice';

/** A board (live or in review) that could not be fetched: why, and a way to try again. */
export function BoardCouldNotOpen({ message, retry }: { message: string; retry: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-5 py-10">
      <h1 className="text-2xl font-semibold">{t('boardCouldNotOpen')}</h1>
      <Notice tone="problem">{message}</Notice>
      <Button variant="secondary" className="self-start" onClick={retry}>
        {t('tryAgain')}
      </Button>
    </main>
  );
}
