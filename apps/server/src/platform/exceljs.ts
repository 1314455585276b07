import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

/**
 * ExcelJS, loaded with one fix. Its streaming reader turns each compressed chunk into text on its
 * own, so a Chinese character whose bytes straddle two chunks becomes "��" (exceljs issues 2063,
 * 2084, 2316: about one cell in 2,000 of a large import). This installs a SAX driver that decodes
 * across chunks before ExcelJS loads, so import every ExcelJS from here, never from 'exceljs'.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const fromExcelJs = createRequire(parseSaxPath);
const { SaxesParser } = fromExcelJs('saxes') as {
  SaxesParser: new () => {
    on(event: string, listener: (value: unknown) => void): void;
    write(text: string): void;
  };
};
const { PassThrough } = fromExcelJs('readable-stream') as {
  PassThrough: new () => NodeJS.ReadWriteStream;
};

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSaxAcrossChunks(
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
) {
  let iterable = input as AsyncIterable<Buffer | string>;
  const legacy = input as { pipe?: NodeJS.ReadableStream['pipe'] };
  if (legacy.pipe && !(Symbol.asyncIterator in input)) {
    iterable = legacy.pipe(new PassThrough()) as unknown as AsyncIterable<Buffer | string>;
  }
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));

  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[require.resolve('exceljs')]) {
  require.cache[parseSaxPath] = {
    id: parseSaxPath,
    filename: parseSaxPath,
    loaded: true,
    exports: parseSaxAcrossChunks,
  } as unknown as NodeJS.Module;
}

const ExcelJS = require('exceljs') as typeof import('exceljs');

export default ExcelJS;
export type { CellValue } from 'exceljs';
