import type { ReactNode } from 'react';

/**
 * For t.rich: a message marks what a person wrote (a name, a title) as <bdi>…</bdi>, so it keeps
 * its own direction inside the sentence around it — an Arabic name in an English sentence, an
 * English title on an Arabic page: `t.rich('removed', { name, bdi })`.
 */
export const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;
