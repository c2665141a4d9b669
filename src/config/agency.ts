// Loads and validates the agency profile (divisions, signature, FAQ) named by AGENCY_CONFIG.
import { readFileSync } from 'node:fs';
import { agencySchema, type Agency } from '../domain/agency.js';
import { ConfigError } from './config.js';

export function loadAgency(path: string): Agency {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError([`AGENCY_CONFIG: cannot read ${path}: ${(err as Error).message}`]);
  }
  const r = agencySchema.safeParse(raw);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `AGENCY_CONFIG (${path}) ${i.path.join('.')}: ${i.message}`));
  }
  if (!r.data.divisions.some((d) => d.id === r.data.defaultDivision)) {
    throw new ConfigError([
      `AGENCY_CONFIG (${path}) defaultDivision: "${r.data.defaultDivision}" is not a division id`,
    ]);
  }
  if (r.data.integrityDivision && !r.data.divisions.some((d) => d.id === r.data.integrityDivision)) {
    throw new ConfigError([
      `AGENCY_CONFIG (${path}) integrityDivision: "${r.data.integrityDivision}" is not a division id`,
    ]);
  }
  return r.data;
}
