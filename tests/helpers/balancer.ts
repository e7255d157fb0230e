import net from 'node:net';

/**
 * A TCP load balancer for multi-node tests, as HAProxy in TCP mode would be:
 * each connection goes to the first node in `order` that accepts it, and
 * lives and dies with that node's socket. A killed node's clients reconnect
 * through the same address and land on the next node; `cut()` drops every
 * connection (a network blip) so a test can move clients on purpose.
 */
export async function startBalancer(order: number[]) {
  const pairs = new Set<{ client: net.Socket; node: net.Socket }>();
  const server = net.createServer((client) => {
    client.pause();
    const tryNode = (i: number) => {
      if (i >= balancer.order.length) return client.destroy();
      const node = net.connect(balancer.order[i], '127.0.0.1');
      let connected = false;
      node.once('error', () => {
        if (!connected) tryNode(i + 1); // refused: the next node
      });
      node.once('connect', () => {
        connected = true;
        const pair = { client, node };
        pairs.add(pair);
        const end = () => {
          pairs.delete(pair);
          client.destroy();
          node.destroy();
        };
        node.on('error', end).on('close', end);
        client.on('error', end).on('close', end);
        client.pipe(node);
        node.pipe(client);
        client.resume();
      });
    };
    tryNode(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const balancer = {
    url: `http://127.0.0.1:${port}`,
    /** Node ports, most preferred first; change it to steer new connections. */
    order,
    /** Drops every open connection, as a flaky network would. */
    cut(): void {
      for (const { client, node } of pairs) {
        client.destroy();
        node.destroy();
      }
      pairs.clear();
    },
    close(): Promise<void> {
      balancer.cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return balancer;
}
