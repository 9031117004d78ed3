// A TCP proxy in front of a real server (PostgreSQL, Temporal), to take it away from the process
// under test the way outages do: `stop()` is a server that is down (connections reset, new ones
// refused), `freeze()` one that hangs (connections accepted, nothing answered — SIGSTOP).
import net from 'node:net';

export interface TcpProxy {
  /** host:port to give the process under test. */
  address: string;
  port: number;
  stop(): Promise<void>;
  freeze(): void;
  /** Back to forwarding; connections held while frozen go through. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'up' | 'frozen' | 'down' = 'up';
  const sockets = new Set<net.Socket>();
  const held: net.Socket[] = [];
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => {}); // a reset is what an outage looks like
    s.once('close', () => sockets.delete(s));
    return s;
  };
  const forward = (client: net.Socket) => {
    const upstream = track(net.connect(target.port, target.host));
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'frozen') held.push(client);
    else forward(client);
  });
  const listen = (port: number) => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    async stop() {
      mode = 'down';
      const closed = new Promise((r) => server.close(r));
      for (const s of sockets) s.destroy();
      await closed;
    },
    freeze() {
      mode = 'frozen';
      for (const s of sockets) s.pause();
    },
    async restore() {
      if (mode === 'down') await listen(port);
      mode = 'up';
      for (const s of sockets) s.resume();
      for (const c of held.splice(0)) if (!c.destroyed) forward(c);
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise((r) => server.close(r));
    },
  };
}
