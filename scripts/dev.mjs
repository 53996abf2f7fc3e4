// `npm run dev`: the studio (Vite) and the room server for live rooms, in one command.
// The studio works without the room server; if the server cannot start (its port is taken),
// the studio keeps running and says so.
import { spawn } from 'node:child_process';

const children = [];
function start(name, args) {
  const child = spawn('npx', args, { stdio: 'inherit', env: process.env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (name === 'studio') stop(code ?? 1);
    else
      console.error(
        `\nThe room server stopped (${signal ?? `exit ${code}`}); the studio runs on, without live rooms.`,
      );
  });
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('rooms', ['node', '--import', 'tsx', 'server/main.ts']);
start('studio', ['vite', ...process.argv.slice(2)]);
