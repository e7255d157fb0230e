import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';

export const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3211)}`;
export const api = () => new ApiClient(BASE_URL);

/** A phone as partners hold them. */
export async function newPhone(browser: Browser, size: 'normal' | 'small' = 'normal'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(size === 'small' ? { ...devices['Pixel 7'], viewport: { width: 360, height: 740 } } : { ...devices['Pixel 7'] });
  return { context, page: await context.newPage() };
}

/** Puts a participant's token on a phone, as if it had joined on this device. */
export async function seatPhone(page: Page, code: string, token: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(([c, t]) => window.localStorage.setItem(`twofold:token:${c}`, t), [code, token] as const);
}

/** The facilitator's control socket, for tests whose subject is the phones. */
export function hostSocket(code: string, hostKey: string): Socket<ServerToClientEvents, ClientToServerEvents> {
  return io(BASE_URL, { path: '/socket.io', transports: ['websocket'], auth: { role: 'host', protocol: PROTOCOL_VERSION, code, hostKey } });
}
