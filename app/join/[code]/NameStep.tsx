'use client';

import { useState, type FormEvent } from 'react';
import { MAX_NAME_CHARS } from '../../../lib/limits';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';

/** Step 1: a first name is all we ask; the partner and the facilitator see it. */
export function NameStep({ joiningPartner, onSubmit }: { joiningPartner: boolean; onSubmit: (name: string) => Promise<string | null> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Please type your first name.');
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
        label="Your first name"
        hint={
          joiningPartner
            ? 'Your partner and the facilitator will see it. Then you go straight to your shared board.'
            : 'Your partner and the facilitator will see it.'
        }
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        error={error}
        maxLength={MAX_NAME_CHARS}
        autoComplete="given-name"
        autoCapitalize="words"
        enterKeyHint="next"
        autoFocus
      />
      <Button type="submit" busy={busy} busyLabel="Joining…">
        Continue
      </Button>
    </form>
  );
}
