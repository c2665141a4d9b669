// The digest's charts as SVG drawn on the server (no script, nothing fetched): bars per day for new, closed and
// overdue complaints; time spent at each stage against its standard time; the citizens' answers. Every label is
// escaped like any other text on the page.
import { h, type Html } from '../pages/html.js';

const COLORS = { new: '#0b4a8b', closed: '#2e8b57', overdue: '#c0392b', std: '#9aa5b1' };

/** Rounds a maximum up to a readable axis top (1, 2, 5 × 10^n). */
function niceTop(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p;
}

/** "2,5 j" (hours, Indonesian decimal comma), "40 mnt" under an hour. */
function hours(h: number): string {
  if (h < 1) return `${Math.round(h * 60)} mnt`;
  return `${(Math.round(h * 10) / 10).toString().replace('.', ',')} j`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Grouped bars per day: new, closed, overdue. `label` names each day on the axis. */
export function dailyChart(
  days: Array<{ label: string; newComplaints: number; closed: number; overdue: number }>,
  title: string,
): Html {
  const W = 720;
  const H = 260;
  const left = 40;
  const bottom = 36;
  const top = 16;
  const plotW = W - left - 10;
  const plotH = H - top - bottom;
  const max = niceTop(Math.max(1, ...days.flatMap((d) => [d.newComplaints, d.closed, d.overdue])));
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, Math.min(14, (slot - 4) / 3));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const every = Math.ceil(days.length / 10);
  const ticks = [0, 0.5, 1].map((f) => f * max);
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
<title>${title}</title>
${ticks.map((t) => h`<line x1="${left}" x2="${W - 10}" y1="${y(t)}" y2="${y(t)}" stroke="#d5dbe3"/><text x="${left - 6}" y="${y(t) + 4}" font-size="11" text-anchor="end" fill="#4a5563">${fmt(t)}</text>`)}
${days.map((d, i) => {
  const x0 = left + i * slot + (slot - bar * 3) / 2;
  const bars = (
    [
      ['new', d.newComplaints],
      ['closed', d.closed],
      ['overdue', d.overdue],
    ] as const
  ).map(
    ([k, v], j) =>
      h`<rect x="${x0 + j * bar}" y="${y(v)}" width="${bar}" height="${top + plotH - y(v)}" fill="${COLORS[k]}"><title>${d.label}: ${v}</title></rect>`,
  );
  const tick =
    i % every === 0
      ? h`<text x="${left + i * slot + slot / 2}" y="${H - bottom + 16}" font-size="11" text-anchor="middle" fill="#4a5563">${d.label}</text>`
      : '';
  return h`${bars}${tick}`;
})}
<line x1="${left}" x2="${W - 10}" y1="${top + plotH}" y2="${top + plotH}" stroke="#4a5563"/>
</svg>`;
}

/** Horizontal bars per stage: the median time spent against the median time allowed (hours). */
export function stageTimeChart(
  rows: Array<{ label: string; spentHours: number; allowedHours: number; onTime: number; visits: number }>,
  title: string,
): Html {
  const W = 720;
  const rowH = 34;
  const left = 190;
  const right = 140;
  const H = 20 + rows.length * rowH;
  const max = niceTop(Math.max(1, ...rows.flatMap((r) => [r.spentHours, r.allowedHours])));
  const x = (v: number) => left + (v / max) * (W - left - right);
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
<title>${title}</title>
${rows.map((r, i) => {
  const y0 = 10 + i * rowH;
  const late = r.spentHours > r.allowedHours;
  return h`<text x="${left - 8}" y="${y0 + 16}" font-size="12" text-anchor="end" fill="#1b2430">${r.label}</text>
<rect x="${left}" y="${y0 + 2}" width="${Math.max(1, x(r.allowedHours) - left)}" height="10" fill="${COLORS.std}"><title>standar ${fmt(r.allowedHours)} jam</title></rect>
<rect x="${left}" y="${y0 + 14}" width="${Math.max(1, x(r.spentHours) - left)}" height="12" fill="${late ? COLORS.overdue : COLORS.new}"><title>median ${fmt(r.spentHours)} jam</title></rect>
<text x="${W - right + 8}" y="${y0 + 13}" font-size="11" fill="#1b2430">${hours(r.spentHours)} / ${hours(r.allowedHours)}</text>
<text x="${W - right + 8}" y="${y0 + 27}" font-size="11" fill="#4a5563">${Math.round(r.onTime * 100)}% tepat waktu</text>`;
})}
</svg>`;
}

/** One stacked bar of the citizens' answers: satisfied, not satisfied, no response. */
export function satisfactionChart(
  s: { satisfied: number; notSatisfied: number; noResponse: number },
  title: string,
): Html {
  const W = 720;
  const H = 56;
  const total = s.satisfied + s.notSatisfied + s.noResponse;
  if (total === 0) return h`<p class="muted">Belum ada jawaban warga pada periode ini.</p>`;
  const parts = [
    ['Puas', s.satisfied, '#2e8b57'],
    ['Belum puas', s.notSatisfied, '#c0392b'],
    ['Tidak menjawab', s.noResponse, '#9aa5b1'],
  ] as const;
  let at = 0;
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
<title>${title}</title>
${parts.map(([label, n, color]) => {
  const w = (n / total) * W;
  const x = at;
  at += w;
  return n
    ? h`<rect x="${x}" y="8" width="${w}" height="40" fill="${color}"><title>${label}: ${n}</title></rect>${
        w > (label.length + 5) * 8.5
          ? h`<text x="${x + 8}" y="33" font-size="13" fill="#fff">${label} ${Math.round((n / total) * 100)}%</text>`
          : ''
      }`
    : '';
})}
</svg>`;
}
