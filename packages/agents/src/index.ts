// the multi-step tool loop
export * from './agent/index.js';
// Model Context Protocol servers' tools as Rivulet tools
export * from './mcp/index.js';
