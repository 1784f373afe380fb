// The simulated registries: a WHOIS server answering as CNNIC does (port 43 protocol), and an
// RDAP server answering as Verisign's does (/{tld}/v1/domain/{name}), both on 127.0.0.1.
import http from "node:http";
import net from "node:net";
import type { FakeDomain, World } from "./world.ts";

export interface RegistryServers {
  whois: string;
  /** With "{tld}", as VERIFY_RDAP_URL takes it. */
  rdapUrl: string;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export function cnnicAnswer(d: FakeDomain | undefined, name: string): string {
  if (!d || d.registry === "gone") return "No matching record.\r\n";
  return [
    `Domain Name: ${name}`,
    `ROID: 20030310s10001s${String(1000000 + name.length * 7919).padStart(8, "0")}-cn`,
    "Domain Status: ok",
    `Registrant: ${d.sponsor}`,
    "Registrant Contact Email: admin@jintan.gov.cn",
    "Sponsoring Registrar: 政务和公益机构域名注册管理中心",
    `Name Server: ns1.${name}`,
    `Name Server: ns2.${name}`,
    "Registration Time: 2003-03-10 12:00:00",
    "Expiration Time: 2028-03-10 12:00:00",
    "DNSSEC: unsigned",
    "",
  ].join("\r\n");
}

function rdapAnswer(d: FakeDomain | undefined, name: string): { status: number; body: unknown } {
  if (!d || d.registry === "gone") return { status: 404, body: { errorCode: 404, title: "Not Found", description: [`${name.toUpperCase()} not found`] } };
  return {
    status: 200,
    body: {
      objectClassName: "domain",
      ldhName: name.toUpperCase(),
      status: ["client transfer prohibited"],
      events: [
        { eventAction: "registration", eventDate: "2005-04-12T08:00:00Z" },
        { eventAction: "expiration", eventDate: "2028-04-12T08:00:00Z" },
      ],
      rdapConformance: ["rdap_level_0"],
    },
  };
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export async function startRegistryServers(world: World): Promise<RegistryServers> {
  const whoisSockets = new Set<net.Socket>();
  const whois = net.createServer((socket) => {
    whoisSockets.add(socket);
    socket.on("close", () => whoisSockets.delete(socket));
    socket.on("error", () => {});
    let line = "";
    socket.on("data", (chunk: Buffer) => {
      line += chunk.toString("utf8");
      if (!line.includes("\n")) return;
      const name = line.trim().toLowerCase();
      world.whois.queries++;
      world.emit("whois", name);
      world.changed();
      const mode = world.whois.mode;
      if (mode === "silent") return;
      if (mode === "rate-limited") return void socket.end("Queried interval is too short.\r\n");
      if (mode === "error") return void socket.end("Internal error, please try again later.\r\n");
      socket.end(cnnicAnswer(world.domains.get(name), name));
    });
  });
  const rdap = http.createServer((req, res) => {
    world.rdap.queries++;
    world.changed();
    const m = /^\/([a-z]+)\/v1\/domain\/([^/?]+)$/.exec(req.url ?? "");
    const mode = world.rdap.mode;
    if (mode === "silent") return;
    if (mode === "rate-limited") return void res.writeHead(429, { "Retry-After": "60" }).end();
    if (mode === "error" || !m) return void res.writeHead(mode === "error" ? 500 : 400).end();
    const name = decodeURIComponent(m[2]!).toLowerCase();
    const answer = rdapAnswer(world.domains.get(name), name);
    res.writeHead(answer.status, { "Content-Type": "application/rdap+json" }).end(JSON.stringify(answer.body));
  });
  const whoisPort = await listen(whois, 0);
  const rdapPort = await listen(rdap, 0);
  let whoisOpen = true;
  let rdapOpen = true;
  const stop = (server: net.Server, sockets?: Set<net.Socket>) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets ?? []) s.destroy();
      if (server instanceof http.Server) server.closeAllConnections();
    });
  const sync = async () => {
    const wantWhois = world.whois.mode !== "off";
    const wantRdap = world.rdap.mode !== "off";
    if (wantWhois !== whoisOpen) {
      if (wantWhois) await listen(whois, whoisPort);
      else await stop(whois, whoisSockets);
      whoisOpen = wantWhois;
    }
    if (wantRdap !== rdapOpen) {
      if (wantRdap) await listen(rdap, rdapPort);
      else await stop(rdap);
      rdapOpen = wantRdap;
    }
  };
  return {
    whois: `127.0.0.1:${whoisPort}`,
    rdapUrl: `http://127.0.0.1:${rdapPort}/{tld}/v1/`,
    sync,
    close: async () => {
      if (whoisOpen) await stop(whois, whoisSockets);
      if (rdapOpen) await stop(rdap);
      whoisOpen = rdapOpen = false;
    },
  };
}
