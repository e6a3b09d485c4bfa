/**
 * The load generator of the overview benchmark, in a process of its own (forked by overviews.ts),
 * so that its CPU is not spent on the server's event loop: on 2 cores autocannon in the server's
 * process took a large share of every request's time. Receives one job over IPC, answers with the
 * figures: closed-loop connections for the given seconds, latencies taken from every response
 * (autocannon's histogram has no p95).
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  token: string;
  body: string;
  connections: number;
  seconds: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function run(job: LoadJob): Promise<LoadFigures> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        connections: job.connections,
        duration: job.seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
        body: job.body,
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    throughput: round(result.requests.total / job.seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
  };
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (figures) => process.send?.(figures, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
});
