// The composition of the core: store, text understanding, services and the outbox dispatcher, built from a
// validated configuration. Channel adapters attach to an App; the App never imports them.
import { hostname } from 'node:os';
import type { Agency } from './domain/agency.js';
import { plainMinutesPolicy, type DuePolicy } from './domain/lifecycle.js';
import type { Config } from './config/config.js';
import { loadAgency } from './config/agency.js';
import { staffGroupsOf } from './config/staff-groups.js';
import type { StaffGroups } from './domain/staff-groups.js';
import { routeStaffLanes } from './services/staff-lanes.js';
import { createLogger, type Logger } from './log/logger.js';
import { openStore } from './store/open.js';
import type { PrivacyData, Store, StoreBundle } from './store/port.js';
import type { WebStore } from './store/web-port.js';
import { removeUploads } from './store/upload-removal.js';
import type { ReportStore } from './store/reports.js';
import { InboundService } from './services/inbound.js';
import { staffDirectory, type StaffDirectory } from './services/staff-directory.js';
import { Dispatcher, isOwnerGone } from './services/dispatcher.js';
import { Counters } from './services/metrics.js';
import { recordUnreachable } from './services/unreachable.js';
import { StorageGuard, storageNotice, watchStorage, type StorageStatus } from './services/storage-guard.js';
import type { OfficeCalendar } from './domain/office-hours.js';
import type { FileSources } from './ports/files.js';
import type { TextUnderstanding } from '../nlp/types.js';

export interface App {
  config: Config;
  store: Store;
  reports: ReportStore;
  agency: Agency;
  nlp: TextUnderstanding;
  log: Logger;
  duePolicy: DuePolicy;
  inbound: InboundService;
  /** Who may act on the staff side (any surface). */
  staff: StaffDirectory;
  /** The staff groups: the general one and each division's own (TELEGRAM_STAFF_DIVISION_CHATS). */
  staffGroups: StaffGroups;
  dispatcher: Dispatcher;
  /** A name for this running instance (leases, logs). */
  instanceId: string;
  now: () => number;
  /** Per-channel health, filled in by the adapters (e.g. WhatsApp connection state). */
  health: Map<string, { state: string; since: number; detail?: string }>;
  /** Counters for the health report (e.g. refused wrong-ticket lookups). */
  counters: Counters;
  /** Office hours and holidays the clocks use (FAQ answers state them); absent where the scheduler is not set up. */
  calendar?: OfficeCalendar;
  /** Whether the store can write; channels wait on it before taking in new work. */
  storage: StorageGuard;
  /** Files one channel holds and another sends (src/ports/files.ts), registered by the adapters. */
  files: FileSources;
  /** Erasure and retention in the store (the retention job). */
  privacy: PrivacyData;
  /** The web's records (web citizens, their conversations, staff sign-in links and sessions). */
  web: WebStore;
  close(): Promise<void>;
}

export interface AppOptions {
  log?: Logger;
  now?: () => number;
  nlp?: TextUnderstanding;
  /** The store to use instead of the configured one (tests, benchmarks). */
  stores?: StoreBundle;
  duePolicy?: DuePolicy;
  /** Test hook, see InboundDeps.afterStore. */
  afterStore?: (id: string) => void;
  /** Do not start the dispatcher loop (callers drain it themselves). */
  manualDispatch?: boolean;
  /** 'skip': do not rebuild the repeat index (a one-shot command that records no complaint, e.g. `aduan staff`). */
  repeatIndex?: 'rebuild' | 'skip';
  /** Office hours and holidays from the scheduler's settings. */
  calendar?: OfficeCalendar;
}

/** Builds the core. Rebuilds the repeat index from the store; does not handle messages left over (see `recover`). */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const log =
    opts.log ??
    createLogger({
      level: config.LOG_LEVEL,
      ...(config.LOG_FORMAT === 'auto' ? {} : { format: config.LOG_FORMAT }),
    });
  const now = opts.now ?? Date.now;
  const agency = loadAgency(config.agencyConfigPath);
  // Checked before anything is opened: a division group naming no division of the profile stops start-up.
  const staffGroups = staffGroupsOf(config, agency);
  const stores = opts.stores ?? (await openStore(config));
  const { reports } = stores;
  // Every store call reports a disk-full, read-only or failing store to the guard, which stops intake until the
  // store can write again (src/services/storage-guard.ts).
  let onStorageBack = () => {};
  let tellStaffAboutStorage = async (_status: StorageStatus, _recovered: boolean) => {};
  const storage = new StorageGuard({
    ...(stores.storage ? { ops: stores.storage } : {}),
    log: log.child({ part: 'storage' }),
    now,
    notify: (status, recovered) => tellStaffAboutStorage(status, recovered),
    onRecovered: () => onStorageBack(),
  });
  // With division groups, staff messages are committed to their group's outbox lane (src/services/staff-lanes.ts).
  const store = routeStaffLanes(watchStorage(stores.store, storage), staffGroups);
  const web = watchStorage(stores.web, storage);
  let nlp = opts.nlp ?? (await import('../nlp/index.js')).loadTextUnderstanding({ agency });
  const repeatsStarted = Date.now();
  const keptRepeats =
    opts.repeatIndex === 'skip' || opts.nlp
      ? undefined
      : (stores.repeatStorage ??
        (await stores.openRepeatStorage?.((err) =>
          log.error('repeat index change not written to the store; the next start indexes it again', { error: err }),
        )));
  if (keptRepeats) {
    // Kept in the store: only the vocabulary and the complaints not indexed yet are read (nlp/repeat/stored-index.ts).
    const { openStoredRepeatIndex } = await import('../nlp/repeat/stored-index.js');
    const repeats = openStoredRepeatIndex(keptRepeats, {
      onError: (err) => log.error('repeat index not updated; the next start indexes the complaint', { error: err }),
    });
    const indexed = repeats.catchUp();
    nlp = { ...nlp, repeats };
    log.info('repeat index opened', { complaints: repeats.size, caughtUp: indexed, ms: Date.now() - repeatsStarted });
  } else if (opts.repeatIndex !== 'skip') {
    const started = Date.now();
    let indexed = 0;
    await store.forEachComplaint(5000, (batch) => {
      for (const doc of batch) nlp.repeats.add(doc);
      indexed += batch.length;
    });
    log.info('repeat index rebuilt', { complaints: indexed, ms: Date.now() - started, store: store.kind });
  }
  const duePolicy = opts.duePolicy ?? plainMinutesPolicy(config.STANDARD_TIMES);
  const dispatcher = new Dispatcher({
    store,
    log: log.child({ part: 'outbox' }),
    now,
    paused: () => !storage.ok,
    onUnreachable: async (msg, reason) => {
      if (await recordUnreachable(store, msg, reason, now())) dispatcher.kick();
    },
  });
  // A SQLite file is used from one host: claims of a crashed process here can be freed at once.
  const released = stores.releaseClaimsOfGoneOwners?.(isOwnerGone) ?? 0;
  if (released) log.info('released outbox claims of a process that is gone', { items: released });
  const onOutbox = () => dispatcher.kick();
  const staff = staffDirectory({
    staffTelegramIds: config.STAFF_TELEGRAM_IDS,
    supervisorTelegramIds: config.SUPERVISOR_TELEGRAM_IDS,
    operators: config.STAFF_OPERATORS,
  });
  const counters = new Counters();
  const inbound = new InboundService({
    web,
    counters,
    reopenWindowMs: config.REOPEN_WINDOW_DAYS * 86_400_000,
    supervisors: config,
    ...(opts.calendar ? { calendar: opts.calendar } : {}),
    store,
    nlp,
    agency,
    duePolicy,
    log: log.child({ part: 'inbound' }),
    now,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    maxChars: config.MAX_MESSAGE_CHARS,
    maxAttachmentBytes: config.MAX_ATTACHMENT_MB * 1_048_576,
    staff,
    staffGroups,
    onOutbox,
    removeUploads: (ids) => removeUploads(config.dataDir, ids),
    ...(opts.afterStore ? { afterStore: opts.afterStore } : {}),
  });
  onStorageBack = () => {
    dispatcher.kick();
    // Messages stored before a write failed mid-handling are handled now rather than at the next resend.
    void inbound.recover().catch((err: Error) => log.error('recovery after the storage outage failed', { error: err }));
  };
  // Down: straight to the staff group (the outbox may be what cannot be written). Back: through the outbox.
  tellStaffAboutStorage = async (status: StorageStatus, recovered: boolean) => {
    const message = storageNotice(status, recovered, now());
    if (recovered) {
      await store.commit({ outbox: [message] });
      dispatcher.kick();
    } else await dispatcher.announce(message);
  };
  if (!opts.manualDispatch) dispatcher.start();
  return {
    config,
    store,
    reports,
    agency,
    nlp,
    log,
    duePolicy,
    inbound,
    staff,
    staffGroups,
    dispatcher,
    instanceId: config.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    now,
    health: new Map(),
    files: new Map(),
    counters,
    ...(opts.calendar ? { calendar: opts.calendar } : {}),
    storage,
    privacy: stores.privacy,
    web,
    async close() {
      await storage.stop();
      await inbound.idle();
      await dispatcher.stop();
      await store.close();
    },
  };
}
