// Drawing a printed form with pdfkit: a system sans-serif font when one is installed (the PDF's built-in Helvetica
// only knows Latin-1, so text is narrowed to it then), section titles, bordered label/value tables and column tables
// that break across pages with their header repeated, and page numbers once the document is complete.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

const FONT_CANDIDATES: ReadonlyArray<[string, string]> = [
  ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', 'Arial Bold.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'arialbd.ttf'],
];

export const MARGIN = 50;
const LINE = '#6b7785';
const SHADE = '#e8eef5';

/** A4 document with a readable font registered as "body" and "bold"; `unicode` false means Helvetica (Latin-1). */
export function newDoc(info: { title: string; author: string }): { doc: Doc; unicode: boolean } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Creator: 'Aduan' },
  });
  for (const [regular, bold] of FONT_CANDIDATES) {
    const boldPath = regular.replace(/[^/\\]+$/, bold);
    if (existsSync(regular) && existsSync(boldPath)) {
      doc.registerFont('body', regular);
      doc.registerFont('bold', boldPath);
      return { doc, unicode: true };
    }
  }
  doc.registerFont('body', 'Helvetica');
  doc.registerFont('bold', 'Helvetica-Bold');
  return { doc, unicode: false };
}

/** Text the document's font can show (Helvetica: Latin-1 only; anything else becomes "?"). */
export function printable(text: string, unicode: boolean): string {
  // Control characters (other than line breaks) have no glyph; they are dropped.
  const clean = [...text]
    .filter((ch) => ch === '\n' || ch.charCodeAt(0) >= 0x20)
    .join('')
    .replace(/\u007f/g, '');
  return unicode ? clean : clean.replace(/[^\n\u0020-\u00ff]/g, '?');
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

/** Starts a new page unless `height` still fits on this one. */
export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A section title: bold, on a shaded band. */
export function section(doc: Doc, title: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.6);
  const y = doc.y;
  doc.rect(MARGIN, y, contentWidth(doc), 18).fill(SHADE);
  doc
    .fillColor('black')
    .font('bold')
    .fontSize(10.5)
    .text(title, MARGIN + 6, y + 4, { width: contentWidth(doc) - 12 });
  doc.y = y + 22;
}

/** Label/value rows in a bordered two-column table; a row that does not fit starts a new page. */
export function fieldTable(doc: Doc, rows: ReadonlyArray<[string, string]>, labelWidth = 150): void {
  const width = contentWidth(doc);
  const valueWidth = width - labelWidth;
  doc.fontSize(9.5);
  for (const [label, value] of rows) {
    const text = value === '' ? '–' : value;
    const h =
      Math.max(
        doc.font('bold').heightOfString(label, { width: labelWidth - 10 }),
        doc.font('body').heightOfString(text, { width: valueWidth - 10 }),
      ) + 8;
    ensureRoom(doc, h);
    const y = doc.y;
    doc.rect(MARGIN, y, labelWidth, h).fill('#f5f7fa');
    doc
      .lineWidth(0.5)
      .strokeColor(LINE)
      .rect(MARGIN, y, labelWidth, h)
      .rect(MARGIN + labelWidth, y, valueWidth, h)
      .stroke();
    doc
      .fillColor('black')
      .font('bold')
      .text(label, MARGIN + 5, y + 4, { width: labelWidth - 10 });
    doc.font('body').text(text, MARGIN + labelWidth + 5, y + 4, { width: valueWidth - 10 });
    doc.y = y + h;
  }
  doc.x = MARGIN;
}

/** A table with a header row (repeated on each new page) and proportional column widths. */
export function gridTable(
  doc: Doc,
  headers: readonly string[],
  widths: readonly number[],
  rows: string[][],
  size = 8,
): void {
  const total = widths.reduce((s, w) => s + w, 0);
  const cols = widths.map((w) => (w / total) * contentWidth(doc));
  const drawRow = (cells: readonly string[], header: boolean) => {
    doc.font(header ? 'bold' : 'body').fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || '–', { width: (cols[i] ?? 0) - 6 }))) + 6;
    const y = doc.y;
    let x = MARGIN;
    if (header) doc.rect(MARGIN, y, contentWidth(doc), h).fill(SHADE);
    doc.lineWidth(0.4).strokeColor(LINE);
    cells.forEach((c, i) => {
      const w = cols[i] ?? 0;
      doc.rect(x, y, w, h).stroke();
      doc.fillColor('black').text(c || '–', x + 3, y + 3, { width: w - 6 });
      x += w;
    });
    doc.y = y + h;
  };
  const headerHeight = () => {
    doc.font('bold').fontSize(size);
    return Math.max(...headers.map((c, i) => doc.heightOfString(c, { width: (cols[i] ?? 0) - 6 }))) + 6;
  };
  ensureRoom(doc, headerHeight() + 20);
  drawRow(headers, true);
  for (const r of rows) {
    doc.font('body').fontSize(size);
    const h = Math.max(...r.map((c, i) => doc.heightOfString(c || '–', { width: (cols[i] ?? 0) - 6 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(headers, true);
    }
    drawRow(r, false);
  }
  doc.x = MARGIN;
}

/** "Halaman n dari N" and a footer line on every page (call once, when the content is complete). */
export function pageFooters(doc: Doc, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 8;
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc
      .lineWidth(0.5)
      .strokeColor(LINE)
      .moveTo(MARGIN, y - 4)
      .lineTo(doc.page.width - MARGIN, y - 4)
      .stroke();
    doc.font('body').fontSize(7.5).fillColor('#44546a');
    doc.text(footer, MARGIN, y, { width: contentWidth(doc) - 90, lineBreak: false });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, doc.page.width - MARGIN - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
