import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));

/** A process that takes the lock, says so, and holds it until killed. */
function holder(dir: string, wrap: string[] = []): Promise<ChildProcess> {
  const script = `import { acquireDataDirLock } from ${JSON.stringify(path.join(root, 'src/db/lock.ts'))};
    acquireDataDirLock(${JSON.stringify(dir)}); console.log('held ' + process.pid); setInterval(() => {}, 1000);`;
  const argv = [...wrap, process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
  const child = spawn(argv[0]!, argv.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the holder ended (${code}): ${err}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const canUnshare =
  process.platform === 'linux' &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

describe('PGlite data folder lock', () => {
  it('refuses a second holder while the first lives, and frees the folder on release', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    const again = acquireDataDirLock(dir);
    again();
    fs.rmSync(dir, { recursive: true });
  });

  it('is not fooled by a lock file naming a live PID (a container restarts as PID 1 again)', () => {
    const dir = tempDir();
    // PID 1 is alive on every machine: the old PID-file lock refused this folder forever.
    fs.writeFileSync(path.join(dir, 'samverkan.lock'), '1');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'samverkan.lock'), 'utf8')).toBe(String(process.pid));
    release();
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses while another live process holds it, and is free the moment that process is killed -9', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${child.pid}`);
    await killHard(child);
    const release = acquireDataDirLock(dir);
    release();
    fs.rmSync(dir, { recursive: true });
  });

  it.runIf(canUnshare)(
    'restarts after kill -9 in a fresh PID namespace, where the server is PID 1 each time',
    async () => {
      const dir = tempDir();
      const wrap = ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc'];
      const first = await holder(dir, wrap);
      expect(fs.readFileSync(path.join(dir, 'samverkan.lock'), 'utf8')).toBe('1');
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      await killHard(first);
      // unshare --kill-child takes its PID 1 down with it; the kernel drops that process's lock.
      const second = await holder(dir, wrap);
      expect(fs.readFileSync(path.join(dir, 'samverkan.lock'), 'utf8')).toBe('1');
      await killHard(second);
      fs.rmSync(dir, { recursive: true });
    },
  );

  it('makes another process (the CLI) stop with a clear message instead of writing beside it', () => {
    const dir = tempDir();
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
