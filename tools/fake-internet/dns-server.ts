// The simulated internet's resolvers: real DNS servers on 127.0.0.1 (UDP), answering from the
// world. A resolver can answer SERVFAIL or REFUSED, say nothing, or behave as a recursive
// resolver that keeps answers for their TTL — so a deleted record can still be served from cache.
import dns2 from "dns2";
import type { CachedRecord, FakeResolverState, World } from "./world.ts";

const { Packet } = dns2;
type Resource = dns2.Packet["answers"][number];

const TYPE_NAMES: Record<number, "A" | "AAAA" | "CNAME"> = { [Packet.TYPE.A]: "A", [Packet.TYPE.AAAA]: "AAAA", [Packet.TYPE.CNAME]: "CNAME" };
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

export interface FakeResolver {
  /** "127.0.0.1:PORT", as VERIFY_DNS_SERVERS takes it. */
  id: string;
  state: FakeResolverState;
  close(): Promise<void>;
}

function toResource(r: CachedRecord, ttl: number): Resource {
  const base = { name: r.name, class: Packet.CLASS.IN, ttl };
  if (r.type === "CNAME") return { ...base, type: Packet.TYPE.CNAME, domain: r.value } as Resource;
  return { ...base, type: r.type === "A" ? Packet.TYPE.A : Packet.TYPE.AAAA, address: r.value } as Resource;
}

function soa(zone: string, minimum: number): Resource {
  return {
    name: zone,
    type: Packet.TYPE.SOA,
    class: Packet.CLASS.IN,
    ttl: minimum,
    primary: `ns1.${zone}`,
    admin: `hostmaster.${zone}`,
    serial: 2027060101,
    refresh: 3600,
    retry: 600,
    expiration: 604800,
    minimum,
  } as Resource;
}

/** The answer a resolver gives now: from its cache while fresh (with the remaining TTL), else from the zone. */
export function answerFor(world: World, state: FakeResolverState, name: string, type: "A" | "AAAA" | "CNAME"): { rcode: number; records: { record: CachedRecord; ttl: number }[] } {
  const key = `${name.toLowerCase()}/${type}`;
  const now = world.now();
  if (state.caching) {
    const hit = state.cache.get(key);
    if (hit && hit.expiresAt > now) {
      const ttl = Math.max(0, Math.ceil((hit.expiresAt - now) / 1000));
      return { rcode: hit.rcode, records: hit.records.map((record) => ({ record, ttl })) };
    }
  }
  const fresh = world.authoritative(name, type);
  if (state.caching) {
    const ttl = fresh.records.length > 0 ? Math.min(...fresh.records.map((r) => r.ttl)) : state.negativeTtl;
    state.cache.set(key, { ...fresh, expiresAt: now + ttl * 1000 });
  }
  return { rcode: fresh.rcode, records: fresh.records.map((record) => ({ record, ttl: record.ttl })) };
}

export type ResolverInit = Partial<Pick<FakeResolverState, "mode" | "caching" | "negativeTtl">>;

export async function startFakeResolver(world: World, init: ResolverInit = {}): Promise<FakeResolver> {
  let resolver: FakeResolverState | null = null;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const state = resolver;
      if (!state) return;
      state.queries++;
      world.emit("dns-query", state.id);
      world.changed();
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0];
      const type = question ? TYPE_NAMES[question.type] : undefined;
      if (state.mode === "silent") return;
      if (state.mode === "servfail" || state.mode === "refused") {
        response.header.rcode = state.mode === "servfail" ? RCODE.SERVFAIL : RCODE.REFUSED;
        void send(response);
        return;
      }
      if (!question || !type) {
        void send(response);
        return;
      }
      const name = question.name.replace(/\.$/, "");
      const answer = answerFor(world, state, name, type);
      response.header.rcode = answer.rcode;
      response.header.aa = 0;
      response.header.ra = 1;
      for (const { record, ttl } of answer.records) response.answers.push(toResource(record, ttl));
      if (answer.records.length === 0) response.authorities.push(soa(name.split(".").slice(-2).join("."), state.negativeTtl));
      void send(response);
    },
  });
  server.on("requestError", () => {});
  const addresses = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const id = `127.0.0.1:${addresses.udp!.port}`;
  resolver = world.addResolver(id, init);
  return {
    id,
    state: resolver,
    close: async () => {
      await server.close();
    },
  };
}
