// The servers of `npm run bench` (scripts/bench-compare.mjs): free ports in 5190..5199, each server
// spawned in its own process group (so stopping it also stops the node process npx starts), polled
// until it answers, and stopped by group at the end. A server that exits or does not answer in time
// fails with its own output.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Ports the bench may use; the dev server (5173) and the e2e servers (5180, 5280, 5380, 5480) stay clear. */
const PORT_RANGE = [5190, 5199];

function isFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first `count` free ports of PORT_RANGE, lowest first (so the same ports on a quiet machine). */
export async function pickPorts(count) {
  const ports = [];
  for (let port = PORT_RANGE[0]; port <= PORT_RANGE[1] && ports.length < count; port++) {
    if (await isFree(port)) ports.push(port);
  }
  if (ports.length < count) {
    throw new Error(
      `Needs ${count} free ports in ${PORT_RANGE.join('..')}, found ${ports.length} (${ports.join(', ') || 'none'}): stop what listens there.`,
    );
  }
  return ports;
}

const started = [];

/**
 * Starts `command args` and resolves once `readyUrl` answers with a status below 500 (the fake
 * upstream answers an unauthenticated GET with 401, which means it is up).
 */
export async function startServer({ name, command, args, env, readyUrl, timeoutMs = 90_000 }) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const server = { name, child, log: '', readyUrl };
  child.stdout.on('data', (d) => (server.log += d));
  child.stderr.on('data', (d) => (server.log += d));
  started.push(server);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${name} exited early (${child.exitCode ?? child.signalCode}):\n${server.log}`,
      );
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) return server;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer on ${readyUrl} within ${timeoutMs} ms:\n${server.log}`);
}

/** Stops every server started here (SIGTERM to its process group, SIGKILL after 5 s). */
export async function stopServers() {
  await Promise.all(
    started.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // Already gone.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** The output of every server still known, for a failure report. */
export function serverLogs() {
  return started.map((s) => `--- ${s.name} (${s.readyUrl})\n${s.log.trim()}`).join('\n');
}
