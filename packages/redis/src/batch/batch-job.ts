/** The data of the BullMQ job that runs one input of a batch. */
export interface BatchJobData<I> {
  readonly batch: string;
  readonly index: number;
  readonly input: I;
}
