export { startRedisServer, type RedisServer, type StartRedisServerOptions } from './start-redis-server.js';
export { findRedisServer, DEFAULT_REDIS_SERVER_PATH } from './redis-server-path.js';
