'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { MAX_TITLE_CHARS } from '../../../lib/limits';
import type { CreateWorkshopResponse } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';
import { api, messageOf } from '../../_lib/api';
import { saveHostKey } from '../../_lib/storage';

export function CreateWorkshopForm() {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setError('Give the workshop a title; couples see it when they join.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api<CreateWorkshopResponse>('/api/workshops', { method: 'POST', body: { title } });
      // Kept on this device so the console opens again without the private link.
      saveHostKey(created.code, created.hostKey);
      router.push(`/host/${created.code}#key=${created.hostKey}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <TextField
        label="Workshop title"
        hint="Couples see this when they join, e.g. “Spring weekend, session 2”."
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
        maxLength={MAX_TITLE_CHARS}
        error={error}
        autoComplete="off"
        required
      />
      <Button type="submit" busy={busy} busyLabel="Creating…" className="self-start">
        Create workshop
      </Button>
    </form>
  );
}
