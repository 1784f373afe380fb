// Certificates of the simulated internet, made at start: a test CA that signs a certificate per
// host name on demand (ECDSA P-256, a few milliseconds each), or one shared self-signed
// certificate for every name (fast, and untrusted: what an old site's expired certificate looks like).
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";
import tls from "node:tls";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY = 86_400_000;

export interface CertificateMaker {
  /** PEM of the CA: give it to the probe (VerifySettings.extraCa) to trust the per-name certificates. */
  caPem: string;
  /** A TLS context for a host name, made once and kept. */
  contextFor(name: string): Promise<tls.SecureContext>;
  /** Key and certificate (PEM) for connections without SNI or with a name the maker does not sign. */
  defaultKeyPem: string;
  defaultCertPem: string;
}

async function pemKey(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

export async function createCertificateMaker(mode: "per-name" | "shared"): Promise<CertificateMaker> {
  const now = Date.now();
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: "CN=Fake Internet Test CA, O=shutdown-bot tests",
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const leafKeys = (await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"])) as CryptoKeyPair;
  const leafKeyPem = await pemKey(leafKeys.privateKey);
  let serial = 1;
  const issue = async (names: string[]) => {
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: (++serial).toString(16).padStart(2, "0"),
      subject: `CN=${names[0]}`,
      issuer: ca.subject,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 90 * DAY),
      signingKey: caKeys.privateKey,
      publicKey: leafKeys.publicKey,
      signingAlgorithm: ALG,
      extensions: [
        new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value }))),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.BasicConstraintsExtension(false),
      ],
    });
    return `${cert.toString("pem")}\n${ca.toString("pem")}`;
  };
  const sharedPem = await issue(["fake-internet.invalid"]);
  const shared = tls.createSecureContext({ key: leafKeyPem, cert: sharedPem });
  const contexts = new Map<string, Promise<tls.SecureContext>>();
  return {
    caPem: ca.toString("pem"),
    defaultKeyPem: leafKeyPem,
    defaultCertPem: sharedPem,
    contextFor(name) {
      if (mode === "shared") return Promise.resolve(shared);
      const key = name.toLowerCase();
      let context = contexts.get(key);
      if (!context) {
        context = issue([key]).then((cert) => tls.createSecureContext({ key: leafKeyPem, cert }));
        contexts.set(key, context);
      }
      return context;
    },
  };
}
