import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('PGlite data folder lock', () => {
  it('refuses a second holder while the first lives, and frees the folder on release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    const again = acquireDataDirLock(dir);
    again();
    fs.rmSync(dir, { recursive: true });
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    fs.writeFileSync(path.join(dir, 'samverkan.lock'), '999999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'samverkan.lock'), 'utf8')).toBe(String(process.pid));
    release();
    fs.rmSync(dir, { recursive: true });
  });

  it('makes another process (the CLI) stop with a clear message instead of writing beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    const release = acquireDataDirLock(dir);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'list-organisations'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    release();
    fs.rmSync(dir, { recursive: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('används redan av en annan process');
  });
});
