import { describe, expect, it } from "vitest";
import { clientFor, platformError, useStandin } from "./standin-fixture.ts";

const standin = useStandin();

/** Every byte value, plus bytes that look like multipart boundaries and line ends. */
function awkwardBytes(): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([all, Buffer.from("\r\n--boundary\r\n\r\n"), all.reverse()]);
}

describe("filesUploadV2 against the stand-in", () => {
  it("runs Slack's three-step flow and the bytes arrive intact", async () => {
    const bytes = awkwardBytes();
    const res = await clientFor(standin()).filesUploadV2({
      channel_id: "C0GENERAL",
      file: bytes,
      filename: "units.bin",
      title: "停止一覧",
      initial_comment: "今週の一覧です",
    });
    expect(res.ok).toBe(true);

    expect(standin().calls.map((c) => c.method)).toEqual(["files.getUploadURLExternal", "files.completeUploadExternal"]);
    expect(standin().callsTo("files.getUploadURLExternal")[0]!.args).toMatchObject({ filename: "units.bin", length: String(bytes.length) });

    const [file] = standin().files();
    expect(file).toMatchObject({ title: "停止一覧", filename: "units.bin", channel_id: "C0GENERAL", initial_comment: "今週の一覧です", size: bytes.length });
    expect(file!.content.equals(bytes)).toBe(true);

    const [message] = standin().messages("C0GENERAL");
    expect(message).toMatchObject({ text: "今週の一覧です", files: [{ id: file!.id, name: "units.bin", title: "停止一覧" }] });
    expect(file!.message_ts).toBe(message!.ts);
  });

  it("answers completeUploadExternal with Slack's file objects", async () => {
    const res = await clientFor(standin()).filesUploadV2({ channel_id: "C0GENERAL", content: "a,b\n1,2\n", filename: "units.csv", title: "CSV" });
    const completion = (res as unknown as { files: Array<{ files: Array<Record<string, unknown>> }> }).files[0]!.files[0]!;
    expect(completion).toMatchObject({
      id: expect.stringMatching(/^F/),
      name: "units.csv",
      title: "CSV",
      mimetype: "text/csv",
      filetype: "csv",
      size: 8,
      user: standin().botUserId,
      url_private: expect.stringContaining(standin().baseUrl),
    });
  });

  it("shares several files in one message", async () => {
    await clientFor(standin()).filesUploadV2({
      channel_id: "C0GENERAL",
      initial_comment: "2件",
      file_uploads: [
        { content: "one", filename: "1.txt" },
        { content: "two", filename: "2.txt" },
      ],
    });
    expect(standin().files().map((f) => f.content.toString())).toEqual(["one", "two"]);
    expect(standin().messages("C0GENERAL")).toHaveLength(1);
    expect(standin().messages("C0GENERAL")[0]!.files!.map((f) => f.name)).toEqual(["1.txt", "2.txt"]);
  });

  it("keeps a file private when no channel is given", async () => {
    await clientFor(standin()).filesUploadV2({ content: "private", filename: "p.txt" });
    expect(standin().files()[0]).toMatchObject({ filename: "p.txt" });
    expect(standin().files()[0]!.channel_id).toBeUndefined();
    expect(standin().messages("C0GENERAL")).toEqual([]);
  });

  it("fails the whole upload when the upload URL answers 500", async () => {
    standin().failNext("upload", { kind: "http", status: 500 });
    await expect(clientFor(standin()).filesUploadV2({ channel_id: "C0GENERAL", content: "x", filename: "x.txt" })).rejects.toThrow();
    expect(standin().files()).toEqual([]);
    expect(standin().callsTo("files.completeUploadExternal")).toEqual([]);
  });
});

describe("the upload steps one by one", () => {
  it("accepts raw bytes posted to the upload URL, as curl --data-binary does", async () => {
    const client = clientFor(standin());
    const { upload_url, file_id } = await client.files.getUploadURLExternal({ filename: "raw.txt", length: 5 });
    expect(upload_url).toBe(`${standin().baseUrl}/upload/${file_id}`);
    const put = await fetch(upload_url!, { method: "POST", body: "hello", headers: { "content-type": "application/octet-stream" } });
    expect(put.status).toBe(200);
    expect(await put.text()).toBe("OK - 5");
    await client.files.completeUploadExternal({ files: [{ id: file_id!, title: "Raw" }], channel_id: "C0GENERAL" });
    expect(standin().files()[0]).toMatchObject({ title: "Raw", filename: "raw.txt" });
    expect(standin().files()[0]!.content.toString()).toBe("hello");
  });

  it("answers file_not_found for an id that was never issued or never received bytes", async () => {
    const client = clientFor(standin());
    const never = await platformError(client.files.completeUploadExternal({ files: [{ id: "F0NEVER" }] }));
    expect(never.error).toBe("file_not_found");
    const { file_id } = await client.files.getUploadURLExternal({ filename: "x.txt", length: 1 });
    const noBytes = await platformError(client.files.completeUploadExternal({ files: [{ id: file_id! }] }));
    expect(noBytes.error).toBe("file_not_found");
  });

  it("answers invalid_arguments when length is missing", async () => {
    const data = await platformError(clientFor(standin()).apiCall("files.getUploadURLExternal", { filename: "x.txt" }));
    expect(data).toMatchObject({ error: "invalid_arguments", response_metadata: { messages: ["[ERROR] missing required field: length"] } });
  });

  it("serves url_private to the bot token only", async () => {
    const res = await clientFor(standin()).filesUploadV2({ content: "secret", filename: "s.txt" });
    const url = (res as unknown as { files: Array<{ files: Array<{ url_private: string }> }> }).files[0]!.files[0]!.url_private;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    const authed = await fetch(url, { headers: { authorization: `Bearer ${standin().botToken}` } });
    expect(authed.status).toBe(200);
    expect(await authed.text()).toBe("secret");
  });
});
