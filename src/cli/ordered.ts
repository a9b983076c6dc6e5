/**
 * Maps an async stream through an async function with up to `window` calls in flight, handing
 * results to `sink` in input order. Memory is bounded by the window; a slow sink (stdout
 * back-pressure) stops the reading, because the source is pulled only when a slot frees.
 */
export async function mapOrdered<In, Out>(
  source: AsyncIterable<In>,
  window: number,
  map: (item: In) => Promise<Out>,
  sink: (result: Out) => Promise<void>,
): Promise<void> {
  const inFlight: Promise<Out>[] = [];
  for await (const item of source) {
    inFlight.push(map(item));
    while (inFlight.length >= window) {
      const oldest = inFlight.shift();
      if (oldest !== undefined) await sink(await oldest);
    }
  }
  for (const pending of inFlight) await sink(await pending);
}
