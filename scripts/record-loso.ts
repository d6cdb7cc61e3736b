// Records a leave-one-speaker-out run after the fact: one JSON object as scripts/loso-audio.ts prints
// it (the run made without --record, e.g. to look at it first) goes into the record exactly as
// `loso-audio --record` would have put it — same replace rule, same refusals (src/core/loso-record.ts),
// dated with the day of recording unless --date names the day of the run.
//
//   npx tsx scripts/record-loso.ts --result RUN.json --record public/models/avmnist-audio/leave-one-speaker-out.json [--date YYYY-MM-DD]

import { readFileSync, writeFileSync } from 'node:fs';
import { ArgError, defineFlags, isMainModule, parseFlags, runCli, type CliIo } from './cli-args';
import { parseSpeakerHeldOut } from '../src/core/speaker-held-out';
import { unrecordableReason, withRun, type PrintedRun } from '../src/core/loso-record';

const FLAGS = defineFlags({
  result: { type: 'string', required: true, value: 'RUN.json' },
  record: { type: 'string', required: true, value: 'FILE' },
  date: { type: 'string', value: 'YYYY-MM-DD' },
});

const readJson = (file: string, what: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ArgError(`cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON (${what})`);
  }
};

/** The record with the run added; throws with the reason when the run is not a recordable loso-audio result. */
export function recordRun(recordJson: unknown, runJson: unknown, date: string, runFile = 'the run'): ReturnType<typeof withRun> {
  const record = parseSpeakerHeldOut(recordJson);
  parseSpeakerHeldOut({ script: record.script, protocol: record.protocol, results: [runJson] }, runFile);
  const run = runJson as PrintedRun;
  if (typeof run.warmupEpochs !== 'number' || typeof run.epochs !== 'number') throw new Error(`${runFile}: no training length (warmupEpochs, epochs)`);
  if (!/^npx tsx scripts\/loso-audio\.ts /.test(run.command)) throw new Error(`${runFile}: its command is not a loso-audio run`);
  const reason = unrecordableReason(run);
  if (reason) throw new Error(`${runFile}: ${reason}`);
  return withRun(record, run, date);
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const { values: a } = parseFlags(argv, FLAGS);
  const date = a.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ArgError(`--date must be YYYY-MM-DD, got "${date}"`);
  const updated = recordRun(readJson(a.record, 'the record'), readJson(a.result, 'the run'), date, a.result);
  writeFileSync(a.record, JSON.stringify(updated, null, 2) + '\n');
  io.stdout(`${a.record}: ${updated.results.length} rows\n`);
  return 0;
}

if (isMainModule(import.meta.url)) runCli('record-loso', main, { usage: 'npx tsx scripts/record-loso.ts --result RUN.json --record FILE [--date YYYY-MM-DD]' });
