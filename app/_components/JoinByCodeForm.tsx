'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { isRoomCode, normalizeCode, ROOM_CODE_LENGTH } from '../../lib/codes';
import { Button } from './Button';
import { TextField } from './TextField';

/** Home page: type the code from the screen, go to the join page. */
export function JoinByCodeForm() {
  const t = useTranslations('home');
  const router = useRouter();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [going, setGoing] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const code = normalizeCode(value);
    if (!isRoomCode(code)) {
      setError(
        code.length === ROOM_CODE_LENGTH ? t('codeHasStrangeCharacter') : t('codeLength', { length: ROOM_CODE_LENGTH }),
      );
      return;
    }
    setGoing(true);
    router.push(`/join/${code}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label={t('roomCode')}
        hint={t('roomCodeHint')}
        code
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        inputMode="text"
        maxLength={20}
        enterKeyHint="go"
      />
      <Button type="submit" busy={going} busyLabel={t('opening')}>
        {t('join')}
      </Button>
    </form>
  );
}
