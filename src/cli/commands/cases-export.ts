// `aduan cases export --from YYYY-MM-DD --to YYYY-MM-DD [--stage S] [--division D] --format csv|xlsx|jsonl
// [--out FILE] [--with-contacts --as SUPERVISOR_ID]`: the records of the cases received in a period (SOP step 14),
// personal data masked unless a supervisor asks for contacts.
import type { Writable } from 'node:stream';
import type { Io } from '../main.js';
import { configFromEnv, parseArgs } from '../bootstrap.js';
import { loadAgency } from '../../config/agency.js';
import { loadSchedulerConfig } from '../../scheduler/settings.js';
import { isStage, STAGES } from '../../domain/stages.js';
import { officeClock } from '../../domain/work-time.js';
import { dateTimeId, zoneLabel } from '../../digest/format.js';
import { staffStageLabel } from '../../domain/labels-id.js';
import { divisionName } from '../../domain/case-card.js';
import { EXPORT_FORMATS, exportCases, type ExportFormat, type ExportInput } from '../../records/export.js';
import type { ExportSummary } from '../../records/summary.js';
import { isSupervisor, localDay, nextLocalDay, openRecords, writeFileAtomically } from './records-common.js';

const USAGE =
  'Usage: aduan cases export --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|jsonl [--out FILE]\n' +
  '         [--stage STAGE] [--division DIVISION] [--with-contacts --as SUPERVISOR_ID]\n' +
  'Cases received from the start of --from to the end of --to (agency time zone). Personal data is masked;\n' +
  '--with-contacts (supervisors only) keeps it. csv and jsonl go to standard output without --out.\n';

export default async function casesExport(argv: string[], io: Io): Promise<number> {
  const { flags } = parseArgs(argv);
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const config = configFromEnv();
  const settings = loadSchedulerConfig();
  const agency = loadAgency(config.agencyConfigPath);
  const tz = settings.timeZone;
  const problems: string[] = [];
  const from = localDay(flags.from, tz);
  const to = typeof flags.to === 'string' && localDay(flags.to, tz) !== null ? nextLocalDay(flags.to, tz) : null;
  if (from === null) problems.push('--from must be a date YYYY-MM-DD');
  if (to === null) problems.push('--to must be a date YYYY-MM-DD');
  if (from !== null && to !== null && to <= from) problems.push('--to must not be before --from');
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  const format = (flags.format ?? out?.split('.').pop()) as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) problems.push('--format must be csv, xlsx or jsonl');
  if (format === 'xlsx' && !out) problems.push('a spreadsheet needs --out FILE.xlsx');
  const stage = flags.stage;
  if (stage !== undefined && (typeof stage !== 'string' || !isStage(stage)))
    problems.push(`--stage must be one of: ${STAGES.join(', ')}`);
  const division = flags.division;
  if (division !== undefined && (typeof division !== 'string' || !agency.divisions.some((d) => d.id === division)))
    problems.push(`--division must be one of: ${agency.divisions.map((d) => d.id).join(', ')}`);
  if (problems.length || from === null || to === null || !format) {
    io.stderr.write(`${problems.map((p) => `${p}\n`).join('')}${USAGE}`);
    return 2;
  }
  const withContacts = flags['with-contacts'] === true;
  if (withContacts && !isSupervisor(config, flags.as)) {
    io.stderr.write(
      'Ekspor dengan kontak hanya untuk supervisor: beri --as <id> yang terdaftar di SUPERVISOR_TELEGRAM_IDS. ' +
        'Tidak ada yang diekspor.\n',
    );
    return 1;
  }

  const now = Date.now();
  const filter = {
    from,
    to,
    ...(typeof stage === 'string' && isStage(stage) ? { stage } : {}),
    ...(typeof division === 'string' ? { division } : {}),
  };
  const filters = [
    ...(filter.stage ? [`tahap sekarang: ${staffStageLabel(filter.stage)}`] : []),
    ...(filter.division ? [`bidang: ${divisionName(agency, filter.division)}`] : []),
  ];
  const heading = [
    `Ekspor rekaman pengaduan · ${agency.name}`,
    `Aduan yang diterima ${flags.from} s.d. ${flags.to} (${tz}, ${zoneLabel(tz, from)})${filters.length ? ` · ${filters.join(' · ')}` : ''}`,
    `Dibuat ${dateTimeId(now, tz)} · semua waktu dalam ${zoneLabel(tz, now)}`,
    withContacts
      ? `Data pribadi TIDAK disamarkan: diminta oleh supervisor ${flags.as as string}`
      : 'Data pribadi disamarkan (kontak, NIK, nomor telepon, e-mail, rekening)',
    'Lama dan standar tiap tahap dalam menit kerja (jam kantor OFFICE_HOURS, tanpa akhir pekan dan PUBLIC_HOLIDAYS)',
  ];
  const { store, reports } = await openRecords(config);
  const started = performance.now();
  try {
    const input = (o: ExportInput['out']): ExportInput => ({
      reports,
      ctx: {
        agency,
        now,
        timeZone: tz,
        clock: officeClock(settings.calendar),
        standardMinutes: config.STANDARD_TIMES,
        withContacts,
      },
      filter,
      format,
      out: o,
      heading,
    });
    let summary: ExportSummary | undefined;
    if (out) {
      await writeFileAtomically(out, async (o) => {
        summary = await exportCases(input(o));
      });
    } else {
      summary = await exportCases(input(io.stdout as Writable));
    }
    const s = summary as ExportSummary;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr.write(
      `${s.cases.toLocaleString('en')} cases (${s.rounds.toLocaleString('en')} PTP rounds) exported as ${format}` +
        `${out ? ` to ${out}` : ''} in ${secs} s; personal data ${withContacts ? 'NOT masked (supervisor request)' : 'masked'}.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
