// Opens the MongoDB store's own connection (never mongoose's global default one) and turns every way that can fail
// into one Error naming MONGODB_URI, with the password masked. Start-up stops on it; nothing falls back to SQLite.
import mongoose, { type Connection } from 'mongoose';
import { databaseInUri, maskMongoUri, scrubSecrets } from './uri.js';

/**
 * The driver's own default for finding a usable server, kept unless MONGODB_URI sets serverSelectionTimeoutMS:
 * longer than a primary election (MongoDB's median is up to 12 s), so a commit waits out a failover instead of failing.
 */
export const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 30_000;

/** How long server selection waits: the caller's value, else the URI's serverSelectionTimeoutMS, else the driver's. */
export function serverSelectionTimeout(uri: string, opts: MongoConnectOptions = {}): number {
  if (opts.serverSelectionTimeoutMS !== undefined) return opts.serverSelectionTimeoutMS;
  const fromUri = /[?&]serverSelectionTimeoutMS=(\d+)/i.exec(uri)?.[1];
  return fromUri !== undefined ? Number(fromUri) : DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
}
/** Used when neither the URI nor the caller names a database (the driver would otherwise pick "test"). */
export const DEFAULT_DB_NAME = 'aduan';

export interface MongoConnectOptions {
  dbName?: string;
  serverSelectionTimeoutMS?: number;
}

/** Connects, or rejects within about `serverSelectionTimeoutMS` with a message fit for the operator. */
export async function connectMongo(uri: string, opts: MongoConnectOptions = {}): Promise<Connection> {
  const timeoutMs = serverSelectionTimeout(uri, opts);
  let conn: Connection;
  try {
    conn = mongoose.createConnection(uri, {
      // The driver reads (and decodes) a database named in the URI itself; only an unnamed one gets ours.
      ...(opts.dbName !== undefined || databaseInUri(uri) === undefined
        ? { dbName: opts.dbName ?? DEFAULT_DB_NAME }
        : {}),
      // Only an explicit value from the caller is passed: an option here would override the URI's for the whole
      // life of the client (every later operation, not only start-up).
      ...(opts.serverSelectionTimeoutMS !== undefined
        ? { serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS }
        : {}),
      appName: 'aduan',
      // Query filters never take operators from data ({ $ne: ... } arriving as a "ticket"); the store marks its
      // own operators with mongoose.trusted().
      sanitizeFilter: true,
      // Collections and indexes are created when the models are compiled; openMongoStore waits for them.
      autoCreate: true,
      autoIndex: true,
    });
  } catch (err) {
    throw openError(uri, err, timeoutMs);
  }
  // Server selection is bounded by the driver, but an SRV lookup is not: the deadline keeps the promise honest.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs} ms (serverSelectionTimeoutMS)`)),
      timeoutMs + 1000,
    );
  });
  try {
    await Promise.race([conn.asPromise(), deadline]);
    return conn;
  } catch (err) {
    // Not awaited: closing a connection that is still connecting waits for the attempt to end.
    conn.close(true).catch(() => {});
    throw openError(uri, err, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Commits are MongoDB transactions, which only a replica set (or a sharded cluster) runs. Checked at start-up so a
 * standalone server is refused with advice instead of failing on the first message.
 */
export async function requireTransactions(conn: Connection, uri: string): Promise<void> {
  const hello = await conn.getClient().db('admin').command({ hello: 1 });
  if (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') return;
  throw new Error(
    `MONGODB_URI points to a standalone MongoDB server (${maskMongoUri(uri)}). Aduan commits every message in a ` +
      'transaction, which needs a replica set: start mongod with --replSet rs0 and run rs.initiate() once ' +
      '(a single-node replica set is enough), then add ?replicaSet=rs0 to MONGODB_URI.',
  );
}

/**
 * The operator-facing error for anything that went wrong while connecting (`stage` "connect") or while preparing
 * collections and indexes on a server that answered ("prepare"). Never includes the password.
 */
export function openError(
  uri: string,
  err: unknown,
  timeoutMs: number,
  stage: 'connect' | 'prepare' = 'connect',
): Error {
  const name = err instanceof Error ? err.name : '';
  const reason = scrubSecrets(err instanceof Error ? err.message : String(err), uri);
  const where = maskMongoUri(uri);
  if (name === 'MongoParseError' || name === 'MongoInvalidArgumentError' || /parse|invalid url/i.test(reason)) {
    return new Error(
      `MONGODB_URI is not a valid MongoDB connection string (${where}): ${reason}. Expected ` +
        'mongodb://[user:password@]host[:port]/[database]?replicaSet=rs0 or mongodb+srv://user:password@cluster/database.',
    );
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 18 || /authentication failed/i.test(reason)) {
    return new Error(
      `MONGODB_URI: MongoDB at ${where} refused the credentials (${reason}). Check the user and password.`,
    );
  }
  if (stage === 'prepare') {
    return new Error(
      `MONGODB_URI: connected to MongoDB at ${where}, but preparing the store's collections and indexes failed: ` +
        `${reason}. The user needs readWrite and createIndex rights on the database.`,
    );
  }
  return new Error(
    `MONGODB_URI: cannot connect to MongoDB at ${where} within ${timeoutMs} ms: ${reason}. Check that the server ` +
      'is running and reachable from here, and the host and port in MONGODB_URI. Aduan does not fall back to ' +
      'SQLite while MONGODB_URI is set.',
  );
}
