// Reads kept while the store's version stays the same. Two versions: the directory's (units,
// domains, contacts, coordinators, deadlines, batches — raised by triggers in the change's own
// transaction, migration "directory_version"), for the reads of those tables alone; and
// everything's (the SQLite reader's data_version, the PostgreSQL reader's snapshot), for reads
// that take in items too. NOTE: a version is always taken before the read it keys, so a commit in
// between costs a re-read, never a stale answer.

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

/** A store's versions, as asked once: the directory's, and everything's. */
export interface StoreVersions {
  directory: unknown;
  everything: unknown;
}

/** The versions asked for the reads of one piece of work (askVersionOnce), until a transaction ends. */
interface VersionScope {
  versions?: Promise<StoreVersions>;
  /** Made by oneRequestsReads: askVersionOnceInRequest joins it. */
  request?: true;
}
const oneVersion = new AsyncLocalStorage<VersionScope>();

/**
 * Runs `work` with its kept reads checked against one asking of the version, not one each
 * (PostgreSQL: a round trip each). NOTE: the version is asked at the first read, so the work sees
 * every commit made before it began; a transaction of its own ends the shared version
 * (versionMayHaveChanged), so what it wrote is seen by its reads after.
 */
export function askVersionOnce<T>(work: () => Promise<T>): Promise<T> {
  return oneVersion.run({}, work);
}

/** As askVersionOnce, but inside a request's scope (oneRequestsReads) its versions serve on. */
export function askVersionOnceInRequest<T>(work: () => Promise<T>): Promise<T> {
  return oneVersion.getStore()?.request ? work() : askVersionOnce(work);
}

/**
 * One scope for the pieces of one request that run apart (the listener's look for a handled
 * request, then the command): the versions the first took, with it, serve the next. NOTE: only
 * what runs inside `run` shares them; work started after (App Home rounds) asks anew, and work
 * that outlives the request must not be started inside it.
 */
export function oneRequestsReads(): { run<T>(work: () => Promise<T>): Promise<T> } {
  const scope: VersionScope = { request: true };
  return { run: (work) => oneVersion.run(scope, work) };
}

/**
 * Versions read together with something else (PostgreSQL: with the handled request, in the same
 * statement) serve the scope's next reads, if it has not asked yet.
 */
export function offerVersions(versions: StoreVersions): void {
  const scope = oneVersion.getStore();
  if (scope && !scope.versions) scope.versions = Promise.resolve(versions);
}

/** Called when a transaction ends: the next kept read asks the versions again. */
export function versionMayHaveChanged(): void {
  const scope = oneVersion.getStore();
  if (scope) scope.versions = undefined;
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

  /** The same for a read that waits on the database; `versions` are asked first (once, inside askVersionOnce). */
  async getAsync<T>(versions: () => Promise<StoreVersions>, key: string, read: () => Promise<T>): Promise<T> {
    return (await this.getAsyncAt(versions, key, read)).value;
  }

  /**
   * The same, with the version the value is of: it shows every commit up to that version, and
   * none after it as long as a later statement still finds the store at that version.
   */
  async getAsyncAt<T>(versions: () => Promise<StoreVersions>, key: string, read: () => Promise<T>): Promise<{ value: T; version: unknown }> {
    const scope = oneVersion.getStore();
    const seen = (await (scope ? (scope.versions ??= versions()) : versions()))[this.which];
    this.at(seen);
    if (this.values.has(key)) return { value: this.values.get(key) as T, version: seen };
    const value = deepFreeze(await read());
    this.keep(seen, key, value);
    return { value, version: seen };
  }
}
