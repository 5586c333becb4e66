import { aiSdkParsePartialJson } from './ai-sdk-parse-partial-json.js';
import { langchainJsonOutputParser } from './langchain-json-output-parser.js';
import type { ParseContender } from './parse-contender.js';
import { partialJsonLibrary } from './partial-json-library.js';
import { rivuletEngine } from './rivulet-engine.js';
import { rivuletJsonParser } from './rivulet-json-parser.js';
import { streamparserJson } from './streamparser-json.js';

/** Rivulet's main parse contender: the engine, `PartialJsonParser`. */
export const rivuletParser: ParseContender = rivuletEngine;

/** The parser runnables, measured beside the engine. */
export const rivuletVariants: readonly ParseContender[] = [rivuletJsonParser('snapshot'), rivuletJsonParser('patch')];

/** Every peer, re-parsing and incremental. */
export const parsePeers: readonly ParseContender[] = [langchainJsonOutputParser, aiSdkParsePartialJson, partialJsonLibrary, streamparserJson];

/** Names of the peers that re-parse the accumulated text on every chunk. */
export const reparsingPeerNames: readonly string[] = parsePeers.filter((peer) => peer.kind === 'reparse').map((peer) => peer.name);
