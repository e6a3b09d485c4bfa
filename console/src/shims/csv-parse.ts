/**
 * `csv-parse` for the browser bundle (vite.config.ts aliases the bare import here; the engine in
 * server/validation/src is type-checked against the real package). The engine drives the parser
 * as a Node stream: `write(Uint8Array)`, `on('data')` read synchronously with `info.lines`,
 * `end()`, `destroy()`, `writableEnded`. csv-parse's browser build wraps the same parser core in an
 * old stream polyfill that refuses a plain Uint8Array ("Invalid non-string/buffer chunk"), has no
 * `destroy()` nor `writableEnded`, and delivers the first records late (on a setTimeout), so
 * `info.lines` would be read at the wrong moment. This class drives the parser core directly,
 * synchronously, as Node's Transform does.
 */
import { CsvError, Parser, type Info, type Options } from 'csv-parse/browser/esm';

export { CsvError };
export type { Info, Options };

/** csv-parse's core (`api/index.js`): what its own Transform calls from `_transform` and `_flush`. */
interface ParserCore {
  state: { stop: boolean };
  parse(
    buffer: Uint8Array | undefined,
    end: boolean,
    push: (record: unknown) => void,
    close: () => void,
  ): CsvError | undefined;
}

/** The polyfill's Buffer class: csv-parse's core works on those, not on plain Uint8Arrays. */
interface BufferClass {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
}

type Listener = (...args: never[]) => void;

export class BrowserCsvParser {
  readonly info: Info;
  writableEnded = false;
  private readonly core: ParserCore;
  private readonly bufferClass: BufferClass;
  private stopped = false;
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  constructor(options: Options) {
    const parser = new Parser(options);
    // Parser keeps its core as `api` (csv-parse 5–7); the typings leave it out.
    this.core = (parser as unknown as { api: ParserCore }).api;
    this.info = parser.info;
    // The normalised delimiter is one of the bundle's Buffers: its class wraps bytes without a copy.
    const delimiter = (parser.options as unknown as { delimiter: Uint8Array[] }).delimiter[0];
    this.bufferClass = delimiter!.constructor as unknown as BufferClass;
  }

  on(event: string, listener: Listener): this {
    return this.add(event, listener, false);
  }

  once(event: string, listener: Listener): this {
    return this.add(event, listener, true);
  }

  private add(event: string, listener: Listener, once: boolean): this {
    const list = this.listeners.get(event) ?? [];
    list.push({ listener, once });
    this.listeners.set(event, list);
    return this;
  }

  private emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event);
    if (!list) return;
    this.listeners.set(event, list.filter((entry) => !entry.once));
    // Listeners take what the engine registered them for (records, errors); typed at the call site.
    for (const { listener } of list) (listener as (...values: unknown[]) => void)(...args);
  }

  private readonly push = (record: unknown): void => this.emit('data', record);

  private readonly close = (): void => {
    this.stopped = true;
    this.emit('end');
  };

  write(chunk: Uint8Array | string): boolean {
    if (this.stopped || this.writableEnded || this.core.state.stop) return false;
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    const error = this.core.parse(this.bufferClass.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), false, this.push, this.close);
    if (error !== undefined) this.fail(error);
    return true;
  }

  end(): this {
    if (this.writableEnded) return this;
    this.writableEnded = true;
    if (!this.stopped && !this.core.state.stop) {
      const error = this.core.parse(undefined, true, this.push, () => undefined);
      if (error !== undefined) {
        this.fail(error);
        return this;
      }
    }
    this.stopped = true;
    this.emit('end');
    return this;
  }

  destroy(): this {
    this.stopped = true;
    this.core.state.stop = true;
    this.emit('close');
    return this;
  }

  private fail(error: CsvError): void {
    this.stopped = true;
    this.core.state.stop = true;
    this.emit('error', error);
  }
}

export function parse(options: Options = {}): BrowserCsvParser {
  return new BrowserCsvParser(options);
}
