import { spawn } from 'node:child_process';
import path from 'node:path';

const packageDir = path.resolve(__dirname, '..');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
}

/** Runs the signal app; once it says "ready", sends it `signal`. */
function runApp(mode: string, signal?: NodeJS.Signals): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'signal-app.mjs'), mode],
      {
        cwd: packageDir,
        env: { PATH: process.env.PATH },
      },
    );
    let stdout = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (signal !== undefined && !signalled && stdout.includes('ready\n')) {
        signalled = true;
        child.kill(signal);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code, endSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: endSignal, lines: stdout.trim().split('\n') });
    });
  });
}

describe('when the process ends', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exports on %s, then lets the signal end the process as it would have',
    async (signal) => {
      expect(await runApp('alone', signal)).toEqual({
        code: null,
        signal,
        lines: ['ready', 'exported work', 'exporter flushed', 'exporter shut down'],
      });
    },
  );

  it('only flushes on SIGTERM when the app listens too, and the app exits its own way', async () => {
    expect(await runApp('app-handler', 'SIGTERM')).toEqual({
      code: 7,
      signal: null,
      // ours runs first (registered first): the batch goes out before the app's handler runs
      lines: ['ready', 'exported work', 'app handler', 'exporter flushed', 'app exits'],
    });
  });

  it('ends a request still in flight as aborted and exports its span before the signal ends the process', async () => {
    expect(await runApp('in-flight', 'SIGTERM')).toEqual({
      code: null,
      signal: 'SIGTERM',
      lines: [
        'ready',
        'exported work',
        'exported GET (aborted)',
        'exporter flushed',
        'exporter shut down',
      ],
    });
  });

  it('exports on beforeExit when the event loop runs dry, and exits with code 0', async () => {
    expect(await runApp('exit-naturally')).toEqual({
      code: 0,
      signal: null,
      lines: ['exported work', 'exporter flushed', 'exporter shut down'],
    });
  });
});
