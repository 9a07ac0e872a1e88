// k6's CSV output read live through a named pipe: k6 writes `--out csv=<fifo>`, this process
// aggregates each line into the run's time series (series.ts) as it comes. Nothing of the raw
// output reaches the disk, so a stress run at thousands of requests per second does not fill
// it, and the runner can print progress from the same counts while k6 runs.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SeriesAggregator, type LoadSeries } from './series.ts';

export interface SeriesPipe {
  /** What to give k6: `--out csv=<path>`. */
  path: string;
  aggregator: SeriesAggregator;
  /** After k6 exited: the series (every line read), and the pipe removed. */
  finish(): Promise<LoadSeries>;
}

/** A named pipe k6 can write its CSV output to; undefined where the platform has none (Windows): the run then has no time series. */
export function openSeriesPipe(bucketSeconds: number): SeriesPipe | undefined {
  if (process.platform === 'win32') return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'k6-series-'));
  const fifo = path.join(dir, 'metrics.csv');
  if (spawnSync('mkfifo', ['-m', '600', fifo]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  // Non-blocking read end for the event loop, and a write end of our own held open, so the
  // reader sees no end of file before k6 opens the pipe, nor if k6 never does (a start-up error).
  const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const holdFd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  const socket = new Socket({ fd: readFd, readable: true, writable: false });
  const aggregator = new SeriesAggregator(bucketSeconds);
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  lines.on('line', (line) => aggregator.line(line));
  const ended = new Promise<void>((resolve) => { lines.once('close', resolve); socket.once('error', () => resolve()); });
  return {
    path: fifo,
    aggregator,
    async finish() {
      closeSync(holdFd); // k6 has exited: with the last writer gone, the reader drains and ends
      await ended;
      socket.destroy();
      rmSync(dir, { recursive: true, force: true });
      return aggregator.finish();
    },
  };
}
