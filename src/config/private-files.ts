// Folders and files the service creates hold citizens' personal data (the database) or a key to the agency's
// WhatsApp account (the session, the QR image): readable by the service's own user only, 0700 folders and 0600
// files, and tightened when an older install left them open. A data folder that cannot hold a database (under
// /proc, read-only, not ours to write) stops start-up with one line naming the setting, instead of a stack trace
// or a hang.
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  realpathSync,
  statSync,
  statfsSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StartupError } from './startup-error.js';

/** Kernel file systems that look like folders but can hold no database (SQLite on them hangs or fails). */
const VIRTUAL_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x63677270, 'cgroup2'],
  [0x27e0eb, 'cgroup'],
  [0x1cd1, 'devpts'],
]);
const VIRTUAL_ROOTS = new Map([
  ['/proc', 'proc'],
  ['/sys', 'sysfs'],
  ['/dev', 'devtmpfs'],
]);

function explain(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return e.message ?? String(err);
  }
}

/** The nearest folder of `path` (or `path` itself) that exists. */
function existingAncestor(path: string): string {
  let p = resolve(path);
  for (;;) {
    try {
      statSync(p);
      return p;
    } catch {
      const up = dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
}

/** Refuses a folder on a kernel file system (/proc, /sys, …), where SQLite would hang or fail. */
function assertRealDisk(dir: string, setting: string): void {
  const at = realpathSync(existingAncestor(dir));
  let fs = [...VIRTUAL_ROOTS].find(([r]) => at === r || at.startsWith(`${r}/`))?.[1];
  try {
    fs ??= VIRTUAL_FS.get(statfsSync(at).type);
  } catch {
    // statfs unavailable: the path check above is what we have.
  }
  if (fs)
    throw new StartupError(
      `${setting} ${dir} is on ${fs}, a kernel file system that cannot hold Aduan's data: set ${setting} to a folder on a disk.`,
      setting,
    );
}

/** Tightens a file or folder we own to `mode` when others could read it; never fails start-up over it. */
function tighten(path: string, mode: number): void {
  try {
    const st = statSync(path);
    if ((st.mode & 0o077) !== 0 && (process.getuid === undefined || st.uid === process.getuid())) chmodSync(path, mode);
  } catch {
    // Gone or not ours: nothing to tighten.
  }
}

/**
 * Makes sure `dir` exists, is ours alone (0700) and can be written; `setting` names the setting to fix in the one
 * line shown when it cannot (DATA_DIR, WHATSAPP_SESSION_DIR).
 */
export function ensurePrivateDir(dir: string, setting: string): void {
  assertRealDisk(dir, setting);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new StartupError(`${setting} ${dir} cannot be created: ${explain(err)}.`, setting);
  }
  if (!statSync(dir).isDirectory()) throw new StartupError(`${setting} ${dir} is not a folder.`, setting);
  tighten(dir, 0o700);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (err) {
    const readOnlyDisk = (err as NodeJS.ErrnoException).code === 'EROFS';
    throw new StartupError(
      `${setting} ${dir} is not writable by this user: ${explain(err)}.` +
        (readOnlyDisk ? ' Remount it read-write or move the data.' : ' Give the folder to the user that runs Aduan.'),
      setting,
    );
  }
}

/**
 * Creates `path` empty and private (0600) if missing, and tightens it and `companions` (SQLite's -wal and -shm
 * take the database file's mode when SQLite creates them) if they exist.
 */
export function ensurePrivateFile(path: string, companions: string[] = []): void {
  try {
    closeSync(openSync(path, 'a', 0o600));
  } catch {
    // Not creatable here: whatever opens it next reports why, naming its setting.
  }
  for (const p of [path, ...companions]) tighten(p, 0o600);
}
