import { describe, expect, it } from 'vitest';
import {
  decodeWorkspaceArchive,
  encodeWorkspaceArchive,
  itemSizeBytes,
} from '../../src/dataset/workspace-archive.ts';
import type { WorkspaceItem, WorkspaceKind } from '../../src/dataset/workspace-types.ts';
import { crc32 } from '../../src/io/crc32.ts';
import { encodeUtf8 } from '../../src/io/utf8-encode.ts';
import { parseExperimentConfig } from '../../src/train/experiment/config-parse.ts';
import {
  remainingRuns,
  RUN_RECORD_VERSION,
  runProgressText,
  runRecordFromJson,
  runRecordToJson,
  withResult,
  type RunRecord,
} from '../../src/train/experiment/run-record.ts';
import { planRuns, runId, type RunKey, type RunResult } from '../../src/train/experiment/runs.ts';

const CONFIG = parseExperimentConfig({ budgets: [4, 8], seeds: [1, 2], epochs: 2, pretrainEpochs: 2 });

function result(k: RunKey, f1: number): RunResult {
  return {
    ...k,
    classes: ['nsr', 'af'],
    metrics: { f1, auroc: 0.75, auprc: Number.NaN, accuracy: 0.5 },
    ci: {
      f1: { lo: 0.1, hi: 0.9, n: 100 },
      auroc: { lo: Number.NaN, hi: Number.NaN, n: 100 },
      auprc: { lo: Number.NaN, hi: Number.NaN, n: 100 },
      accuracy: { lo: 0.25, hi: 0.75, n: 100 },
    },
    confusion: [
      [3, 1],
      [2, 4],
    ],
    nTrain: 6,
    nValidation: 2,
    nTest: 10,
    nTestPatients: 4,
    drawnPerClass: [4, 4],
    budgetCapped: false,
    validationByPatient: true,
    validationFromTrain: true,
    epochs: 2,
    bestEpoch: 1,
    pretrainEpochs: k.regime === 'pretrain' ? 2 : null,
    paramCount: 1234,
    history: [
      {
        epoch: 1,
        trainLoss: 0.7,
        valLoss: Number.POSITIVE_INFINITY,
        valAccuracy: 0.5,
        samplesPerSec: 900,
        epochMs: 12,
      },
      { epoch: 2, trainLoss: 0.6, valLoss: 0.65, valAccuracy: 0.5, samplesPerSec: 950, epochMs: 11 },
    ],
    trainMs: 30,
    recipeSha256: k.regime === 'pretrain' ? 'a'.repeat(64) : null,
    trainSha256: 'b'.repeat(64),
    testSha256: 'b'.repeat(64),
  };
}

function record(results: RunResult[]): RunRecord {
  return {
    format: 'pqrst-run',
    version: RUN_RECORD_VERSION,
    status: 'running',
    config: CONFIG,
    form: { budgets: '4, 8', seeds: '1, 2', backend: 'webgl' },
    synthetic: { kind: 'recipe', name: 'dataset builder recipe', text: '{"seed":1}' },
    dataset: { name: 'kept: ten records', sha256: 'c'.repeat(64), windows: 120, fsHz: 100 },
    backend: 'webgl',
    results,
    curves: [{ fit: 'pre-train seed 1', log: result(planRuns(CONFIG)[0], 0).history[0], tensorCount: 40 }],
    finished: null,
    startedAt: 1000,
    updatedAt: 2000,
  };
}

/** Through JSON text, as the archive carries it. */
function viaJson(r: RunRecord): RunRecord {
  return runRecordFromJson(JSON.parse(JSON.stringify(runRecordToJson(r))));
}

describe('kept experiment runs', () => {
  it('plans 8 runs and lists the unfinished ones in execution order', () => {
    const plan = planRuns(CONFIG);
    expect(plan).toHaveLength(8);
    const done = [plan[0], plan[1], plan[3]];
    const left = remainingRuns(CONFIG, done);
    expect(left.map(runId)).toEqual([plan[2], ...plan.slice(4)].map(runId));
    expect(remainingRuns(CONFIG, plan)).toEqual([]);
    expect(runProgressText({ config: CONFIG, results: done.map((k) => result(k, 0.5)) })).toBe(
      '3 of 8 runs finished',
    );
  });

  it('replaces a result of the same run instead of adding a second', () => {
    const [a, b] = planRuns(CONFIG);
    const rs = withResult(withResult([result(a, 0.1)], result(b, 0.2)), result(a, 0.3));
    expect(rs.map((r) => [runId(r), r.metrics.f1])).toEqual([
      [runId(b), 0.2],
      [runId(a), 0.3],
    ]);
  });

  it('round-trips through JSON with NaN and infinite numbers intact', () => {
    const plan = planRuns(CONFIG);
    const r = record([result(plan[0], 0.8), result(plan[1], Number.NaN)]);
    const back = viaJson(r);
    expect(back).toEqual(r);
    expect(back.results[1].metrics.f1).toBeNaN();
    expect(back.results[0].metrics.auprc).toBeNaN();
    expect(back.results[0].ci!.auroc.lo).toBeNaN();
    expect(back.results[0].history[0].valLoss).toBe(Number.POSITIVE_INFINITY);
    expect(JSON.stringify(runRecordToJson(r))).not.toContain('null,"auprc"');
    // What is left after the round trip is the same as before it.
    expect(remainingRuns(back.config, back.results).map(runId)).toEqual(plan.slice(2).map(runId));
  });

  it('refuses a damaged record, naming the field', () => {
    const good = runRecordToJson(record([result(planRuns(CONFIG)[0], 0.5)])) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>) => () => runRecordFromJson({ ...good, ...patch });
    expect(bad({ format: 'other' })).toThrow(/format: must be "pqrst-run"/);
    expect(bad({ version: RUN_RECORD_VERSION + 1 })).toThrow(
      /newer studio \(version 2; this one reads up to 1\)/,
    );
    expect(bad({ status: 'sleeping' })).toThrow(/status: must be one of running, paused, cancelled, done/);
    expect(bad({ config: { ...CONFIG, epochs: 0 } })).toThrow(/run record config: .*epochs/);
    expect(bad({ dataset: { name: 'x', sha256: 'xyz', windows: 1, fsHz: 100 } })).toThrow(/dataset.sha256/);
    const results = good.results as Record<string, unknown>[];
    expect(bad({ results: [{ ...results[0], metrics: { f1: 'high' } }] })).toThrow(
      /results\[0\]\.metrics\.f1: must be a number/,
    );
  });
});

function item(id: string, kind: WorkspaceKind, data: unknown, bytes: Uint8Array | null): WorkspaceItem {
  const sizeBytes = itemSizeBytes(data, bytes);
  return { meta: { id, kind, name: id, sizeBytes, createdAt: 1, updatedAt: 2 }, data, bytes };
}

function modelItem(): WorkspaceItem {
  const weights = new Uint8Array(new Float32Array([0.25, -0.5, 1, 2]).buffer);
  const data = {
    format: 'pqrst-model-item',
    modelPath: 'e2e-model',
    dateSaved: '2026-11-26T01:00:00.000Z',
    artifacts: {
      modelTopology: { class_name: 'Model' },
      weightSpecs: [{ name: 'w', shape: [4], dtype: 'float32' }],
    },
  };
  return item('model-1', 'model', data, weights);
}

/** A version-1 archive, as the studio wrote it before models and runs (no dataVersion). */
function archiveV1(items: WorkspaceItem[]): Uint8Array {
  const manifest = {
    format: 'pqrst-workspace',
    version: 1,
    createdAt: 5,
    items: items.map((it) => ({
      meta: it.meta,
      data: it.data,
      byteLength: it.bytes === null ? -1 : it.bytes.byteLength,
      crc32: it.bytes === null ? 0 : crc32(it.bytes),
    })),
  };
  const json = encodeUtf8(JSON.stringify(manifest));
  const binary = items.reduce((n, it) => n + (it.bytes?.byteLength ?? 0), 0);
  const out = new Uint8Array(16 + json.length + binary);
  out.set(encodeUtf8('PQRSTWS1'));
  new DataView(out.buffer).setUint32(8, 1, true);
  new DataView(out.buffer).setUint32(12, json.length, true);
  out.set(json, 16);
  let at = 16 + json.length;
  for (const it of items) {
    if (it.bytes === null) continue;
    out.set(it.bytes, at);
    at += it.bytes.byteLength;
  }
  return out;
}

function refusal(bytes: Uint8Array): string {
  try {
    decodeWorkspaceArchive(bytes, 'w.pqrstws');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('workspace archive version 2: models and runs', () => {
  it('carries a model (weights) and a run (NaN metrics) byte for byte', () => {
    const plan = planRuns(CONFIG);
    const run = item('run-1', 'run', runRecordToJson(record([result(plan[0], Number.NaN)])), null);
    const bytes = encodeWorkspaceArchive([modelItem(), run], 9);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(2);
    const [m, r] = decodeWorkspaceArchive(bytes, 'w.pqrstws');
    expect(Array.from(m.bytes!)).toEqual(Array.from(modelItem().bytes!));
    expect(m.data).toEqual(modelItem().data);
    expect(runRecordFromJson(r.data).results[0].metrics.f1).toBeNaN();
  });

  it('imports a version-1 archive (presets and imports) unchanged', () => {
    const signals = new Uint8Array(new Float32Array([0.5, -1.25, Math.PI]).buffer);
    const items = [
      item('preset:a', 'preset', { format: 'pqrst-preset', params: { heartRateBpm: 72 } }, null),
      item('import-1', 'import', { labelsCsv: 'row\n0', windows: 1 }, signals),
    ];
    const back = decodeWorkspaceArchive(archiveV1(items), 'old.pqrstws');
    expect(back.map((it) => it.meta)).toEqual(items.map((it) => it.meta));
    expect(back.map((it) => it.data)).toEqual(items.map((it) => it.data));
    expect(Array.from(back[1].bytes!)).toEqual(Array.from(signals));
  });

  it('refuses a future format, a newer item version, a damaged run and a model without weights', () => {
    const future = encodeWorkspaceArchive([modelItem()], 1);
    new DataView(future.buffer).setUint32(8, 3, true);
    expect(refusal(future)).toMatch(/newer studio \(format version 3; this one reads up to 2\)/);

    const newer = archiveV1([]);
    const text = JSON.stringify({
      format: 'pqrst-workspace',
      version: 2,
      createdAt: 1,
      items: [
        {
          meta: item('r', 'recipe', {}, null).meta,
          data: { recipe: {} },
          byteLength: -1,
          crc32: 0,
          dataVersion: 7,
        },
      ],
    });
    const json = encodeUtf8(text);
    const v2 = new Uint8Array(16 + json.length);
    v2.set(newer.subarray(0, 8));
    new DataView(v2.buffer).setUint32(8, 2, true);
    new DataView(v2.buffer).setUint32(12, json.length, true);
    v2.set(json, 16);
    expect(refusal(v2)).toMatch(
      /items\[0\] \(recipe 'r'\): a recipe from a newer studio \(recipe version 7; this one reads up to 1\)/,
    );

    const badRun = item('run-x', 'run', { format: 'pqrst-run', version: 1, status: 'done' }, null);
    expect(refusal(encodeWorkspaceArchive([badRun], 1))).toMatch(
      /items\[0\] \(run 'run-x'\)\.data: run record config/,
    );

    const noWeights = { ...modelItem(), bytes: null };
    expect(refusal(encodeWorkspaceArchive([noWeights], 1))).toMatch(/a model needs its weights/);
  });
});
