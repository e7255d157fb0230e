import { expect, test } from '@playwright/test';
import { EXERCISE_LIBRARY } from '../../lib/catalogue/catalogue';

/**
 * A library exercise copied and adapted on /host/new: the editor opens on a copy, the saved copy
 * is one of "My exercises" and joins the agenda, and the library keeps the original.
 */
test('a library exercise can be copied and edited into the facilitator’s own', async ({ page }) => {
  const value = EXERCISE_LIBRARY.find((e) => e.id === 'value')!;
  await page.goto('/host/new');
  await page.getByRole('button', { name: `Copy and edit ${value.title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy and edit' });
  await expect(dialog).toBeVisible();
  const title = dialog.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue(value.title);
  await expect(title).toHaveAttribute('dir', 'auto');
  await expect(dialog.getByRole('textbox', { name: 'Prompt' })).toHaveValue(value.prompt);
  await title.fill('Was ich an dir schätze');
  await dialog.getByRole('button', { name: 'Save exercise' }).click();
  await expect(dialog).toBeHidden();

  const mine = page.getByRole('region', { name: 'My exercises' });
  await expect(mine.getByRole('heading', { name: 'Was ich an dir schätze' })).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('button', { name: 'Remove Was ich an dir schätze' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Exercise library' }).getByRole('heading', { name: value.title })).toBeVisible();
  // Kept on this device under a facilitator's own id, never the library's.
  const saved = await page.evaluate(() => JSON.parse(window.localStorage.getItem('twofold:my-exercises') ?? '[]') as { id: string; title: string }[]);
  expect(saved).toEqual([expect.objectContaining({ title: 'Was ich an dir schätze', id: expect.stringMatching(/^my-/) })]);
});
