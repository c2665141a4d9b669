// The inbox: cases by stage with the overdue ones first, filters (stage, division, label, integrity, reopened,
// open or all) and a search, as a plain GET form so it works without JavaScript and a view can be bookmarked.
import type { App } from '../../app.js';
import type { CaseRecord } from '../../domain/case.js';
import { STAGES, isStage, type Stage } from '../../domain/stages.js';
import type { StaffRole } from '../../domain/staff.js';
import type { CaseQuery } from '../../store/port.js';
import { MESSAGE_LABELS, type MessageLabel } from '../../../nlp/types.js';
import { h, type Html } from '../pages/html.js';
import { citizenText, isOverdue, KIND_NAMES, shortWhen, stageName, tags } from './views.js';

export interface InboxFilters {
  stage?: Stage;
  division?: string;
  /** Absent: every label ("semua"); the inbox opens on complaints. */
  label?: MessageLabel;
  integrity: boolean;
  reopened: boolean;
  all: boolean;
  search: string;
}

/** At most this many cases are read for one view; the page says when there are more. */
export const INBOX_LIMIT = 300;

export function readFilters(q: (name: string) => string | undefined): InboxFilters {
  const stage = q('tahap') ?? '';
  const label = q('label') ?? 'complaint';
  return {
    ...(isStage(stage) ? { stage } : {}),
    ...(q('bidang') ? { division: (q('bidang') ?? '').slice(0, 60) } : {}),
    ...((MESSAGE_LABELS as readonly string[]).includes(label) ? { label: label as MessageLabel } : {}),
    integrity: q('integritas') === '1',
    reopened: q('dibuka') === '1',
    all: q('semua') === '1',
    search: (q('q') ?? '').trim().slice(0, 100),
  };
}

/** The cases of a view: overdue first (the longest overdue first), then by stage in SOP order, newest first. */
export async function inboxCases(app: App, f: InboxFilters): Promise<{ cases: CaseRecord[]; more: boolean }> {
  const query: CaseQuery = {
    ...(f.stage ? { stage: f.stage } : f.all ? {} : { open: true }),
    ...(f.division ? { division: f.division } : {}),
    ...(f.label ? { kind: f.label } : {}),
    ...(f.search ? { search: f.search } : {}),
    limit: INBOX_LIMIT + 1,
  };
  const read = await app.store.listCases(query);
  const more = read.length > INBOX_LIMIT;
  const now = app.now();
  const cases = read
    .slice(0, INBOX_LIMIT)
    .filter((c) => (!f.integrity || c.flags.includes('integrity')) && (!f.reopened || c.reopenCount > 0));
  cases.sort((a, b) => {
    const oa = isOverdue(a, now);
    const ob = isOverdue(b, now);
    if (oa !== ob) return oa ? -1 : 1;
    if (oa && ob) return (a.dueAt ?? 0) - (b.dueAt ?? 0);
    const sa = STAGES.indexOf(a.stage);
    const sb = STAGES.indexOf(b.stage);
    return sa !== sb ? sa - sb : b.createdAt - a.createdAt;
  });
  return { cases, more };
}

export function inboxBody(
  app: App,
  f: InboxFilters,
  view: { cases: CaseRecord[]; more: boolean },
  role: StaffRole,
): Html {
  const now = app.now();
  const overdue = view.cases.filter((c) => isOverdue(c, now)).length;
  const byStage = STAGES.map((s) => ({ s, n: view.cases.filter((c) => c.stage === s).length })).filter((x) => x.n);
  const option = (value: string, label: string, selected: boolean) =>
    h`<option value="${value}"${selected ? h` selected` : ''}>${label}</option>`;
  return h`<h1>Kotak masuk</h1>
<form class="card filters" method="get" action="/staf" role="search" aria-label="Saring kasus">
<div><label for="f-q">Cari</label><input id="f-q" type="search" name="q" value="${f.search}" placeholder="tiket, kata"></div>
<div><label for="f-tahap">Tahap</label><select id="f-tahap" name="tahap">${option('', 'Terbuka (semua)', !f.stage)}${STAGES.map((s) => option(s, stageName(s), f.stage === s))}</select></div>
<div><label for="f-bidang">Bidang</label><select id="f-bidang" name="bidang">${option('', 'Semua bidang', !f.division)}${app.agency.divisions.map((d) => option(d.id, d.name, f.division === d.id))}</select></div>
<div><label for="f-label">Label</label><select id="f-label" name="label">${option('semua', 'Semua label', !f.label)}${MESSAGE_LABELS.map((l) => option(l, KIND_NAMES[l], f.label === l))}</select></div>
<div class="checks"><label class="choice"><input type="checkbox" name="integritas" value="1"${f.integrity ? h` checked` : ''}> Integritas (pungli/suap)</label>
<label class="choice"><input type="checkbox" name="dibuka" value="1"${f.reopened ? h` checked` : ''}> Dibuka ulang</label>
<label class="choice"><input type="checkbox" name="semua" value="1"${f.all ? h` checked` : ''}> Termasuk yang selesai</label></div>
<div><button type="submit">Terapkan</button> <a class="button secondary small" href="/staf">Atur ulang</a></div>
</form>
<p class="lead" aria-live="polite">${view.cases.length} kasus${overdue ? h` · <strong class="error">${overdue} lewat batas waktu</strong>` : ''}${
    view.more ? h` · ditampilkan ${view.cases.length} teratas; persempit saringan` : ''
  }${byStage.length ? h` · ${byStage.map((x, i) => h`${i ? ', ' : ''}${stageName(x.s)} ${x.n}`)}` : ''}</p>
${
  view.cases.length === 0
    ? h`<div class="card"><p>Tidak ada kasus yang cocok.</p></div>`
    : h`<div class="scroll"><table>
<thead><tr><th scope="col">Tiket</th><th scope="col">Tahap</th><th scope="col">Isi</th><th scope="col">Bidang</th><th scope="col">Masuk</th><th scope="col">Batas waktu</th><th scope="col">Dipegang</th></tr></thead>
<tbody>${view.cases.map((c) => row(app, c, role, now))}</tbody></table></div>`
}`;
}

function row(app: App, c: CaseRecord, role: StaffRole, now: number): Html {
  const text = citizenText(c.text, role).replace(/\s+/g, ' ');
  const excerpt = text.length > 110 ? `${text.slice(0, 109)}…` : text;
  const division = app.agency.divisions.find((d) => d.id === c.division)?.name ?? c.division;
  return h`<tr class="${isOverdue(c, now) ? 'overdue' : ''}">
<td><a class="mono" href="/staf/kasus/${c.ticket}">${c.ticket}</a><br><span class="muted">${KIND_NAMES[c.kind]}</span></td>
<td>${stageName(c.stage)}<br>${tags(c, now)}</td>
<td>${excerpt}</td><td>${division}</td><td class="when">${shortWhen(c.createdAt)}</td>
<td class="when">${c.dueAt ? shortWhen(c.dueAt) : '—'}</td><td>${c.assignee ?? h`<span class="muted">belum ada</span>`}</td>
</tr>`;
}
