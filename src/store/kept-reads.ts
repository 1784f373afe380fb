// Reads kept while the store's version stays the same: the SQLite reader's data_version, the
// PostgreSQL reader's snapshot. NOTE: the version is always taken before the read it keys, so a
// commit in between costs a re-read, never a stale answer.

import { AsyncLocalStorage } from "node:async_hooks";

/** Callers and units kept between commits; plenty for a campaign of 38 units. */
const MAX_KEPT = 2_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The version asked for the reads of one piece of work (askVersionOnce), until a transaction ends. */
const oneVersion = new AsyncLocalStorage<{ version?: Promise<unknown> }>();

/**
 * Runs `work` with its kept reads checked against one asking of the version, not one each
 * (PostgreSQL: a round trip each). NOTE: the version is asked at the first read, so the work sees
 * every commit made before it began; a transaction of its own ends the shared version
 * (versionMayHaveChanged), so what it wrote is seen by its reads after.
 */
export function askVersionOnce<T>(work: () => Promise<T>): Promise<T> {
  return oneVersion.run({}, work);
}

/** Called when a transaction ends: the next kept read asks the version again. */
export function versionMayHaveChanged(): void {
  const scope = oneVersion.getStore();
  if (scope) scope.version = undefined;
}

/** Kept values are frozen: every request shares them until the version changes. */
export class KeptReads {
  private version: unknown;
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

  /** The same for a read that waits on the database; `version` is asked first (once, inside askVersionOnce). */
  async getAsync<T>(version: () => Promise<unknown>, key: string, read: () => Promise<T>): Promise<T> {
    const scope = oneVersion.getStore();
    const seen = await (scope ? (scope.version ??= version()) : version());
    this.at(seen);
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = deepFreeze(await read());
    this.keep(seen, key, value);
    return value;
  }
}
