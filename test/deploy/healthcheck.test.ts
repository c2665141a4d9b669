// The container's HEALTHCHECK script (deploy/healthcheck.mjs) against a server that answers like /health does: it
// reports healthy on 200, unhealthy on 503 or when nothing listens, and asks the port the settings name.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../deploy/healthcheck.mjs', import.meta.url));
let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A /health endpoint answering `status`; returns its port and the paths it was asked for. */
async function health(status: number): Promise<{ port: number; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { port: (server!.address() as AddressInfo).port, asked };
}

function check(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    child.on('close', (code) => resolve(code));
  });
}

describe('the container healthcheck', () => {
  it('is healthy when /health on HEALTH_PORT answers 200', async () => {
    const { port, asked } = await health(200);
    expect(await check({ HEALTH_PORT: String(port) })).toBe(0);
    expect(asked).toEqual(['/health']);
  });

  it('is unhealthy when /health answers 503 (a channel is down)', async () => {
    const { port } = await health(503);
    expect(await check({ HEALTH_PORT: String(port) })).toBe(1);
  });

  it('asks HTTP_PORT before HEALTH_PORT, and is unhealthy when nothing listens', async () => {
    const { port, asked } = await health(200);
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    expect(await check({ HTTP_PORT: String(port), HEALTH_PORT: String(closed) })).toBe(0);
    expect(asked).toHaveLength(1);
    expect(await check({ HEALTH_PORT: String(closed) })).toBe(1);
  });
});
