import { describe, expect, it } from "vitest";
import { VersionScope, versionMayHaveChanged, type StoreVersions } from "../src/store/kept-reads.ts";

function counting() {
  let asked = 0;
  return { ask: async (): Promise<StoreVersions> => ({ everything: ++asked, directory: 1 }), asked: () => asked };
}

describe("one version for a piece of work", () => {
  it("is asked once for all its reads, and again after a transaction ends", async () => {
    const versions = counting();
    const scope = new VersionScope();
    expect((await scope.ask(versions.ask)).everything).toBe(1);
    expect((await scope.ask(versions.ask)).everything).toBe(1);
    versionMayHaveChanged();
    expect((await scope.ask(versions.ask)).everything).toBe(2);
    expect(versions.asked()).toBe(2);
  });

  it("takes versions offered with another read, unless it asked already", async () => {
    const versions = counting();
    const offered = new VersionScope();
    offered.offer(Promise.resolve({ everything: "offered", directory: 1 }));
    expect((await offered.ask(versions.ask)).everything).toBe("offered");
    offered.offer(Promise.resolve({ everything: "later", directory: 2 }));
    expect((await offered.ask(versions.ask)).everything).toBe("offered");
    versionMayHaveChanged();
    offered.offer(Promise.resolve({ everything: "after the transaction", directory: 2 }));
    expect((await offered.ask(versions.ask)).everything).toBe("after the transaction");
    expect(versions.asked()).toBe(0);
  });

  it("asks again after an asking that failed", async () => {
    const scope = new VersionScope();
    await expect(scope.ask(async () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect((await scope.ask(async () => ({ everything: "again", directory: 1 }))).everything).toBe("again");
  });
});
