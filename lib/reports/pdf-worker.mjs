// Typesets an incident report as PDF on a worker thread, so a viewer's export never holds
// the server's event loop (or its garbage collector) while token checks wait behind it.
// Plain JavaScript because it is loaded by path, outside the Next bundle.
//
// The main thread sends `begin` (header, sections, the number of appendix rows), then
// `rows` batches, then `end`; each message is answered with `ready` once it is typeset,
// and the PDF comes back as `chunk` messages, so at most one batch is in flight. Pages are
// written as they fill (nothing is buffered), which is why "Page N of M" needs M first:
// the front sections are laid out once in a dry run to count their pages, and appendix rows
// are one line each, so their pages follow from the row count.
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import PDFDocument from "pdfkit";

const MARGIN = 48;
const TOP = 64; // below the running header
const BOTTOM = 56; // above the running footer
const BODY = 9;
const LOG_FONT = 6.5;
const LOG_ROW = 9; // points per appendix row
const CELL_PAD = 3;

// The standard fonts know WinAnsi only: common arrows become "->", the rest of what they
// cannot draw becomes "?", rather than garbage.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const printable = (value) =>
  String(value)
    .replaceAll("→", "->")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\u0020-\u007e\u00a0-\u00ff]/gu, (character) => (WIN_ANSI_EXTRA.has(character) ? character : "?"));

function newDocument(meta, totalPages, hash) {
  const doc = new PDFDocument({
    size: "A4",
    autoFirstPage: false,
    bufferPages: false,
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    info: { Title: printable(`${meta.reference} ${meta.title}`), Author: "Tourniquet", Subject: printable(meta.classification) },
  });
  let page = 0;
  doc.on("pageAdded", () => {
    page += 1;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // the running footer sits in the margin: no page break for it
    const width = doc.page.width - 2 * MARGIN;
    doc.save().font("Helvetica-Bold").fontSize(8).fillColor("#444");
    doc.text(printable(`${meta.reference} · ${meta.severity} · ${meta.title}`), MARGIN, 28, { width: width * 0.45, lineBreak: false, ellipsis: true, height: 10 });
    doc.font("Helvetica").fontSize(7).text(printable(meta.classification), MARGIN + width * 0.45, 29, { width: width * 0.55, align: "right", lineBreak: false, ellipsis: true, height: 9 });
    doc.moveTo(MARGIN, 42).lineTo(MARGIN + width, 42).lineWidth(0.5).strokeColor("#999").stroke();
    const footerY = doc.page.height - 36;
    doc.fontSize(7).text(printable(`Generated ${meta.generatedAt} by ${meta.generatedBy}`), MARGIN, footerY, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 9 });
    doc.text(`Page ${page} of ${totalPages ?? "?"}`, MARGIN + width * 0.7, footerY, { width: width * 0.3, align: "right", lineBreak: false });
    doc.restore();
    doc.page.margins.bottom = bottom;
    doc.x = MARGIN;
    doc.y = TOP;
  });
  const text = (value, options = {}) => {
    const line = printable(value);
    hash?.update(`${line}\n`);
    doc.text(line, options);
  };
  return { doc, text, pages: () => page };
}

const contentWidth = (doc) => doc.page.width - 2 * MARGIN;
const maxY = (doc) => doc.page.height - BOTTOM;

/** A table whose rows wrap; it breaks across pages and repeats its header row. */
function table(ctx, block, fontSize = 7.5) {
  const { doc, text } = ctx;
  const width = contentWidth(doc);
  const total = block.widths.reduce((sum, w) => sum + w, 0);
  const columns = block.widths.map((w) => (w / total) * width);
  const cells = (row) => row.map((cell) => printable(cell).slice(0, 800));
  const rowHeight = (row) => Math.max(...row.map((cell, i) => doc.heightOfString(cell || " ", { width: columns[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  const draw = (row, bold) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(fontSize);
    const height = rowHeight(row);
    if (doc.y + height > maxY(doc)) {
      doc.addPage();
      if (!bold) draw(cells(block.columns), true);
      doc.font("Helvetica").fontSize(fontSize);
    }
    const top = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      ctx.hash?.update(`${cell}\t`);
      doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: columns[i] - 2 * CELL_PAD });
      x += columns[i];
    });
    ctx.hash?.update("\n");
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(bold ? 0.8 : 0.3).strokeColor(bold ? "#333" : "#bbb").stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  if (doc.y + 40 > maxY(doc)) doc.addPage(); // a caption never sits alone at the foot of a page
  doc.font("Helvetica-Bold").fontSize(BODY);
  if (block.rows.length === 0) {
    text(`${block.title}: none recorded.`);
    doc.moveDown(0.4);
    return;
  }
  text(block.title);
  doc.moveDown(0.2);
  draw(cells(block.columns), true);
  for (const row of block.rows) draw(cells(row), false);
  doc.moveDown(0.6);
}

function frontMatter(ctx, meta, sections) {
  const { doc, text } = ctx;
  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(18);
  text(`${meta.reference}: ${meta.title}`);
  doc.font("Helvetica").fontSize(BODY);
  text(`${meta.severity} · ${meta.status} · ${meta.classification}`);
  for (const section of sections) {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13);
    text(section.title);
    doc.moveDown(0.3);
    for (const block of section.blocks) {
      doc.font("Helvetica").fontSize(BODY);
      if (block.kind === "text") {
        text(block.text);
        doc.moveDown(0.4);
      } else if (block.kind === "list") {
        if (block.items.length === 0) text("None recorded.");
        for (const item of block.items) text(`• ${item}`, { indent: 8 });
        doc.moveDown(0.4);
      } else {
        table(ctx, block);
      }
    }
  }
}

/** Appendix rows per page: the first appendix page also holds the heading. */
function appendixLayout(doc) {
  const usable = doc.page.height - BOTTOM - TOP;
  const header = LOG_ROW + 4;
  const heading = 24;
  return { first: Math.floor((usable - heading - header) / LOG_ROW), other: Math.floor((usable - header) / LOG_ROW) };
}

function appendixPages(rows, layout) {
  const withFooterLines = rows + 3; // the hash statement at the end takes about three rows
  if (withFooterLines <= layout.first) return 1;
  return 1 + Math.ceil((withFooterLines - layout.first) / layout.other);
}

let state = null;

function begin(message) {
  const { meta, sections, rows } = message;
  // Dry run: the same front matter on a document nobody reads, to count its pages.
  const dry = newDocument(meta, null, null);
  dry.doc.on("data", () => {});
  frontMatter({ doc: dry.doc, text: dry.text, hash: null }, meta, sections);
  const frontPages = dry.pages();
  const layout = appendixLayout(dry.doc);
  dry.doc.end();

  const hash = createHash("sha256");
  const real = newDocument(meta, frontPages + appendixPages(rows, layout), hash);
  real.doc.on("data", (chunk) => {
    const bytes = new Uint8Array(chunk);
    parentPort.postMessage({ type: "chunk", data: bytes }, [bytes.buffer]);
  });
  real.doc.on("end", () => parentPort.postMessage({ type: "done" }));
  const ctx = { doc: real.doc, text: real.text, hash };
  frontMatter(ctx, meta, sections);
  const { doc } = real;
  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(13);
  real.text(meta.appendixTitle);
  doc.y = TOP + 24;
  const width = contentWidth(doc);
  const total = meta.logWidths.reduce((sum, w) => sum + w, 0);
  const columns = meta.logWidths.map((w) => (w / total) * width);
  state = { ctx, columns, meta, onPage: 0, layout, firstPage: true };
  logHeader();
}

function logHeader() {
  const { ctx, columns, meta } = state;
  const { doc } = ctx;
  doc.font("Helvetica-Bold").fontSize(LOG_FONT);
  logLine(meta.logColumns, columns);
  doc.moveTo(MARGIN, doc.y + 1).lineTo(MARGIN + contentWidth(doc), doc.y + 1).lineWidth(0.6).strokeColor("#333").stroke();
  doc.y += 4;
  doc.font("Helvetica").fontSize(LOG_FONT);
}

function logLine(cells, columns) {
  const { doc, hash } = state.ctx;
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((raw, i) => {
    const cell = printable(raw);
    hash.update(`${cell}\t`);
    // One line per row, cut by an estimate of Helvetica's widths (measuring every cell would
    // cost more than typesetting it): 100,000 rows stay a few seconds of work.
    const room = Math.max(4, Math.floor((columns[i] - 2) / (LOG_FONT * 0.56)));
    doc.text(cell.length > room ? `${cell.slice(0, room - 1)}…` : cell, x, top, { width: columns[i] - 2, lineBreak: false, height: LOG_ROW });
    x += columns[i];
  });
  hash.update("\n");
  doc.x = MARGIN;
  doc.y = top + LOG_ROW;
}

function rows(batch) {
  const { layout } = state;
  for (const row of batch) {
    const capacity = state.firstPage ? layout.first : layout.other;
    if (state.onPage >= capacity) {
      state.ctx.doc.addPage();
      state.firstPage = false;
      state.onPage = 0;
      logHeader();
    }
    logLine(row, state.columns);
    state.onPage += 1;
  }
}

function end(message) {
  const { doc, hash } = state.ctx;
  doc.moveDown(0.5).font("Helvetica-Oblique").fontSize(7);
  const statement = `${message.note ? `${message.note} ` : ""}SHA-256 of the report text above (each line followed by a newline; ` +
    `table cells followed by a tab; page headers and footers not included): ${hash.digest("hex")}`;
  doc.text(statement, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.end();
  state = null;
}

parentPort.on("message", (message) => {
  try {
    if (message.type === "begin") begin(message);
    else if (message.type === "rows") rows(message.rows);
    else if (message.type === "end") end(message);
    parentPort.postMessage({ type: "ready" });
  } catch (error) {
    parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
