// LISTEN on a connection of its own (a pooled one would be handed to others and lose it). When the
// connection drops (a restart, a failover), it reconnects every second until stopped; notices sent
// meanwhile are lost, which is why whoever listens also polls.
import pg from 'pg';
import type { NoticeChannel } from '../sql/port.ts';

const RECONNECT_MS = 1000;

export async function listenFor(
  url: string,
  channel: NoticeChannel,
  heard: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    if (stopped) return;
    timer = setTimeout(() => void connect().catch(retry), RECONNECT_MS);
    timer.unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    next.on('notification', (n) => {
      if (n.channel === channel) heard(n.payload ?? '');
    });
    next.on('error', () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry();
    });
    try {
      await next.connect();
      // The channel is one of NoticeChannel's identifiers, never input.
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  };

  await connect().catch(retry);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
}
