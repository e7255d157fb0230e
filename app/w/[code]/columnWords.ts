import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';

/**
 * Words about columns, derived from their labels. In English, the library's columns read
 * "What I bring" / "What I need", and said about the partner that becomes "What Sam brings": an
 * English grammar rule, used only when the page and the label are both English. Any other label
 * or language gets the page's plain form ("Qualities — Sam"), which is never wrong.
 */
const FIRST_PERSON = /^What I (\p{L}+)(.*)$/u;

const IRREGULAR: Record<string, string> = { have: 'has', do: 'does', go: 'goes', am: 'is' };

/** "bring" → "brings", "miss" → "misses", "carry" → "carries". */
function thirdPerson(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (/(s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** "What I bring" about Sam: "What Sam brings"; null for a label of any other shape. */
export function englishAboutPartner(label: string, name: string): string | null {
  const match = FIRST_PERSON.exec(label);
  return match ? `What ${name} ${thirdPerson(match[1])}${match[2]}` : null;
}

export function useColumnWords() {
  const t = useTranslations('board');
  const english = useLocale() === 'en';
  return useMemo(() => {
    const derived = (label: string, name: string) => (english ? englishAboutPartner(label, name) : null);
    return {
      /** Heading over the partner's entries of a column: "What Sam brings", or "Qualities — Sam". */
      partnerHeading: (label: string, name: string): string => derived(label, name) ?? t('partnerColumn', { column: label, name }),
      /** Label of the link picker on one of my entries: "Met by what Sam brings". */
      linkPickerLabel: (toLabel: string, name: string): string => {
        const heading = derived(toLabel, name);
        return t('linkPicker', { target: heading ? heading.charAt(0).toLowerCase() + heading.slice(1) : t('partnerColumn', { column: toLabel, name }) });
      },
    };
  }, [t, english]);
}
