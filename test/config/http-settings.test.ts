// The HTTP server's settings: HTTP_PORT (8080), HTTP_HOST (loopback), PUBLIC_URL (the base of every link we send)
// and the two old ports it replaces, mapped with a warning or refused when they disagree.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

function refused(env: Record<string, string>): string {
  try {
    loadConfig(env, '/tmp');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the HTTP settings', () => {
  it('listen on loopback port 8080 and make links from that address when nothing is set', () => {
    const c = loadConfig({}, '/tmp');
    expect(c.httpPort).toBe(8080);
    expect(c.HTTP_HOST).toBe('127.0.0.1');
    expect(c.publicUrl).toBe('http://127.0.0.1:8080');
    expect(c.deprecations).toEqual([]);
  });

  it('make links from PUBLIC_URL (without its trailing slash), or a usable name for an all-interfaces host', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://aduan.example.go.id/' }, '/tmp').publicUrl).toBe(
      'https://aduan.example.go.id',
    );
    expect(loadConfig({ HTTP_HOST: '0.0.0.0', HTTP_PORT: '9000' }, '/tmp').publicUrl).toBe('http://localhost:9000');
    expect(refused({ PUBLIC_URL: 'aduan.example.go.id' })).toMatch(/PUBLIC_URL: must be an http\(s\) URL/);
    expect(refused({ HTTP_PORT: '70000' })).toMatch(/HTTP_PORT: must be a port number/);
    expect(refused({ HTTP_HOST: 'bad host' })).toMatch(/HTTP_HOST/);
  });

  it('take HEALTH_PORT or TELEGRAM_WEBHOOK_PORT alone as the port, with a warning naming HTTP_PORT', () => {
    const c = loadConfig({ HEALTH_PORT: '9100' }, '/tmp');
    expect(c.httpPort).toBe(9100);
    expect(c.deprecations).toEqual([expect.stringMatching(/HEALTH_PORT is deprecated.*HTTP_PORT/)]);
    expect(loadConfig({ TELEGRAM_WEBHOOK_PORT: '8443' }, '/tmp').httpPort).toBe(8443);
    expect(loadConfig({ HTTP_PORT: '8443', TELEGRAM_WEBHOOK_PORT: '8443' }, '/tmp').deprecations).toEqual([
      expect.stringMatching(/TELEGRAM_WEBHOOK_PORT is deprecated and can be removed/),
    ]);
  });

  it('refuse an old port that disagrees with HTTP_PORT (or with the other old one): one server serves all', () => {
    expect(refused({ HTTP_PORT: '8080', HEALTH_PORT: '9100' })).toMatch(
      /HEALTH_PORT: deprecated and different from HTTP_PORT/,
    );
    expect(refused({ HEALTH_PORT: '9100', TELEGRAM_WEBHOOK_PORT: '8443' })).toMatch(/TELEGRAM_WEBHOOK_PORT/);
  });
});
