import { describe, expect, it } from 'vitest';
import { escapeMarkdown, nearestStop, reviewToMarkdown } from '../../lib/review/markdown';
import type { ReviewData } from '../../lib/review/reviewData';

describe('[R33] Markdown export', () => {
  it('keeps words as words: markup a partner typed is escaped, ordinary punctuation is not', () => {
    expect(escapeMarkdown('I.e. we *always* [laugh] <b>')).toBe('I.e. we \\*always\\* \\[laugh\\] \\<b\\>');
    expect(escapeMarkdown('# not a heading\n- not a list\n1. not a list')).toBe('\\# not a heading  \n\\- not a list  \n1\\. not a list');
    expect(escapeMarkdown('Tea (with milk) - please!')).toBe('Tea (with milk) - please!');
  });

  it('names the stop nearest a marker', () => {
    expect(nearestStop(['Independence', 'Dependence', 'Codependence', 'Interdependence'], 0.9)).toBe('Interdependence (90%)');
    expect(nearestStop(['A', 'B'], 0.2)).toBe('A (20%)');
  });

  it('lays out every exercise with names, links and a note for what stayed private', () => {
    const review: ReviewData = {
      workshop: { title: 'Spring', startedAt: Date.UTC(2026, 3, 2), endedAt: null, retentionDays: 30, locale: 'en' },
      people: [
        { name: 'Ana', seat: 'a' },
        { name: 'Ben', seat: 'b' },
      ],
      viewer: 'a',
      exercises: [
        {
          key: 'bring-need',
          title: 'What I bring / What I need',
          prompt: 'List them.',
          privateFirst: false,
          revealed: true,
          kind: 'columns',
          columns: [
            { id: 'bring', label: 'What I bring', entries: [{ id: '1', author: 'b', text: 'Calm' }] },
            { id: 'need', label: 'What I need', entries: [{ id: '2', author: 'a', text: 'Rest', metBy: 'Calm' }] },
          ],
        },
        { key: 'support', title: 'Support', prompt: 'Answer.', privateFirst: true, revealed: false, kind: 'prompts', questions: [{ id: 'q', label: 'Q?', answers: [] }] },
      ],
    };
    const md = reviewToMarkdown(review);
    expect(md).toContain('# Spring\n\nAna & Ben · 2026-04-02');
    expect(md).toContain('- **Ben:** Calm');
    expect(md).toContain('- **Ana:** Rest — met by: Calm');
    expect(md).toContain('_Private: only your own entries are here, as they were never revealed._');
    expect(md).toContain('### Q?\n\n_No answer._');
  });
});
