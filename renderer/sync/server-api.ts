/**
 * The team server's protocol from a device's side (docs/sync.md): sign in with the device's key, put and read the
 * team list, push signed batches and pull the others'. Plain fetch, so it runs in the renderer and in Node tests
 * alike. Every answer is checked here, not trusted: a team list must carry the lead's signature, and every pulled
 * batch a valid signature from a member of that list.
 */
import { checkSignature, type SigningKeys } from '#shared/interchange';
import {
  answerChallenge,
  batchHash,
  checkRoster,
  memberWithKey,
  type ChangeBatch,
  type Roster,
} from '#shared/sync';

/** A refusal or failure from the server, with its status and code (docs/sync.md lists them). */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** What pushing a batch came to. */
export interface PushResult {
  readonly seq: number;
  /** The server already had this very batch (a retry after a lost answer). */
  readonly duplicate: boolean;
}

/** One batch pulled from the server, checked: its number, the batch, its hash, and the member who signed it. */
export interface PulledBatch {
  readonly seq: number;
  readonly batch: ChangeBatch;
  readonly hash: string;
  readonly signedBy: string;
}

export interface PullResult {
  readonly batches: readonly PulledBatch[];
  /** The cursor to pull after next time. */
  readonly last: number;
  readonly more: boolean;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class SyncServer {
  private token: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly keys: SigningKeys,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  /**
   * Signs in: a fresh challenge, signed with this device's key, for a short-lived token. A challenge the server
   * says is used (a request sent twice by the network) is replaced by a new one, up to three times.
   */
  async signIn(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { challenge } = (await this.call('POST', '/v1/session/challenge', undefined, false)) as {
        challenge: string;
      };
      const answer = await answerChallenge(challenge, this.keys);
      try {
        const { token } = (await this.call('POST', '/v1/session', JSON.stringify(answer), false)) as {
          token: string;
        };
        this.token = token;
        return;
      } catch (error) {
        if (!(error instanceof SyncError && error.code === 'unknown-challenge') || attempt === 3) throw error;
      }
    }
  }

  /** True when the server answers its health check. */
  async healthy(): Promise<boolean> {
    try {
      const body = (await this.call('GET', '/v1/health', undefined, false)) as { ok?: boolean };
      return body.ok === true;
    } catch {
      return false;
    }
  }

  async putRoster(roster: Roster): Promise<{ version: number; stored: boolean }> {
    return (await this.call(
      'PUT',
      `${this.inspectionPath(roster.inspectionId)}/roster`,
      JSON.stringify(roster),
    )) as {
      version: number;
      stored: boolean;
    };
  }

  /**
   * The inspection's team list, checked: signed by the lead it names, and (when given) that lead's key is the one
   * this device already trusts as lead.
   */
  async getRoster(inspectionId: string, trustedLeadKey?: string): Promise<Roster> {
    const body = await this.call('GET', `${this.inspectionPath(inspectionId)}/roster`);
    const check = await checkRoster(body);
    if (!check.ok) throw new SyncError(0, 'invalid-roster', `the server's team list fails: ${check.problem}`);
    if (check.roster.inspectionId !== inspectionId) {
      throw new SyncError(0, 'invalid-roster', `the server sent the team list of another inspection`);
    }
    if (trustedLeadKey && check.roster.signature.publicKey !== trustedLeadKey) {
      throw new SyncError(0, 'invalid-roster', 'the team list is not signed by the lead this device trusts');
    }
    return check.roster;
  }

  async pushBatch(batch: ChangeBatch): Promise<PushResult> {
    return (await this.call(
      'POST',
      `${this.inspectionPath(batch.inspectionId)}/batches`,
      JSON.stringify(batch),
    )) as PushResult;
  }

  /**
   * Batches after `after`, waiting up to `waitSeconds` for one to arrive. Each is checked against the team list:
   * a batch whose signature fails or whose signer is not on the list is refused, and the pull with it.
   */
  async pull(
    inspectionId: string,
    after: number,
    roster: Roster,
    waitSeconds = 0,
    limit = 200,
  ): Promise<PullResult> {
    const query = `after=${after}&wait=${waitSeconds}&limit=${limit}`;
    const body = (await this.call('GET', `${this.inspectionPath(inspectionId)}/batches?${query}`)) as {
      batches: { seq: number; batch: ChangeBatch }[];
      last: number;
      more: boolean;
    };
    const batches: PulledBatch[] = [];
    for (const item of body.batches) {
      const check = await checkSignature(item.batch);
      if (check.state !== 'verified') {
        throw new SyncError(
          0,
          'bad-signature',
          `batch ${item.seq} from the server is not signed as it should be`,
        );
      }
      const member = memberWithKey(roster, check.publicKey);
      if (!member) {
        throw new SyncError(
          0,
          'not-a-member',
          `batch ${item.seq} is signed by key ${check.fingerprint}, not on the team list`,
        );
      }
      // The changes inside name their inspection too, and that is the one a merge writes to.
      if (item.batch.inspectionId !== inspectionId || item.batch.inspection?.id !== inspectionId) {
        throw new SyncError(0, 'malformed', `batch ${item.seq} is for another inspection`);
      }
      batches.push({
        seq: item.seq,
        batch: item.batch,
        hash: batchHash(item.batch),
        signedBy: member.initials,
      });
    }
    return { batches, last: body.last, more: body.more };
  }

  private inspectionPath(inspectionId: string): string {
    return `/v1/inspections/${encodeURIComponent(inspectionId)}`;
  }

  /** One request; signs in first when there is no token, and once more if the token has run out. */
  private async call(method: string, path: string, body?: string, authorised = true): Promise<unknown> {
    if (authorised && !this.token) await this.signIn();
    const send = () =>
      this.fetchImpl(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(authorised && this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body,
      });
    let response = await send();
    if (authorised && response.status === 401) {
      await response.body?.cancel();
      await this.signIn();
      response = await send();
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new SyncError(
        response.status,
        'malformed',
        `the server's answer is not JSON (status ${response.status})`,
      );
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new SyncError(
        response.status,
        error?.code ?? 'http-error',
        error?.message ?? `the server answered ${response.status}`,
      );
    }
    return parsed;
  }
}
