import type { HostCommand, Seat } from '../../lib/protocol';
import { applyHostCommand, applyReady, type CommandResult } from '../../lib/workshop/commands';
import type { AgendaItem } from '../../lib/catalogue/agenda';
import type { WorkshopState } from '../../lib/workshop/state';
import type { Locale } from '../../lib/i18n/locales';
import { expiresAt } from '../../lib/retentionPolicy';
import type { RoomEvents } from './roomEvents';
import type { Store } from '../store/storeTypes';
import { TIMING } from '../tunables';

/** A workshop's live state as this node holds it: what the control plane needs to tell people about it. */
export interface LiveWorkshop {
  title: string;
  agenda: AgendaItem[];
  state: WorkshopState;
  createdAt: number;
  retentionDays: number;
  locale: Locale;
  /** Last time anyone asked: idle workshops leave memory (see evictIdle). */
  usedAt: number;
}

/**
 * Set when several nodes share the workshops (server/cluster): a command is
 * decided under a lock held across nodes, on the state read fresh from the
 * store, so two nodes never build on the same old state (both partners
 * pressing "ready" on different nodes).
 */
export interface SharedStates {
  withLock<T>(code: string, task: () => Promise<T>): Promise<T>;
}

/**
 * The live state of each workshop, cached in memory so that every board frame
 * can ask "is this board locked?" without a query. Commands go through the
 * pure rules in lib/workshop; an accepted one is stored before it is announced.
 */
export class WorkshopStates {
  private readonly live = new Map<string, LiveWorkshop>();

  constructor(
    private readonly store: Store,
    private readonly events: RoomEvents,
    private readonly now: () => number = Date.now,
    private readonly shared: SharedStates | null = null,
  ) {}

  /** True when other nodes may change the state too: a cached state can then be behind for a moment. */
  get isShared(): boolean {
    return this.shared !== null;
  }

  /** Takes a state another node committed, if it is newer than the cached one (nothing to do if not cached). */
  adopt(code: string, state: WorkshopState): void {
    const cached = this.live.get(code);
    if (cached && state.version > cached.state.version) cached.state = state;
  }

  /** Reads the stored state again and keeps it if newer (another node's command, a missed announcement). */
  async refresh(code: string): Promise<void> {
    if (!this.live.has(code)) return;
    const row = await this.store.getWorkshop(code);
    if (row) this.adopt(code, row.state);
  }

  /** After a Redis reconnect: announcements may have been missed for any cached workshop. */
  async refreshAll(): Promise<void> {
    for (const code of [...this.live.keys()]) await this.refresh(code);
  }

  /** Loads (once) and returns a workshop's agenda and state, or null if there is no such workshop. */
  async get(code: string): Promise<LiveWorkshop | null> {
    const cached = this.live.get(code);
    if (cached) {
      cached.usedAt = this.now();
      return cached;
    }
    const row = await this.store.getWorkshop(code);
    if (!row) return null;
    const loaded = this.live.get(code) ?? { title: row.title, agenda: row.agenda, state: row.state, createdAt: row.createdAt, retentionDays: row.retentionDays, locale: row.locale, usedAt: this.now() };
    this.live.set(code, loaded);
    return loaded;
  }

  /**
   * The cached state, for hot paths that already loaded it (board frames).
   * Null once evicted: a board then refuses the write (4323) and the client's
   * reconnect, which loads the workshop again, lets it through.
   */
  peek(code: string): WorkshopState | null {
    const cached = this.live.get(code);
    if (cached) cached.usedAt = this.now();
    return cached?.state ?? null;
  }

  /** Drops workshops idle for a while, so a long-running server does not keep every workshop it ever saw. */
  evictIdle(now = this.now()): number {
    let dropped = 0;
    for (const [code, live] of this.live) {
      if (now - live.usedAt > TIMING.workshopIdleEvictMs) {
        this.live.delete(code);
        dropped++;
      }
    }
    return dropped;
  }

  get cachedCount(): number {
    return this.live.size;
  }

  async hostCommand(code: string, command: HostCommand): Promise<CommandResult> {
    if (this.shared) return this.shared.withLock(code, () => this.refresh(code).then(() => this.hostCommandHere(code, command)));
    return this.hostCommandHere(code, command);
  }

  private async hostCommandHere(code: string, command: HostCommand): Promise<CommandResult> {
    const live = await this.get(code);
    if (!live) return { ok: false, code: 'workshop_not_found', message: 'No such workshop.' };
    const affected = command.type === 'revealAll' ? 'all' : command.type === 'revealCouple' ? [command.coupleId] : [];
    return this.commit(code, live, applyHostCommand(live.state, command, this.now(), live.agenda.length), affected);
  }

  async ready(code: string, coupleId: string, seat: Seat, ready: boolean): Promise<CommandResult> {
    if (this.shared) return this.shared.withLock(code, () => this.refresh(code).then(() => this.readyHere(code, coupleId, seat, ready)));
    return this.readyHere(code, coupleId, seat, ready);
  }

  private async readyHere(code: string, coupleId: string, seat: Seat, ready: boolean): Promise<CommandResult> {
    const live = await this.get(code);
    if (!live) return { ok: false, code: 'workshop_not_found', message: 'No such workshop.' };
    return this.commit(code, live, applyReady(live.state, coupleId, seat, ready), [coupleId]);
  }

  /** A change by a pure rule of lib/workshop other than the two above (the room's moments), under the same lock. */
  async apply(code: string, rule: (state: WorkshopState) => CommandResult): Promise<CommandResult> {
    const here = async (): Promise<CommandResult> => {
      const live = await this.get(code);
      if (!live) return { ok: false, code: 'workshop_not_found', message: 'No such workshop.' };
      return this.commit(code, live, rule(live.state), []);
    };
    if (this.shared) return this.shared.withLock(code, () => this.refresh(code).then(here));
    return here();
  }

  /** Forgets a workshop (deleted). */
  drop(code: string): void {
    this.live.delete(code);
  }

  /**
   * The new state is taken in memory at once (so the next command builds on
   * it, whatever the store's latency), stored, then announced.
   */
  private async commit(code: string, live: LiveWorkshop, result: CommandResult, affected: string[] | 'all'): Promise<CommandResult> {
    if (!result.ok || result.state === live.state) return result;
    live.state = result.state;
    await this.store.saveWorkshopState(code, result.state, expiresAt(live.createdAt, result.state.endedAt, live.retentionDays));
    this.events.emit('workshopState', code, affected, live);
    return result;
  }
}
