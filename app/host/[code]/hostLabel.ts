import type { HostPresence } from '../../../lib/protocol';

type CohostWords = (key: 'facilitator' | 'cohostNumbered', values?: { number: number }) => string;

/** A host as a console names them: the co-host's own name, else "Co-host 2"; the facilitator by role. */
export function hostLabel(t: CohostWords, host: Pick<HostPresence, 'role' | 'number' | 'name'>): string {
  if (host.name) return host.name;
  return host.role === 'facilitator' ? t('facilitator') : t('cohostNumbered', { number: host.number ?? 0 });
}
