import type { StreamedDocument } from './streamed-document.js';

/** One timed run over a prepared document: resolves to the final value it read. */
export type DocumentRun = () => unknown;

/**
 * A Rivulet contender of the wide cases. `prepare` does the work that is not
 * measured (building a chain, serving the response a client then reads) and
 * returns the run that is.
 */
export interface StructuredContender {
  /** The name in results and tables. */
  readonly name: string;
  prepare(document: StreamedDocument): Promise<DocumentRun>;
}
