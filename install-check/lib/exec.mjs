import { spawn } from 'node:child_process';

/**
 * Runs a command and resolves with its output; rejects, with the output, on a non-zero exit or
 * after `timeoutMs`. No shell: arguments are passed as they are.
 */
export function exec(command, args, { cwd, env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const why =
        signal === null ? `exit code ${code}` : `signal ${signal} (timeout ${timeoutMs} ms?)`;
      const error = new Error(`${command} ${args.join(' ')} (in ${cwd ?? '.'}): ${why}`);
      error.output = `${stdout}\n${stderr}`.trim();
      reject(error);
    });
  });
}

/** pnpm at the version the workspace pins (package.json `packageManager`), through npx. */
export function pnpmCommand(version) {
  return (args, options) => exec('npx', ['--yes', `pnpm@${version}`, ...args], options);
}
