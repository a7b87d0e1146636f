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
import { Worker } from "node:worker_threads";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db/client";
import type { ReportAction } from "@/lib/incidents/incident-actions";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { countIncidentActions, incidentActions } from "@/lib/incidents/incident-actions";
import { incidentWindow } from "@/lib/incidents/incident-window";
import { env } from "@/lib/env";
import { Semaphore } from "./semaphore";
import { type ReportData, loadReportData } from "./report-data";
import { csvCell, markdownText } from "./inert-text";
import { ACTION_LOG_COLUMNS, ACTION_LOG_WIDTHS, type Block, REPORT_HEADINGS, actionLogRow, reportSections } from "./report-sections";
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

// Cells are escaped (markdownText escapes pipes), so no agent text can add a column or a row.
const markdownRow = (cells: string[]) => `| ${cells.map((cell) => markdownText(cell) || " ").join(" | ")} |\n`;

function markdownBlock(block: Block): string {
  if (block.kind === "text") return `${markdownText(block.text)}\n`;
  if (block.kind === "list") return block.items.length ? `${block.items.map((item) => `- ${markdownText(item)}`).join("\n")}\n` : "None recorded.\n";
  if (block.rows.length === 0) return `${block.title}: none recorded.\n`;
  return `${block.title}:\n\n${markdownRow(block.columns)}` + markdownRow(block.columns.map(() => "---")) + block.rows.map(markdownRow).join("") + "\n";
}

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
    for (const section of reportSections(data)) yield emit(`\n## ${section.title}\n\n${section.blocks.map(markdownBlock).join("\n")}`);
    yield emit(`\n## ${REPORT_HEADINGS[7]}\n\n${markdownRow(ACTION_LOG_COLUMNS)}${markdownRow(ACTION_LOG_COLUMNS.map(() => "---"))}`);
    for await (const batch of incidentActions(db, data.incident)) {
      for await (const slice of slices(batch, pause)) yield emit(slice.map((action) => markdownRow(actionLogRow(action, names))).join(""));
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

/** At most this many PDFs are typeset at once; more wait their turn (each has a worker thread). */
const PDF_WORKERS = 2;
const pdfTurns = new Semaphore(PDF_WORKERS);

// The worker is loaded by path, not bundled: the server, the scripts and the tests all run from the checkout.
const PDF_WORKER = path.join(process.cwd(), "lib", "reports", "pdf-worker.mjs");

function pdfReport(db: Db, data: ReportData): Readable {
  const names = new Map(data.detail.agents.map((agent) => [agent.id, agent.name]));
  let worker: Worker | null = null;
  let wanted: (() => void) | null = null;
  const out = new Readable({
    read() {
      wanted?.();
      wanted = null;
    },
    destroy(error, done) {
      void worker?.terminate();
      done(error);
    },
  });
  void (async () => {
    const release = await pdfTurns.take();
    try {
      const { from, to } = incidentWindow(data.incident);
      const total = await countIncidentActions(db, data.incident, to);
      worker = new Worker(PDF_WORKER);
      let ready: (() => void) | null = null;
      let failed: Error | null = null;
      const finished = new Promise<void>((resolve, reject) => {
        worker?.on("message", (message: { type: string; data?: Uint8Array; message?: string }) => {
          if (message.type === "chunk" && message.data) out.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
          else if (message.type === "ready") ready?.();
          else if (message.type === "done") resolve();
          else if (message.type === "error") reject((failed = new Error(`PDF typesetting failed: ${message.message}`)));
        });
        worker?.once("error", (error) => reject((failed = error)));
        worker?.once("exit", (code) => (code === 0 ? resolve() : reject((failed ??= new Error(`the PDF worker stopped (${code})`)))));
      });
      finished.catch(() => {});
      // One message in flight, and none while the reader is behind: memory stays bounded.
      const send = async (message: object) => {
        if (failed) throw failed;
        if (out.destroyed) throw new Error("the reader went away");
        if (out.readableLength >= out.readableHighWaterMark) await new Promise<void>((resolve) => (wanted = resolve));
        const answered = new Promise<void>((resolve) => (ready = resolve));
        worker?.postMessage(message);
        await Promise.race([answered, finished]);
      };
      const { incident } = data.detail;
      await send({
        type: "begin",
        rows: total,
        sections: reportSections(data),
        meta: {
          reference: incident.reference,
          title: incident.title,
          severity: incident.severity,
          status: incident.status,
          classification: env().TOURNIQUET_REPORT_CLASSIFICATION,
          generatedAt: data.generatedAt,
          generatedBy: data.generatedBy,
          appendixTitle: REPORT_HEADINGS[7],
          logColumns: ACTION_LOG_COLUMNS,
          logWidths: ACTION_LOG_WIDTHS,
        },
      });
      let sent = 0;
      for await (const batch of incidentActions(db, data.incident, { from, to })) {
        for (let start = 0; start < batch.length && sent < total; start += SLICE_ROWS) {
          const slice = batch.slice(start, Math.min(start + SLICE_ROWS, start + total - sent));
          await send({ type: "rows", rows: slice.map((action) => actionLogRow(action, names)) });
          sent += slice.length;
        }
        if (sent >= total) break;
      }
      // The page count was fixed by the count; anything recorded while this ran is in the next export.
      await send({ type: "end", note: `${total.toLocaleString("en-US")} actions from ${from.toISOString()} to ${to.toISOString()}.` });
      await finished;
      out.push(null);
    } catch (error) {
      if (!out.destroyed) out.destroy(error as Error);
    } finally {
      void worker?.terminate();
      release();
    }
  })();
  return out;
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
