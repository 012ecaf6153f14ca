// Small loopback proxies for running several carenav instances and a database that fails over, as a
// load balancer and a floating database address do in production (issue #19: the e2e run on
// PostgreSQL, the failover drill).
import { createServer, request } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';

/**
 * An HTTP proxy on `port` sending each request to the next of `ports` in turn (round robin, nothing
 * sticky: carenav's sessions are in the database). Answers 502 while an instance is not listening.
 */
export function roundRobinProxy(port, ports) {
  let next = 0;
  const proxy = createServer((incoming, outgoing) => {
    const target = ports[next++ % ports.length];
    const upstream = request(
      { host: '127.0.0.1', port: target, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    incoming.pipe(upstream);
  });
  proxy.listen(port);
  return proxy;
}

/**
 * A TCP address that forwards to the database server at `targetPort`, and can be pointed elsewhere:
 * `moveTo(port)` drops every connection (as the failed server's did) and sends new ones to `port`,
 * as a managed database's address moves to the promoted replica. Resolves once listening.
 */
export async function floatingAddress(targetPort) {
  let target = targetPort;
  const open = new Set();
  const server = createTcpServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    open.add(client);
    const drop = () => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    moveTo(port) {
      target = port;
      for (const client of open) client.destroy();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
