// The weekly digest's chart for the head of the agency: new complaints, complaints closed and stages over their
// standard time, per week when it spans weeks (three bars side by side, each with its number) and per day otherwise
// (bars for new complaints, lines for the others). Every bar ends where the digest's period ends, so the last one is
// the period the text describes. Drawn with @napi-rs/canvas (prebuilt, no system libraries) into a PNG.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { BucketCounts } from '../store/reports.js';
import { localTime } from '../domain/office-hours.js';
import { dateId } from './format.js';

export interface ChartInput {
  agencyName: string;
  series: BucketCounts[];
  unit: 'week' | 'day';
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

type Key = 'newComplaints' | 'closed' | 'overStandard';
const SERIES: ReadonlyArray<{ key: Key; label: string; color: string }> = [
  { key: 'newComplaints', label: 'Aduan baru', color: COLORS.new },
  { key: 'closed', label: 'Aduan selesai (ditutup)', color: COLORS.closed },
  { key: 'overStandard', label: 'Tahap melewati waktu standar SOP', color: COLORS.overdue },
];

export function renderChart(input: ChartInput): Buffer {
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  const bars = input.series;
  const tz = input.timeZone;
  const weekly = input.unit === 'week';

  g.fillStyle = COLORS.text;
  g.font = `bold 26px ${FONT}`;
  g.fillText(`Aduan per ${weekly ? 'minggu' : 'hari'}: baru, selesai, dan tahap melewati waktu standar SOP`, 40, 48);
  g.font = `17px ${FONT}`;
  g.fillStyle = COLORS.axis;
  const first = bars[0];
  const last = bars.at(-1);
  const span = first && last ? `${dateId(first.from, tz)} – ${dateId(last.to - 1, tz)}` : '';
  g.fillText(`${input.agencyName} · ${span}`, 40, 76);

  const box = { left: 90, right: W - 40, top: 130, bottom: H - 110 };
  const max = Math.max(1, ...bars.map((d) => Math.max(d.newComplaints, d.closed, d.overStandard)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => box.bottom - (v / top) * (box.bottom - box.top);
  const slot = (box.right - box.left) / Math.max(1, bars.length);
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
  g.fillText(weekly ? 'Jumlah per minggu' : 'Jumlah per hari', 0, 0);
  g.restore();

  if (weekly) drawGroupedBars(g, bars, x, y, slot, box.bottom);
  else drawBarsAndLines(g, bars, x, y, slot, box.bottom);

  // Time axis: each week's dates, or a date on each Monday (every day when there are few).
  g.strokeStyle = COLORS.axis;
  g.lineWidth = 1.5;
  line(g, box.left, box.bottom, box.right, box.bottom);
  g.fillStyle = COLORS.axis;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.font = `13px ${FONT}`;
  bars.forEach((d, i) => {
    const monday = localTime(d.from, tz).weekday === 1;
    if (!weekly && bars.length > 14 && !monday) return;
    line(g, x(i), box.bottom, x(i), box.bottom + 6);
    const label = weekly ? `${shortDate(d.from, tz)} – ${shortDate(d.to - 1, tz)}` : shortDate(d.from, tz);
    g.fillText(label, x(i), box.bottom + 10);
  });
  g.font = `14px ${FONT}`;
  g.fillText(
    weekly ? 'Minggu (batang terakhir = periode ringkasan ini)' : 'Tanggal (tanda pada hari Senin)',
    (box.left + box.right) / 2,
    box.bottom + 34,
  );

  // Legend.
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  g.font = `15px ${FONT}`;
  let lx = box.left;
  for (const { label, color, key } of SERIES) {
    g.fillStyle = color;
    g.strokeStyle = color;
    if (weekly || key === 'newComplaints') g.fillRect(lx, 98, 22, 14);
    else {
      g.lineWidth = 3;
      line(g, lx, 105, lx + 22, 105);
    }
    g.fillStyle = COLORS.text;
    g.fillText(label, lx + 30, 105);
    lx += 40 + g.measureText(label).width + 30;
  }
  const totals = bars.reduce((t, d) => ({ n: t.n + d.newComplaints, c: t.c + d.closed, o: t.o + d.overStandard }), {
    n: 0,
    c: 0,
    o: 0,
  });
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.fillStyle = COLORS.axis;
  g.font = `14px ${FONT}`;
  g.fillText(
    `Total: ${totals.n.toLocaleString('id-ID')} aduan baru · ${totals.c.toLocaleString('id-ID')} selesai · ${totals.o.toLocaleString('id-ID')} tahap melewati waktu standar`,
    40,
    H - 30,
  );
  g.textAlign = 'right';
  g.fillText(input.footer, W - 40, H - 30);
  return canvas.toBuffer('image/png');
}

/** Weekly: the three counts side by side in each week, each bar with its number above it. */
function drawGroupedBars(
  g: SKRSContext2D,
  bars: BucketCounts[],
  x: (i: number) => number,
  y: (v: number) => number,
  slot: number,
  bottom: number,
): void {
  const width = Math.min(40, (slot * 0.8) / SERIES.length);
  // The numbers above the bars shrink until the widest fits its bar (four-digit weeks would run together).
  g.font = `bold 13px ${FONT}`;
  const widest = Math.max(
    1,
    ...bars.flatMap((d) => SERIES.map(({ key }) => g.measureText(d[key].toLocaleString('id-ID')).width)),
  );
  const size = Math.max(8, Math.min(13, Math.floor((13 * (width + 2)) / widest)));
  g.font = `bold ${size}px ${FONT}`;
  g.textAlign = 'center';
  g.textBaseline = 'bottom';
  bars.forEach((d, i) => {
    SERIES.forEach(({ key, color }, k) => {
      const left = x(i) + (k - SERIES.length / 2) * width;
      g.fillStyle = color;
      g.fillRect(left + 1, y(d[key]), width - 2, bottom - y(d[key]));
      g.fillStyle = COLORS.text;
      g.fillText(d[key].toLocaleString('id-ID'), left + width / 2, y(d[key]) - 3);
    });
  });
}

/** Daily: new complaints as bars, closed and over-standard counts as lines with dots. */
function drawBarsAndLines(
  g: SKRSContext2D,
  bars: BucketCounts[],
  x: (i: number) => number,
  y: (v: number) => number,
  slot: number,
  bottom: number,
): void {
  g.fillStyle = COLORS.new;
  bars.forEach((d, i) => g.fillRect(x(i) - slot * 0.35, y(d.newComplaints), slot * 0.7, bottom - y(d.newComplaints)));
  for (const { key, color } of SERIES.slice(1)) {
    g.strokeStyle = color;
    g.lineWidth = 3;
    g.beginPath();
    bars.forEach((d, i) => (i === 0 ? g.moveTo(x(i), y(d[key])) : g.lineTo(x(i), y(d[key]))));
    g.stroke();
    g.fillStyle = color;
    bars.forEach((d, i) => {
      g.beginPath();
      g.arc(x(i), y(d[key]), 3, 0, Math.PI * 2);
      g.fill();
    });
  }
}

/** "23 Nov" */
function shortDate(ms: number, timeZone: string): string {
  return dateId(ms, timeZone).replace(/ \d{4}$/, '');
}

function line(g: SKRSContext2D, x1: number, y1: number, x2: number, y2: number): void {
  g.beginPath();
  g.moveTo(x1, y1);
  g.lineTo(x2, y2);
  g.stroke();
}
