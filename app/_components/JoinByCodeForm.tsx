'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { isRoomCode, normalizeCode, ROOM_CODE_LENGTH } from '../../lib/codes';
import { Button } from './Button';
import { TextField } from './TextField';

/** Home page: type the code from the screen, go to the join page. */
export function JoinByCodeForm() {
  const router = useRouter();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [going, setGoing] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const code = normalizeCode(value);
    if (!isRoomCode(code)) {
      setError(
        code.length === ROOM_CODE_LENGTH
          ? 'That code has a character rooms never use. Check it against the screen.'
          : `A room code has ${ROOM_CODE_LENGTH} letters and digits, like ABCD EFGH.`,
      );
      return;
    }
    setGoing(true);
    router.push(`/join/${code}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Room code"
        hint="It is on the facilitator's screen, e.g. ABCD EFGH."
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
      <Button type="submit" busy={going} busyLabel="Opening…">
        Join
      </Button>
    </form>
  );
}
