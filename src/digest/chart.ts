// The weekly chart for the head of the agency: daily new complaints (bars), complaints closed and stage deadlines
// missed (lines) over the last weeks, with a title, the agency's name, labelled axes, a legend and week marks.
// Drawn with @napi-rs/canvas (prebuilt, no system libraries) into a PNG.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { DayCounts } from '../store/reports.js';
import { dateId } from './format.js';

export interface ChartInput {
  agencyName: string;
  series: DayCounts[];
  timeZone: string;
  /** "Dibuat …" line. */
  footer: string;
}

const W = 1200;
const H = 640;
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const COLORS = {
  new: '#2f6fb0',
  closed: '#2e9d57',
  overdue: '#d2452f',
  grid: '#e3e6ea',
  axis: '#5b6470',
  text: '#1e2630',
};

/** A round step for the value axis (1, 2, 5 × 10^n) giving about five grid lines. */
function niceStep(max: number): number {
  const raw = Math.max(1, max) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

export function renderChart(input: ChartInput): Buffer {
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);

  const days = input.series;
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  g.fillStyle = COLORS.text;
  g.font = `bold 26px ${FONT}`;
  g.fillText('Aduan per hari: baru, selesai, dan melewati waktu standar SOP', 40, 48);
  g.font = `17px ${FONT}`;
  g.fillStyle = COLORS.axis;
  const span =
    first !== undefined && last !== undefined
      ? `${dateId(first, input.timeZone)} – ${dateId(last, input.timeZone)}`
      : '';
  g.fillText(`${input.agencyName} · ${span}`, 40, 76);

  const box = { left: 90, right: W - 40, top: 130, bottom: H - 110 };
  const max = Math.max(1, ...days.map((d) => Math.max(d.newComplaints, d.closed, d.overdue)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => box.bottom - (v / top) * (box.bottom - box.top);
  const slot = (box.right - box.left) / Math.max(1, days.length);
  const x = (i: number) => box.left + slot * (i + 0.5);

  // Grid and value axis.
  g.font = `14px ${FONT}`;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (let v = 0; v <= top; v += step) {
    g.strokeStyle = COLORS.grid;
    g.lineWidth = 1;
    line(g, box.left, y(v), box.right, y(v));
    g.fillStyle = COLORS.axis;
    g.fillText(v.toLocaleString('id-ID'), box.left - 10, y(v));
  }
  g.save();
  g.translate(28, (box.top + box.bottom) / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText('Jumlah per hari', 0, 0);
  g.restore();

  // Bars: new complaints.
  g.fillStyle = COLORS.new;
  days.forEach((d, i) => {
    const h = box.bottom - y(d.newComplaints);
    g.fillRect(x(i) - slot * 0.35, box.bottom - h, slot * 0.7, h);
  });
  // Lines: closed and overdue.
  for (const [key, color] of [
    ['closed', COLORS.closed],
    ['overdue', COLORS.overdue],
  ] as const) {
    g.strokeStyle = color;
    g.lineWidth = 3;
    g.beginPath();
    days.forEach((d, i) => (i === 0 ? g.moveTo(x(i), y(d[key])) : g.lineTo(x(i), y(d[key]))));
    g.stroke();
    g.fillStyle = color;
    days.forEach((d, i) => {
      g.beginPath();
      g.arc(x(i), y(d[key]), 3, 0, Math.PI * 2);
      g.fill();
    });
  }

  // Time axis: a mark and a date on each Monday (or every 7th day).
  g.strokeStyle = COLORS.axis;
  g.lineWidth = 1.5;
  line(g, box.left, box.bottom, box.right, box.bottom);
  g.fillStyle = COLORS.axis;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.font = `13px ${FONT}`;
  days.forEach((d, i) => {
    const monday = new Date(d.day + 12 * 3_600_000).getUTCDay() === 1;
    if (days.length <= 14 || monday) {
      line(g, x(i), box.bottom, x(i), box.bottom + 6);
      g.fillText(dateId(d.day, input.timeZone).replace(/ \d{4}$/, ''), x(i), box.bottom + 10);
    }
  });
  g.font = `14px ${FONT}`;
  g.fillText('Tanggal (tanda pada hari Senin)', (box.left + box.right) / 2, box.bottom + 34);

  // Legend.
  const legend: Array<[string, string, 'bar' | 'line']> = [
    ['Aduan baru', COLORS.new, 'bar'],
    ['Aduan selesai (ditutup)', COLORS.closed, 'line'],
    ['Tahap melewati waktu standar SOP', COLORS.overdue, 'line'],
  ];
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  g.font = `15px ${FONT}`;
  let lx = box.left;
  for (const [label, color, kind] of legend) {
    g.fillStyle = color;
    g.strokeStyle = color;
    if (kind === 'bar') g.fillRect(lx, 98, 22, 14);
    else {
      g.lineWidth = 3;
      line(g, lx, 105, lx + 22, 105);
    }
    g.fillStyle = COLORS.text;
    g.fillText(label, lx + 30, 105);
    lx += 40 + g.measureText(label).width + 30;
  }
  const totals = days.reduce((t, d) => ({ n: t.n + d.newComplaints, c: t.c + d.closed, o: t.o + d.overdue }), {
    n: 0,
    c: 0,
    o: 0,
  });
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.fillStyle = COLORS.axis;
  g.font = `14px ${FONT}`;
  g.fillText(
    `Total: ${totals.n.toLocaleString('id-ID')} aduan baru · ${totals.c.toLocaleString('id-ID')} selesai · ${totals.o.toLocaleString('id-ID')} tahap terlambat`,
    40,
    H - 30,
  );
  g.textAlign = 'right';
  g.fillText(input.footer, W - 40, H - 30);
  return canvas.toBuffer('image/png');
}

function line(g: SKRSContext2D, x1: number, y1: number, x2: number, y2: number): void {
  g.beginPath();
  g.moveTo(x1, y1);
  g.lineTo(x2, y2);
  g.stroke();
}
