import net from 'node:net';

/**
 * A TCP relay in front of the server that can go silent without closing anything, as a phone
 * does whose Wi-Fi died or that was locked: `freeze()` stops carrying bytes both ways and
 * keeps every socket open, so the server hears neither data nor a close (a half-open connection).
 */
export async function freezableProxy(targetPort: number) {
  const pairs: { client: net.Socket; upstream: net.Socket; path: string }[] = [];
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, path: '' };
    pairs.push(pair);
    for (const s of [client, upstream]) s.on('error', () => undefined);
    client.on('data', (chunk: Buffer) => {
      if (!pair.path) pair.path = /^[A-Z]+ (\S+)/.exec(chunk.toString('latin1'))?.[1] ?? '?';
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => frozen || client.write(chunk));
    // Until frozen, a close on one side is passed on; after it, the server must find out by itself.
    client.on('close', () => frozen || upstream.destroy());
    upstream.on('close', () => frozen || client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    freeze() {
      frozen = true;
    },
    /** The network is back: what the server cut meanwhile is now closed on the phone's side too. */
    thaw() {
      frozen = false;
      for (const { client, upstream } of pairs) if (upstream.destroyed || upstream.readableEnded) client.destroy();
    },
    /** Relayed connections whose request path starts with `prefix` and that the server has not closed. */
    openTo: (prefix: string) => pairs.filter((p) => p.path.startsWith(prefix) && !p.upstream.destroyed && !p.upstream.readableEnded).length,
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
