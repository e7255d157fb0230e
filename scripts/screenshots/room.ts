import fs from 'node:fs';
import path from 'node:path';
import { devices, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Locale } from '../../lib/i18n/locales';
import { privateDocName, PROTOCOL_VERSION, type ClientToServerEvents, type HostCommand, type ServerToClientEvents } from '../../lib/protocol';
import { ApiClient } from '../../tests/helpers/apiClient';
import { connectBoard } from '../../tests/helpers/yjsClient';
import type * as Y from 'yjs';

/** The name the browsers open the pages at (mapped to the local server by the browser's resolver). */
export const SCREENSHOT_HOST = 'twofold.local';
const SITE = `http://${SCREENSHOT_HOST}`;

/** What every scene needs: the browser, the server's own address for the API, where pictures go. */
export interface Room {
  browser: Browser;
  apiBase: string;
  out: string;
}

export const apiOf = (room: Room) => new ApiClient(room.apiBase);

/** A phone as people hold them: 390 × 844 CSS px, pictures at twice that. */
export async function phone(room: Room, locale: Locale = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await room.browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    baseURL: SITE,
    locale,
    extraHTTPHeaders: { 'accept-language': locale },
  });
  return { context, page: await context.newPage() };
}

/** A facilitator's laptop, or the projector at 1920 × 1080. */
export async function screen(room: Room, size: { width: number; height: number }, locale: Locale = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await room.browser.newContext({ viewport: size, baseURL: SITE, locale, extraHTTPHeaders: { 'accept-language': locale } });
  return { context, page: await context.newPage() };
}

/** The path (and fragment) of a link the API handed out, opened at this run's host name. */
export const pathOf = (url: string) => new URL(url).pathname + new URL(url).hash;

/** Scrolls so that `target` sits `gap` CSS px below the top of the screen (under a sticky bar, say). */
export async function scrollTo(target: Locator, gap: number): Promise<void> {
  await target.evaluate((el, g) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - g), gap);
}

/**
 * Writes one picture once its fonts are in: the screen as it is (`scrolled`), from the top, or
 * (a laptop page) from the top down to the bottom of `until`.
 */
export async function shot(room: Room, page: Page, name: string, opts: { scrolled?: boolean; full?: boolean; until?: Locator } = {}): Promise<void> {
  if (!opts.scrolled) await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A QR code still being drawn shows a pulsing placeholder: not a finished page.
  await expect(page.locator('[role="img"].animate-pulse').filter({ visible: true })).toHaveCount(0);
  const file = path.join(room.out, `${name}.png`);
  const box = opts.until ? await opts.until.boundingBox() : null;
  const clip = box ? { x: 0, y: 0, width: page.viewportSize()!.width, height: Math.ceil(box.y + box.height + 20) } : undefined;
  await page.screenshot({ path: file, fullPage: !!opts.full || !!clip, clip, animations: 'disabled', caret: 'hide' });
  console.log(`${name}.png  ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

type Control = Socket<ServerToClientEvents, ClientToServerEvents>;

function connected(socket: Control): Promise<Control> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A participant's control socket: that person shows online, and can tap and answer as the phone would. */
export function participantSocket(room: Room, token: string): Promise<Control> {
  return connected(io(room.apiBase, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token } }));
}

/** The facilitator's control socket, for steps of another room than the one being pictured. */
export function hostControl(room: Room, code: string, hostKey: string): Promise<Control> {
  return connected(io(room.apiBase, { path: '/socket.io', transports: ['websocket'], auth: { role: 'host', protocol: PROTOCOL_VERSION, code, hostKey } }));
}

/** The server's acknowledgement, insisted on: a refused step would leave a picture showing something else. */
export async function must<T extends { ok: boolean }>(answer: Promise<T>, what: string): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result;
}

export const command = (socket: Control, c: HostCommand) => must(socket.timeout(5_000).emitWithAck('host:command', c), c.type);

/**
 * A couple's board opened as its stock client would (docs/API.md), or with `privateItem` this
 * person's own doc of that private-first exercise; kept open until `close`, so every write reaches the server.
 */
export async function openBoard(room: Room, token: string, privateItem?: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const me = await apiOf(room).me(token);
  if (!me.board || !me.couple) throw new Error('this person sits in no couple yet');
  const docName = privateItem ? privateDocName(me.couple.id, privateItem, me.participant.seat!) : me.board.docName;
  const board = connectBoard({ ...me.board, docName });
  await board.synced();
  return { doc: board.doc, close: board.destroy };
}

/** An entry of the board once the page shows it, so nothing is pictured half-synced. */
export const entryShown = (page: Page, text: string) => expect(page.getByText(text, { exact: true }).first()).toBeVisible();
