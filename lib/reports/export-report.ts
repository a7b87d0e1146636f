// Exports an incident report as Markdown, JSON, CSV (the full timeline) or PDF. The
// timeline is streamed from the database two thousand rows at a time. Markdown, JSON and
// PDF say when they were generated and by whom, and end with the SHA-256 of everything
// before that last statement (for PDF: of the report's text), so a copy can be checked.
// CSV is plain RFC 4180 (the header row first, nothing else) so any CSV reader opens it:
// its hash and provenance travel in response headers, which is why it is written to a
// temporary file first (bounded memory, one read of the rows) and then sent.
// Exporting is recorded in the audit log.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify/sync";
import PDFDocument from "pdfkit";
import type { Db } from "@/db/client";
import type { ReportAction } from "@/lib/incidents/incident-actions";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { incidentActions } from "@/lib/incidents/incident-actions";
import { type ReportData, loadReportData } from "./report-data";
import { csvCell, markdownText } from "./inert-text";
import { reportSections, timelineLine } from "./report-lines";
import { yieldToRequests } from "./yield-to-requests";

export const reportFormats = ["md", "json", "csv", "pdf"] as const;
export type ReportFormat = (typeof reportFormats)[number];

const contentTypes: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

const CSV_COLUMNS = ["occurred_at", "seq", "actor_type", "agent", "person", "kind", "tool", "target_type", "target_id", "sensitivity", "outcome", "on_behalf_of", "after_containment", "summary"];

/** A batch of rows in one call: the formatter's set-up costs more than a row. */
function csvRows(batch: ReportAction[], names: Map<string, string>): string {
  return stringify(
    batch.map((action) => ([
      action.occurredAt.toISOString(), action.id, action.actorType, names.get(action.agentId ?? "") ?? "", action.humanId ?? "", action.kind,
      action.tool ?? "", action.targetType ?? "", action.targetId ?? "", action.sensitivity ?? "", action.outcome, action.onBehalfOf ?? "",
      action.afterContainment ? "yes" : "no", action.summary ?? "",
    ] as (string | number)[]).map((cell) => (typeof cell === "string" ? csvCell(cell) : cell))),
  );
}

/** A batch in slices of rows, with a turn of the event loop between slices when rendering ran long. */
async function* slices(batch: ReportAction[], pause: () => Promise<void> | undefined): AsyncGenerator<ReportAction[]> {
  for (let start = 0; start < batch.length; start += SLICE_ROWS) {
    yield batch.slice(start, start + SLICE_ROWS);
    await pause();
  }
}
const SLICE_ROWS = 200;

async function* textReport(db: Db, data: ReportData, format: Exclude<ReportFormat, "pdf">): AsyncGenerator<string> {
  const { detail, blast } = data;
  const pause = yieldToRequests();
  const names = new Map(data.detail.agents.map((agent) => [agent.id, agent.name]));
  const reference = data.detail.incident.reference;
  const hash = createHash("sha256");
  const emit = (text: string) => {
    hash.update(text);
    return text;
  };

  if (format === "md") {
    yield emit(`# ${reference}: ${markdownText(data.incident.title)}\n\nGenerated ${data.generatedAt} by ${markdownText(data.generatedBy)}.\n`);
    for (const section of reportSections(data)) yield emit(`\n## ${section.title}\n\n${section.lines.map((line) => `- ${markdownText(line)}`).join("\n")}\n`);
    yield emit("\n## Full timeline\n\n");
    for await (const batch of incidentActions(db, data.incident)) {
      for await (const slice of slices(batch, pause)) yield emit(slice.map((action) => `- ${markdownText(timelineLine(action, names))}\n`).join(""));
    }
    yield `\n---\nSHA-256 of this report above the line: ${hash.digest("hex")}\n`;
    return;
  }

  if (format === "csv") {
    yield stringify([CSV_COLUMNS]);
    for await (const batch of incidentActions(db, data.incident)) {
      for await (const slice of slices(batch, pause)) yield csvRows(slice, names);
    }
    return;
  }

  const head = {
    format: "tourniquet-incident-report/v1",
    generatedAt: data.generatedAt,
    generatedBy: data.generatedBy,
    incident: detail.incident,
    metrics: detail.metrics,
    agents: detail.agents,
    alerts: detail.alerts,
    revokedCredentials: data.revokedTokens,
    deliveries: data.deliveries,
    blastRadius: blast,
    pinnedEvidence: { actions: detail.pinnedActions, notes: detail.events.filter((event) => event.pinned) },
    responderLog: detail.events,
  };
  yield emit(`${JSON.stringify(head).slice(0, -1)},"timeline":[`);
  let first = true;
  for await (const batch of incidentActions(db, data.incident)) for await (const slice of slices(batch, pause)) {
    const rows = slice.map((action) => JSON.stringify({ seq: action.id, id: action.externalId, occurredAt: action.occurredAt, actorType: action.actorType, agent: names.get(action.agentId ?? "") ?? null, agentId: action.agentId, person: action.humanId, kind: action.kind, tool: action.tool, target: action.targetType ? { type: action.targetType, id: action.targetId, sensitivity: action.sensitivity } : null, outcome: action.outcome, onBehalfOf: action.onBehalfOf, afterContainment: action.afterContainment, summary: action.summary }));
    yield emit(`${first ? "" : ","}${rows.join(",")}`);
    first = false;
  }
  yield emit("],");
  // The hash covers every byte before `"sha256"`: drop that last member to check it.
  yield `"sha256":"${hash.digest("hex")}"}`;
}

function pdfReport(db: Db, data: ReportData): Readable {
  const doc = new PDFDocument({ size: "A4", margin: 48, bufferPages: false, info: { Title: `${data.detail.incident.reference} ${data.incident.title}`, Author: "Tourniquet" } });
  const names = new Map(data.detail.agents.map((agent) => [agent.id, agent.name]));
  const hash = createHash("sha256");
  // The standard PDF fonts only know WinAnsi; arrows in stored texts become "->".
  const text = (raw: string, options: PDFKit.Mixins.TextOptions = {}) => {
    const value = raw.replaceAll("→", "->");
    hash.update(`${value}\n`);
    doc.text(value, options);
  };
  void (async () => {
    try {
      doc.fontSize(18).font("Helvetica-Bold");
      text(`${data.detail.incident.reference}: ${data.incident.title}`);
      doc.fontSize(9).font("Helvetica");
      text(`Generated ${data.generatedAt} by ${data.generatedBy}.`);
      for (const section of reportSections(data)) {
        doc.moveDown().fontSize(13).font("Helvetica-Bold");
        text(section.title);
        doc.fontSize(9).font("Helvetica");
        for (const line of section.lines) text(`• ${line}`);
      }
      doc.moveDown().fontSize(13).font("Helvetica-Bold");
      text("Full timeline");
      doc.fontSize(7).font("Helvetica");
      const pause = yieldToRequests();
      for await (const batch of incidentActions(db, data.incident)) {
        for (const action of batch) {
          text(timelineLine(action, names));
          await pause();
        }
      }
      doc.moveDown().fontSize(8).font("Helvetica-Oblique");
      doc.text(`SHA-256 of the report text above (each line followed by a newline): ${hash.digest("hex")}`);
      doc.end();
    } catch (error) {
      doc.destroy(error as Error);
    }
  })();
  return doc as unknown as Readable;
}

/** Web streams carry bytes, not strings. */
async function* asBytes(chunks: AsyncGenerator<string>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk, "utf8");
}

/** Writes the CSV to a temporary file, hashing it on the way; the file goes when it has been read (or the reader gave up). */
async function spoolCsv(db: Db, data: ReportData): Promise<{ body: Readable; sha256: string; bytes: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tq-report-"));
  const file = path.join(dir, "report.csv");
  const hash = createHash("sha256");
  let bytes = 0;
  const remove = () => void rm(dir, { recursive: true, force: true });
  try {
    await pipeline(
      Readable.from(asBytes(textReport(db, data, "csv"))),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(file),
    );
  } catch (error) {
    remove();
    throw error;
  }
  const body = createReadStream(file);
  body.once("close", remove);
  return { body, sha256: hash.digest("hex"), bytes };
}

export async function exportReport(
  db: Db,
  caller: Caller,
  incidentId: string,
  format: ReportFormat,
  /** Where the report's rows are read: a streaming replica may serve them; the audit entry goes to `db`. */
  readDb: Db = db,
): Promise<{ filename: string; contentType: string; body: ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const data = await loadReportData(readDb, caller, incidentId);
  await db.transaction((tx) =>
    recordAuditEntry(tx, caller, { action: "incident.exported", target: { type: "incident", id: incidentId }, after: { format } }),
  );
  const filename = `${data.detail.incident.reference}-report.${format}`;
  const provenance = {
    "x-report-incident": data.detail.incident.reference,
    "x-report-generated-at": data.generatedAt,
    // Header values are Latin-1: a name with other letters travels percent-encoded.
    "x-report-generated-by": encodeURIComponent(data.generatedBy),
  };
  if (format === "csv") {
    const csv = await spoolCsv(readDb, data);
    const headers = { ...provenance, "x-report-sha256": csv.sha256, "content-length": String(csv.bytes) };
    return { filename, contentType: contentTypes.csv, body: Readable.toWeb(csv.body) as ReadableStream<Uint8Array>, headers };
  }
  const source = format === "pdf" ? pdfReport(readDb, data) : Readable.from(asBytes(textReport(readDb, data, format)));
  return { filename, contentType: contentTypes[format], body: Readable.toWeb(source) as ReadableStream<Uint8Array>, headers: provenance };
}
