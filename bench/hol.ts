/**
 * `hol` (head of line, issue 16 "no board stalls another"): a probe couple types on its board
 * (tests/helpers/attack.ts `openProbe`: one partner's keystroke until the other partner's
 * replica shows it) first alone, then while 4 phones in a process of their own open a board at
 * its struct ceiling over and over (tests/helpers/attacker.ts `boardOpeners`). The server runs
 * with BOARD_UNLOAD_DELAY_MS low, so every opening loads, syncs, unloads and compacts the board.
 */
import { setTimeout as timer } from 'node:timers/promises';
import type { BoardAccess } from '../lib/protocol';
import { ApiClient } from '../tests/helpers/apiClient';
import { launchAttack, openProbe } from '../tests/helpers/attack';
import type { BoardOpenersResult } from '../tests/helpers/attacker';
import { writeHeavyBoard } from '../tests/helpers/heavyBoard';
import { boardUrl } from '../tests/helpers/yjsClient';
import { round, summarize } from './stats';

export interface HolFigures {
  /** The probe's partner-to-partner keystroke p99 while the heavy board is opened over and over. */
  probe_p99_ms: number | null;
  probe_p50_ms: number | null;
  /** The same probe with no heavy board. */
  baseline_p99_ms: number | null;
  baseline_p50_ms: number | null;
  health_p99_ms: number | null;
  samples: number;
  baseline_samples: number;
  heavy_board: { entries: number; chars: number; structs: number; bytes: number };
  openers: number;
  opens: number;
  /** Openers whose replica was not the whole board (must be 0). */
  wrong_syncs: number;
  /** Connect to synced, per opening of the heavy board. */
  open_to_sync_p50_ms: number | null;
  open_to_sync_p99_ms: number | null;
}

export async function headOfLine(serverUrl: string, opts: { seconds: number; openers: number; gapMs: number }): Promise<HolFigures> {
  const api = new ApiClient(serverUrl);
  const { a, b } = await api.coupleInWorkshop(['Heavy A', 'Heavy B']);
  const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
  const fresh = async (token: string, board: BoardAccess) => boardUrl({ ...board, params: (await api.boardTicket(token)).params });
  const written = await writeHeavyBoard(await fresh(a.token, meA.board!));
  const probe = await openProbe(api);
  try {
    const sampling = { minSamples: 100, maxSamples: 100_000 };
    const baseline = await probe.during(timer(opts.seconds * 1000), sampling);
    const urls = await Promise.all(Array.from({ length: opts.openers }, (_, i) => (i % 2 === 0 ? fresh(a.token, meA.board!) : fresh(b.token, meB.board!))));
    const openers = launchAttack<BoardOpenersResult>({ kind: 'boardOpeners', urls, rounds: 2, durationMs: opts.seconds * 1000, gapMs: opts.gapMs, expected: written.digest });
    await openers.running;
    const loaded = await probe.during(openers.done, sampling);
    const result = await openers.done;
    const typing = summarize(loaded.typingMs);
    const alone = summarize(baseline.typingMs);
    const sync = summarize(result.syncMs);
    return {
      probe_p99_ms: typing.p99_ms,
      probe_p50_ms: typing.p50_ms,
      baseline_p99_ms: alone.p99_ms,
      baseline_p50_ms: alone.p50_ms,
      health_p99_ms: summarize(loaded.healthMs).p99_ms,
      samples: loaded.typingMs.length,
      baseline_samples: baseline.typingMs.length,
      heavy_board: { ...written.digest, structs: written.structs, bytes: written.state.length },
      openers: opts.openers,
      opens: result.opens,
      wrong_syncs: result.wrong,
      open_to_sync_p50_ms: round(sync.p50_ms, 0),
      open_to_sync_p99_ms: round(sync.p99_ms, 0),
    };
  } finally {
    probe.close();
  }
}
