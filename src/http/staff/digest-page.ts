// The supervisors' digest as a page: the same facts as the Telegram digest (src/store/reports.ts) over 7, 30 or 90
// days, with charts: complaints new / closed / overdue per day, time at each stage against its standard time (from
// the stage clocks of complaints closed in the period), and how citizens answered the closure question.
import type { App } from '../../app.js';
import { startOfLocalDay } from '../../domain/office-hours.js';
import { STAGES, type Stage } from '../../domain/stages.js';
import { CLOCKED_STAGES } from '../../store/reports.js';
import { h, type Html } from '../pages/html.js';
import { dailyChart, satisfactionChart, stageTimeChart } from './charts.js';
import { KIND_NAMES, stageName, when } from './views.js';
import { channelLabel } from '../../domain/labels-id.js';

const DAY = 86_400_000;
export const PERIODS = [7, 30, 90] as const;

/** Local midnights from the day of `from` to the one after `now`: the edges of one bar per day. */
function dayEdges(from: number, now: number, timeZone: string): number[] {
  const edges = [startOfLocalDay(from, timeZone)];
  while ((edges.at(-1) ?? now) <= now)
    edges.push(startOfLocalDay((edges.at(-1) ?? now) + DAY + 3 * 3_600_000, timeZone));
  return edges;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export async function digestBody(app: App, days: number, timeZone: string): Promise<Html> {
  const now = app.now();
  const from = startOfLocalDay(now - (days - 1) * DAY, timeZone);
  const [facts, closed] = await Promise.all([
    app.reports.digestFacts({
      from,
      to: now,
      now,
      clockedStages: CLOCKED_STAGES,
      seriesEdges: dayEdges(from, now, timeZone),
      listLimit: 8,
      topicLimit: 5,
    }),
    app.reports.closedBetween(from, now, 3000),
  ]);
  const dayLabel = new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'short' });
  const series = (facts.series ?? []).map((d) => ({
    label: dayLabel.format(d.from + 12 * 3_600_000),
    newComplaints: d.newComplaints,
    closed: d.closed,
    overdue: d.overStandard,
  }));
  const stageRows = CLOCKED_STAGES.map((stage: Stage) => {
    const visits = closed
      .map((c) => c.stageTimes[stage])
      .filter((t): t is { enteredAt: number; leftAt: number; dueAt: number } =>
        Boolean(t && t.leftAt !== undefined && t.dueAt !== undefined),
      );
    return {
      label: stageName(stage),
      visits: visits.length,
      spentHours: median(visits.map((t) => (t.leftAt - t.enteredAt) / 3_600_000)),
      allowedHours: median(visits.map((t) => (t.dueAt - t.enteredAt) / 3_600_000)),
      onTime: visits.length ? visits.filter((t) => t.leftAt <= t.dueAt).length / visits.length : 0,
    };
  }).filter((r) => r.visits > 0);
  const s = facts.satisfaction;
  const open = facts.overStandard.openNow;
  const totalNew = facts.newByKind.complaint + facts.newByKind.praise + facts.newByKind.statement;
  return h`<h1>Ringkasan ${days} hari</h1>
<p class="lead">${app.agency.name} · ${when(from)} – ${when(now)}</p>
<nav class="actions" aria-label="Periode">${PERIODS.map((p) =>
    p === days
      ? h`<span class="button small" aria-current="page">${p} hari</span>`
      : h`<a class="button secondary small" href="/staf/ringkasan?hari=${p}">${p} hari</a>`,
  )}</nav>
<div class="grid2">
<section class="card"><h2>Pesan baru: ${totalNew}</h2>
<dl class="facts">${(['complaint', 'praise', 'statement'] as const).map((k) => h`<dt>${KIND_NAMES[k]}</dt><dd>${facts.newByKind[k]}</dd>`)}
<dt>Per kanal</dt><dd>${facts.newByChannel.map((c) => `${channelLabel(c.channel)} ${c.count}`).join(' · ') || '—'}</dd>
<dt>Selesai</dt><dd>${facts.closed}</dd>
<dt>Berulang</dt><dd>${facts.repeats.count}</dd>
<dt>Dibuka ulang</dt><dd>${facts.reopened.count}${facts.reopened.tickets.length ? h` (${facts.reopened.tickets.map((t, i) => h`${i ? ', ' : ''}<a class="mono" href="/staf/kasus/${t}">${t}</a>`)})` : ''}</dd>
</dl></section>
<section class="card"><h2>Terbuka sekarang</h2>
<dl class="facts">${STAGES.filter((st) => facts.openByStage.some((o) => o.stage === st)).map((st) => h`<dt>${stageName(st)}</dt><dd>${facts.openByStage.find((o) => o.stage === st)?.count ?? 0}</dd>`)}
<dt>Lewat batas sekarang</dt><dd><strong class="${open.total ? 'error' : ''}">${open.total}</strong></dd>
<dt>Lewat batas dalam periode</dt><dd>${facts.overStandard.passed.total} tahap</dd></dl>
${open.worst.length ? h`<h3>Paling lama lewat batas</h3><ul>${open.worst.map((b) => h`<li><a class="mono" href="/staf/kasus/${b.ticket}">${b.ticket}</a> · ${stageName(b.stage)} · batas ${when(b.dueAt)}</li>`)}</ul>` : ''}
</section></div>
<section class="card"><h2>Aduan per hari</h2>
<p class="legend"><span><i class="sw-new"></i>baru</span><span><i class="sw-closed"></i>selesai</span><span><i class="sw-overdue"></i>tahap lewat batas waktu standar</span></p>
${series.length ? dailyChart(series, `Aduan baru, selesai dan lewat batas per hari, ${days} hari terakhir`) : h`<p class="muted">Belum ada data.</p>`}
</section>
<section class="card"><h2>Waktu per tahap dibanding waktu standar</h2>
<p class="legend"><span><i class="sw-std"></i>standar (median batas waktu)</span><span><i class="sw-new"></i>median waktu nyata</span><span><i class="sw-overdue"></i>median lewat standar</span></p>
${stageRows.length ? stageTimeChart(stageRows, 'Median jam di setiap tahap dibanding standar, aduan yang selesai pada periode ini') : h`<p class="muted">Belum ada aduan yang selesai pada periode ini.</p>`}
<p class="muted">Dari ${closed.length} aduan yang selesai pada periode ini; standar dihitung dalam jam kerja.</p>
</section>
<section class="card"><h2>Kepuasan warga</h2>
<p class="legend"><span><i class="sw-sat"></i>puas</span><span><i class="sw-unsat"></i>belum puas</span><span><i class="sw-none"></i>tidak menjawab</span></p>
${satisfactionChart(s, 'Jawaban warga atas pertanyaan kepuasan')}
<p>Puas ${s.satisfied} · belum puas ${s.notSatisfied} · tidak menjawab ${s.noResponse}${s.ratings ? ` · nilai rata-rata ${(s.ratingSum / s.ratings).toFixed(1)} dari 5 (${s.ratings} penilaian)` : ''} · masih beres saat dicek ulang ${s.stillSolved} · muncul lagi ${s.cameBack}</p>
</section>`;
}
