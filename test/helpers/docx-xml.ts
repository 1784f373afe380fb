// Opens a .docx as Word would find it: its parts' XML, and the text of paragraphs and table cells.
import JSZip from "jszip";

export interface DocxParts {
  document: string;
  styles: string;
  core: string;
  files: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`the document has no ${name}`);
    return file.async("string");
  };
  return {
    document: await part("word/document.xml"),
    styles: await part("word/styles.xml"),
    core: await part("docProps/core.xml"),
    files: Object.keys(zip.files),
  };
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of an XML fragment's runs, paragraphs joined by "\n". */
export function textOf(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => unescape(t.replace(/<[^>]+>/g, ""))).join(""))
    .join("\n");
}

/** Every table row of the document as the text of its cells. */
export function tableRows(documentXml: string): string[][] {
  const rows = documentXml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  return rows.map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
}

/** The body's paragraphs outside tables, as text. */
export function paragraphsOutsideTables(documentXml: string): string[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return (body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(textOf);
}

export function count(xml: string, pattern: RegExp): number {
  return (xml.match(new RegExp(pattern.source, "g")) ?? []).length;
}
