// Reads .env from the working directory into process.env (values already in the environment win).
import { config as dotenv } from 'dotenv';

export function loadEnvFile(path = '.env'): void {
  dotenv({ path, quiet: true });
}
