import type { Writable } from 'node:stream';

/** Raised when the reader of our output went away (`| head`): the run stops quietly. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
}

/**
 * Writes to a stream and waits when its buffer is full, so a slow consumer (a pipe, a Hadoop
 * reducer) holds back reading instead of letting output pile up in memory.
 */
export function createWriter(stream: Writable): (text: string) => Promise<void> {
  let broken: Error | null = null;
  stream.on('error', (error) => {
    broken = error;
  });
  return (text) =>
    new Promise<void>((resolve, reject) => {
      if (broken !== null) {
        reject(new OutputClosedError(broken.message));
        return;
      }
      const flushed = stream.write(text);
      if (flushed) {
        resolve();
        return;
      }
      const onDrain = (): void => {
        stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        stream.off('drain', onDrain);
        reject(new OutputClosedError(error.message));
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
}
