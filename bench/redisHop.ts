import { createClient } from 'redis';
import { now, sleep, summarize, type Summary } from './stats';

/**
 * The floor under the cross-node path: one Redis pub/sub hop alone (publish on one connection,
 * the message on another subscribed to the channel), at the rate the cross-node round publishes,
 * on the same Redis, with nothing else typing. Twofold's cross-node path is this hop plus the
 * other node's apply and send, so its added p99 cannot be below this p99.
 */
export async function redisHop(url: string, opts: { perSecond: number; ms: number }): Promise<Summary> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const latencies: number[] = [];
  try {
    await sub.subscribe('bench:hop', (message: Buffer) => latencies.push(now() - message.readDoubleLE(0)), true);
    const gap = 1000 / opts.perSecond;
    const end = now() + opts.ms;
    while (now() < end) {
      const frame = Buffer.alloc(64); // about a keystroke's update with its node tag
      frame.writeDoubleLE(now(), 0);
      await pub.publish('bench:hop', frame);
      await sleep(gap);
    }
    await sleep(200);
  } finally {
    await Promise.all([pub.quit(), sub.quit()]).catch(() => undefined);
  }
  return summarize(latencies);
}
