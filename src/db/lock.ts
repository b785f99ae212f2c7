import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// flock(2) through fs-ext (a small native addon): Node has no advisory file lock of its own.
const { flockSync } = createRequire(import.meta.url)('fs-ext') as {
  flockSync(this: void, fd: number, how: 'ex' | 'exnb' | 'sh' | 'shnb' | 'un'): void;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `Datamappen ${dir} används redan av en annan process${pid ? ` (pid ${pid})` : ''}. ` +
        'PGlite tål bara en process per datamapp: stoppa den andra processen, ' +
        'använd en annan DATA_DIR eller kör mot PostgreSQL med DATABASE_URL.',
    );
  }
}

/**
 * Takes an exclusive lock on a PGlite data folder. PGlite has no lock between processes, and a second
 * writer silently loses data, so a live holder makes this throw. The lock is an advisory flock on an open
 * file: the operating system releases it when the holder dies, however it dies, so a crashed server always
 * restarts — even in a container where it comes back with the same PID (a PID written in a file proves
 * nothing there). The PID in the file is only for the message. Returns the release function.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'samverkan.lock');
  // 'a+' neither truncates the holder's PID before we know we hold the lock, nor fails if the file exists.
  const fd = fs.openSync(file, 'a+');
  try {
    flockSync(fd, 'exnb');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fs.closeSync(fd);
    if (code === 'EWOULDBLOCK' || code === 'EAGAIN') {
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      throw new DataDirLockedError(dir, Number.isInteger(pid) && pid > 0 ? pid : undefined);
    }
    throw err;
  }
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, String(process.pid), 0);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      flockSync(fd, 'un');
    } finally {
      fs.closeSync(fd);
    }
  };
  process.on('exit', release);
  return release;
}
