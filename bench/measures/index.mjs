// Every measure of `cargo xtask bench`, in the order they run. A measure is a module with
//   id:                  its key in bench.json's `results`
//   run(ctx):            measures; returns { <app id>: …, … } (JSON), ctx as bench.mjs builds it
//   report(result, ctx): { summary, targets, compare, sections }: rows of the earlier targets table,
//                        rows of issue 15's targets table (lib/report.mjs targetRow, optional),
//                        rows of the side-by-side table (compareRow), and tables of its own
// To add one, write the module and list it here.
import download from './download.mjs';
import coldStart from './cold-start.mjs';
import memory from './memory.mjs';
import keystrokes from './keystrokes.mjs';
import eventTiming from './event-timing.mjs';
import growth from './tag-growth.mjs';
import server from './server.mjs';
import importRows from './import.mjs';
import navigation from './navigation.mjs';

export const MEASURES = [download, coldStart, memory, keystrokes, eventTiming, growth, server, importRows, navigation];
