import type { AgendaItem, PublicAgendaItem } from '../../../lib/catalogue/agenda';

/**
 * An agenda item as phones receive it. lib's PublicAgendaItem is
 * Omit<AgendaItem, 'facilitatorNote'>, and Omit over a union keeps only the
 * keys all kinds share, so `columns`, `areas` and `questions` vanish from the
 * type (not from the data). Omitting per kind keeps them.
 */
type WithoutNote<T> = T extends unknown ? Omit<T, 'facilitatorNote'> : never;
export type PhoneItem = WithoutNote<AgendaItem>;

export type ColumnsItem = Extract<PhoneItem, { kind: 'columns' }>;
export type SpectrumItem = Extract<PhoneItem, { kind: 'spectrum' }>;
export type PromptsItem = Extract<PhoneItem, { kind: 'prompts' }>;

export const asPhoneItem = (item: PublicAgendaItem): PhoneItem => item as PhoneItem;
