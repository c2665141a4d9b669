// How the MongoDB store refuses to open, checked without a MongoDB server: nothing listens on port 1, and a malformed
// URI fails before any network. The messages name MONGODB_URI and never show a password.
import { describe, expect, it } from 'vitest';
import { openMongoStore } from '../../src/store/mongo/mongo-store.js';
import { databaseInUri, maskMongoUri } from '../../src/store/mongo/uri.js';
import { serverSelectionTimeout } from '../../src/store/mongo/connection.js';

async function refusal(uri: string): Promise<Error> {
  try {
    const store = await openMongoStore(uri, { serverSelectionTimeoutMS: 500 });
    await store.close();
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`openMongoStore rejected with a non-Error: ${String(err)}`);
  }
  throw new Error(`openMongoStore opened ${uri}, which should have been refused`);
}

describe('opening the MongoDB store', () => {
  it("waits for a server as long as MONGODB_URI says, or the driver's 30 s when it says nothing", () => {
    expect(serverSelectionTimeout('mongodb://db:27017/aduan?replicaSet=rs0')).toBe(30_000);
    expect(serverSelectionTimeout('mongodb://db:27017/aduan?replicaSet=rs0&serverSelectionTimeoutMS=45000')).toBe(
      45_000,
    );
    expect(serverSelectionTimeout('mongodb+srv://u:p@cluster.example.net/?serverselectiontimeoutms=8000')).toBe(8000);
    expect(
      serverSelectionTimeout('mongodb://db/aduan?serverSelectionTimeoutMS=45000', { serverSelectionTimeoutMS: 500 }),
    ).toBe(500);
  });

  it('follows the serverSelectionTimeoutMS of the URI when refusing an unreachable server', async () => {
    const err = await openMongoStore('mongodb://127.0.0.1:1/x?serverSelectionTimeoutMS=700').then(
      async (s) => {
        await s.close();
        throw new Error('opened');
      },
      (e: Error) => e,
    );
    expect(err.message).toMatch(/^MONGODB_URI: cannot connect to MongoDB at .* within 700 ms/);
  });

  it('rejects an unreachable server within the timeout, with a message naming MONGODB_URI', async () => {
    const started = Date.now();
    const err = await refusal('mongodb://127.0.0.1:1/x');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(err.message).toMatch(
      /^MONGODB_URI: cannot connect to MongoDB at mongodb:\/\/127\.0\.0\.1:1\/x within 500 ms/,
    );
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('never shows the password of the URI in its message', async () => {
    const err = await refusal('mongodb://aduan:S3cret-Pa55@127.0.0.1:1/x?authSource=admin');
    expect(err.message).toContain('mongodb://aduan:****@127.0.0.1:1/x?authSource=admin');
    expect(err.message).not.toContain('S3cret-Pa55');
  });

  it('hides a percent-encoded password in both its encoded and decoded forms', async () => {
    const err = await refusal('mongodb://aduan:p%40ss%2Fw0rd@127.0.0.1:1/x');
    expect(err.message).toContain('aduan:****@');
    expect(err.message).not.toContain('p%40ss%2Fw0rd');
    expect(err.message).not.toContain('p@ss/w0rd');
  });

  it('rejects a string that is not a MongoDB URI, saying what a valid one looks like', async () => {
    const err = await refusal('not-a-uri');
    expect(err.message).toMatch(/^MONGODB_URI is not a valid MongoDB connection string/);
    expect(err.message).toContain('mongodb://');
  });

  it('rejects a malformed URI without echoing the password in it', async () => {
    const err = await refusal('mongodb://bob:pa@ss@localhost/x');
    expect(err.message).toMatch(/^MONGODB_URI is not a valid MongoDB connection string/);
    expect(err.message).toContain('bob:****@localhost');
    expect(err.message).not.toContain('pa@ss');
  });
});

describe('showing a MongoDB URI', () => {
  it('masks the password and keeps the user, hosts and options', () => {
    expect(maskMongoUri('mongodb+srv://ops:hunter2@cluster0.example.net/aduan?retryWrites=true')).toBe(
      'mongodb+srv://ops:****@cluster0.example.net/aduan?retryWrites=true',
    );
    expect(maskMongoUri('mongodb://a:b@h1:27017,h2:27017/db?replicaSet=rs0')).toBe(
      'mongodb://a:****@h1:27017,h2:27017/db?replicaSet=rs0',
    );
  });

  it('leaves a URI without credentials as it is', () => {
    expect(maskMongoUri('mongodb://localhost:27017/?replicaSet=rs0&directConnection=true')).toBe(
      'mongodb://localhost:27017/?replicaSet=rs0&directConnection=true',
    );
  });

  it('masks secrets passed as options', () => {
    expect(maskMongoUri('mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:abc')).toBe(
      'mongodb://h/db?authMechanism=MONGODB-AWS&authMechanismProperties=****',
    );
  });

  it('shows nothing of a value that is not a URI at all', () => {
    expect(maskMongoUri('user:secret@host')).not.toContain('secret');
  });
});

describe('finding the database in a MongoDB URI', () => {
  it('reads the path, ignoring credentials and options', () => {
    expect(databaseInUri('mongodb://u:p/w@h1,h2/aduan?replicaSet=rs0')).toBe('aduan');
    expect(databaseInUri('mongodb+srv://cluster0.example.net/aduan_prod')).toBe('aduan_prod');
  });

  it('finds none when the path is empty, so the store picks its own default', () => {
    expect(databaseInUri('mongodb://localhost:27017/?replicaSet=rs0')).toBeUndefined();
    expect(databaseInUri('mongodb://localhost:27017')).toBeUndefined();
    expect(databaseInUri('mongodb://localhost:27017?appName=a/b')).toBeUndefined();
  });
});
