import { io, type Socket } from 'socket.io-client';
import { SOCKET_ACK_TIMEOUT_MS } from '../lib/protocol';
import type { ClientPool } from './clients';
import type { Target } from './protocol';
import { monoUs, type Workshop } from './scenarios';
import { median, now, round, sleep, summarize, type Summary } from './stats';

export interface FanoutFigures extends Summary {
  mono_us: [number, number];
  phones: number;
  commands: number;
  /** Per command, the time until the last phone had the new state: median and worst. */
  all_phones_p50_ms: number | null;
  all_phones_max_ms: number | null;
  missing: number;
  /** Size of the state a phone received (the reference broadcasts this many bytes). */
  state_bytes: number | null;
  /** The stock Socket.IO server broadcasting the same sizes to the same phones, in alternating commands. */
  reference: (Summary & { missing: number }) | null;
  /** Twofold p99 / reference p99, pooled over all commands; and the median of per-command ratios. */
  ratio_p99: number | null;
  ratio_p99_median_of_pairs: number | null;
  /** Each command on the monotonic clock (µs), from its emit until every phone reported: the windows of `bench/profile.ts --window fanout-twofold`. */
  command_windows: { target: Target; mono_us: [number, number] }[];
  /** Each command's p99 over the phones, in order: the pairs behind ratio_p99_median_of_pairs. */
  per_command_p99_ms: Record<Target, number[]>;
}

type Arrivals = { arrivals: Float64Array; missing: number; stateBytes: number | null };

/**
 * Fan-out: the facilitator moves to another exercise; time from the command until each phone has
 * the new state. With a reference URL, each Twofold command is followed by one to the stock
 * Socket.IO server (bench/referenceSocketServer.ts) broadcasting a message of the size the
 * phones just received, so both are measured on the same phones, clocks and moment.
 */
export async function fanout(pool: ClientPool, workshop: Workshop, commands: number, phones: number, referenceUrl: string | null): Promise<FanoutFigures> {
  const mono0 = monoUs();
  const samples: Record<Target, number[]> = { twofold: [], reference: [] };
  const perCommandP99: Record<Target, number[]> = { twofold: [], reference: [] };
  const worst: number[] = [];
  const missing: Record<Target, number> = { twofold: 0, reference: 0 };
  const commandWindows: FanoutFigures['command_windows'] = [];
  let stateBytes: number | null = null;
  let referenceHost: Socket | null = null;
  if (referenceUrl) {
    await pool.all({ cmd: 'openReferenceControls', url: referenceUrl });
    referenceHost = io(referenceUrl, { path: '/socket.io', transports: ['websocket'], auth: { role: 'host' }, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      referenceHost!.once('connect', () => resolve());
      referenceHost!.once('connect_error', reject);
    });
  }

  const collect = (target: Target, t0: number, results: Arrivals[]) => {
    const these: number[] = [];
    results.forEach((r, i) => {
      missing[target] += r.missing;
      if (target === 'twofold') stateBytes = r.stateBytes ?? stateBytes;
      for (const t of r.arrivals) these.push(pool.toDriverClock(i, t) - t0);
    });
    samples[target].push(...these);
    perCommandP99[target].push(summarize(these).p99_ms ?? 0);
    return these.length ? Math.max(...these) : 0;
  };

  for (let k = 0; k < commands; k++) {
    await sleep(1_000);
    const t0 = now();
    const m0 = monoUs();
    const ack = await workshop.host.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:command', { type: 'goTo', step: k % 2 === 0 ? 1 : 0 });
    if (!ack.ok) throw new Error(`goTo refused: ${ack.code}`);
    worst.push(collect('twofold', t0, await pool.all<Arrivals>({ cmd: 'fanout', version: ack.version, timeoutMs: 10_000, target: 'twofold' })));
    commandWindows.push({ target: 'twofold', mono_us: [m0, monoUs()] });
    if (!referenceHost) continue;
    await sleep(1_000);
    const r0 = now();
    const rm0 = monoUs();
    const version = k + 1;
    await referenceHost.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('host:command', { version, bytes: stateBytes ?? 0 });
    collect('reference', r0, await pool.all<Arrivals>({ cmd: 'fanout', version, timeoutMs: 10_000, target: 'reference' }));
    commandWindows.push({ target: 'reference', mono_us: [rm0, monoUs()] });
  }
  referenceHost?.close();

  const twofold = summarize(samples.twofold);
  const reference = referenceHost ? { ...summarize(samples.reference), missing: missing.reference } : null;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b, 3) : null);
  const pairRatios = perCommandP99.twofold.map((t, i) => ratio(t, perCommandP99.reference[i] ?? null)).filter((v): v is number => v !== null);
  return {
    mono_us: [mono0, monoUs()],
    phones,
    commands,
    ...twofold,
    all_phones_p50_ms: round(median(worst)),
    all_phones_max_ms: round(Math.max(...worst)),
    missing: missing.twofold,
    state_bytes: stateBytes,
    reference,
    ratio_p99: reference ? ratio(twofold.p99_ms, reference.p99_ms) : null,
    ratio_p99_median_of_pairs: reference ? round(median(pairRatios), 3) : null,
    command_windows: commandWindows,
    per_command_p99_ms: perCommandP99,
  };
}
