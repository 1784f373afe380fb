// Reads kept while the store's version stays the same. Two versions: the directory's (units,
// domains, contacts, coordinators, deadlines, batches — raised by triggers in the change's own
// transaction, migration "directory_version"), for the reads of those tables alone; and
// everything's (the SQLite reader's data_version, the PostgreSQL reader's snapshot), for reads
// that take in items too. NOTE: a version is always taken before the read it keys, so a commit in
// between costs a re-read, never a stale answer.
import { deepFreeze } from "../lib/deep-freeze.ts";

/** Callers and units kept between commits; plenty for a campaign of 38 units. */
const MAX_KEPT = 2_000;

/** A store's versions, as asked once: the directory's, and everything's. */
export interface StoreVersions {
  directory: unknown;
  everything: unknown;
}

/** Transactions this process has ended: a version asked before the last one may miss its writes. */
let transactionsEnded = 0;

/** Called when a transaction ends: versions a scope asked before it are asked again. */
export function versionMayHaveChanged(): void {
  transactionsEnded++;
}

/**
 * The versions asked once for the reads of one piece of work (a request, an App Home refresh):
 * PostgreSQL: one round trip, not one per read; SQLite: one statement. NOTE: asked at the first
 * read, so the work sees every commit made before it began; asked again after any transaction
 * this process ends, so what the work wrote is seen by its reads after. Never kept longer than
 * the work: another instance's commits would go unseen. `V`: the versions as the store gives
 * them, a promise (PostgreSQL) or at once (SQLite).
 */
export class VersionScope<V extends StoreVersions | Promise<StoreVersions> = Promise<StoreVersions>> {
  private versions: V | undefined;
  private askedAt = -1;

  ask(versions: () => V): V {
    if (this.versions === undefined || this.askedAt !== transactionsEnded) {
      const epoch = transactionsEnded;
      // A failed asking, thrown (SQLite) or rejected (PostgreSQL), is not kept: the next read asks again.
      const asked = versions();
      this.askedAt = epoch;
      this.versions = asked;
      if (asked instanceof Promise)
        asked.catch(() => {
          if (this.versions === asked) this.versions = undefined;
        });
    }
    return this.versions;
  }

  /** Versions read together with something else (in the same statement as the handled request). */
  offer(versions: V): void {
    if (this.versions !== undefined && this.askedAt === transactionsEnded) return;
    this.askedAt = transactionsEnded;
    this.versions = versions;
  }
}

/** Kept values are frozen: every request shares them until the version changes. */
export class KeptReads {
  private version: unknown;

  /** `which`: the version of the two that the reads kept here depend on. */
  constructor(private readonly which: keyof StoreVersions) {}
  private readonly values = new Map<string, unknown>();

  private at(version: unknown): void {
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
  }

  private keep(version: unknown, key: string, value: unknown): void {
    // A read that finished after a newer version was seen is not kept under the newer one.
    if (version !== this.version) return;
    if (this.values.size >= MAX_KEPT) this.values.clear();
    this.values.set(key, value);
  }

  /** `read()`'s value, kept under `key` while the version is `version`. */
  get<T>(version: unknown, key: string, read: () => T): T {
    this.at(version);
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = deepFreeze(read());
    this.keep(version, key, value);
    return value;
  }

  /** The same for a read that waits on the database; `versions` are asked first. */
  async getAsync<T>(versions: () => Promise<StoreVersions>, key: string, read: () => Promise<T>): Promise<T> {
    return (await this.getAsyncAt(versions, key, read)).value;
  }

  /**
   * The same, with the version the value is of: it shows every commit up to that version, and
   * none after it as long as a later statement still finds the store at that version.
   */
  async getAsyncAt<T>(versions: () => Promise<StoreVersions>, key: string, read: () => Promise<T>): Promise<{ value: T; version: unknown }> {
    const seen = (await versions())[this.which];
    this.at(seen);
    if (this.values.has(key)) return { value: this.values.get(key) as T, version: seen };
    const value = deepFreeze(await read());
    this.keep(seen, key, value);
    return { value, version: seen };
  }
}
