/**
 * `npm run server`: start a room server.
 *
 *   ROOMS_PORT   port to listen on (default 1234)
 *   ROOMS_HOST   address to listen on (default 127.0.0.1; 0.0.0.0 for a team)
 *   ROOMS_DB     SQLite file of the rooms (default data/rooms.sqlite)
 *   REDIS_URL    redis://host:port: share rooms with the other instances on that Redis
 */
import { startRoomServer } from './room-server';

const server = await startRoomServer({
  port: Number(process.env['ROOMS_PORT'] ?? 1234),
  host: process.env['ROOMS_HOST'] ?? '127.0.0.1',
  dbFile: process.env['ROOMS_DB'] ?? 'data/rooms.sqlite',
  redisUrl: process.env['REDIS_URL'],
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
