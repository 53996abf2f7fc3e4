/**
 * A Redis of a test's own, for the room server's tests (server/*.test.ts) and the e2e specs
 * (e2e/pages/rooms.ts): nothing saved, bound to 127.0.0.1, on the port given.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** Whether redis-server is installed here (.ci/run installs it). */
export function redisAvailable(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** Start a Redis on `port` and resolve once it answers PING (or throw after 10 s). */
export async function startTestRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const end = Date.now() + 10_000;
  while (
    spawnSync('redis-cli', ['-p', String(port), 'ping'])
      .stdout?.toString()
      .trim() !== 'PONG'
  ) {
    if (Date.now() > end) {
      redis.kill('SIGTERM');
      throw new Error(`Redis did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return redis;
}
