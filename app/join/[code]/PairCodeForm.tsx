'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { formatPairCode, isPairCode, normalizeCode, PAIR_CODE_LENGTH } from '../../../lib/codes';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';

/** Reformats as people type: "abc-d" → "ABC D", so it matches what the partner's phone shows. */
function asTyped(input: string): string {
  const code = normalizeCode(input).slice(0, PAIR_CODE_LENGTH);
  return code.length > 3 ? formatPairCode(code) : code;
}

/** "Join my partner": the 6-character code from the partner's phone. */
export function PairCodeForm({
  initialCode,
  initialError,
  onSubmit,
}: {
  initialCode: string;
  initialError: string | null;
  onSubmit: (pairCode: string) => Promise<string | null>;
}) {
  const t = useTranslations('join');
  const [value, setValue] = useState(asTyped(initialCode));
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const code = normalizeCode(value);
    if (!isPairCode(code)) {
      setError(t('pairCodeLength', { length: PAIR_CODE_LENGTH }));
      return;
    }
    setBusy(true);
    const problem = await onSubmit(code);
    if (problem) {
      setError(problem);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label={t('pairCodeLabel')}
        hint={t('pairCodeHint')}
        code
        value={value}
        onChange={(e) => {
          setValue(asTyped(e.target.value));
          setError(null);
        }}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="go"
        autoFocus
      />
      <Button type="submit" busy={busy} busyLabel={t('joining')}>
        {t('joinPartnerSubmit')}
      </Button>
    </form>
  );
}
