'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { MAX_NAME_CHARS } from '../../../lib/limits';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';

/** Step 1: a first name is all we ask; the partner and the facilitator see it. */
export function NameStep({ joiningPartner, onSubmit }: { joiningPartner: boolean; onSubmit: (name: string) => Promise<string | null> }) {
  const t = useTranslations('join');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('nameMissing'));
      return;
    }
    setBusy(true);
    const problem = await onSubmit(name);
    // On success the page moves on; only a problem brings us back here.
    if (problem) {
      setError(problem);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <TextField
        label={t('nameLabel')}
        hint={joiningPartner ? t('nameHintJoining') : t('nameHint')}
        dir="auto"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        error={error}
        maxLength={MAX_NAME_CHARS}
        countdown
        autoComplete="given-name"
        autoCapitalize="words"
        enterKeyHint="next"
        autoFocus
      />
      <Button type="submit" busy={busy} busyLabel={t('joining')}>
        {t('continue')}
      </Button>
    </form>
  );
}
