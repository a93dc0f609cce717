import dotenv from 'dotenv';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Loads `env/.env.<name>` then `env/.env.<name>.user` (secrets, git-ignored), the Agents Toolkit layout.
 * Variables already set in the process win, so a shell or the host's app settings override the files.
 */
export function loadEnvFiles(name: string, root = process.cwd()): string[] {
  const loaded: string[] = [];
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(root, 'env', file);
    if (fs.existsSync(full)) {
      dotenv.config({ path: full, override: false, quiet: true });
      loaded.push(full);
    }
  }
  return loaded;
}
