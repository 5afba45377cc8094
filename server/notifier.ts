/**
 * Wakes waiting pulls when a batch is stored, on whichever endpoint stored it: one LISTEN connection per
 * endpoint, and PostgreSQL's NOTIFY (sent in the storing transaction, so only once it commits). If the
 * connection drops it is made again; a waiting pull times out and asks again meanwhile, so nothing is missed.
 */
import pg from 'pg';
import { BATCH_CHANNEL } from './batches';

export class BatchNotifier {
  private client: pg.Client | null = null;
  private closed = false;
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(private readonly connectionString: string) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      const inspectionId = payload.slice(payload.indexOf(' ') + 1);
      this.wake(inspectionId);
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${BATCH_CHANNEL}`);
    this.client = client;
  }

  private reconnect(old: pg.Client): void {
    if (this.closed || this.client !== old) return;
    this.client = null;
    old.end().catch(() => undefined);
    // Pulls waiting now would miss a wake-up while there is no connection: let them ask again.
    for (const id of [...this.waiters.keys()]) this.wake(id);
    setTimeout(() => {
      if (!this.closed) this.start().catch(() => this.reconnect(old));
    }, 1000).unref();
  }

  private wake(inspectionId: string): void {
    const set = this.waiters.get(inspectionId);
    if (!set) return;
    this.waiters.delete(inspectionId);
    for (const resolve of set) resolve();
  }

  /**
   * A promise that settles when a batch for the inspection is stored, after `ms`, or on `cancel()`. Register it
   * before looking, so a batch stored between the look and the wait still wakes it.
   */
  waitFor(inspectionId: string, ms: number): { done: Promise<void>; cancel: () => void } {
    let cancel = () => {};
    const done = new Promise<void>((resolve) => {
      const set = this.waiters.get(inspectionId) ?? new Set<() => void>();
      this.waiters.set(inspectionId, set);
      const finish = () => {
        clearTimeout(timer);
        set.delete(finish);
        if (set.size === 0 && this.waiters.get(inspectionId) === set) this.waiters.delete(inspectionId);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      set.add(finish);
      cancel = finish;
    });
    return { done, cancel };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.waiters.keys()]) this.wake(id);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
