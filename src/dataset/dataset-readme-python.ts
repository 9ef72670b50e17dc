/**
 * The "Load with Python" part of a synthetic dataset's README: numpy, wfdb and a PyTorch `Dataset`
 * for the dataset's format, each runnable as written from inside the dataset folder.
 */
import type { SyntheticRecipe } from './recipe.ts';

function indent(lines: string[]): string[] {
  return lines.map((l) => (l === '' ? '' : '    ' + l));
}

function numpyLines(recipe: SyntheticRecipe, example: string): string[] {
  const labels = [
    'with open("labels.csv", newline="") as f:',
    '    labels = list(csv.DictReader(f))          # one dict per record, in row order',
    `classes = ${JSON.stringify(recipe.classes.filter((c) => c.count > 0).map((c) => c.className))}`,
    'y = np.array([classes.index(r["class"]) for r in labels])',
  ];
  if (recipe.output === 'npy') {
    return [
      'import csv',
      'import numpy as np',
      '',
      'x = np.load("signals.npy", mmap_mode="r")    # float32 [records, samples], mV',
      ...labels,
      'print(x.shape, x.dtype, len(labels), np.bincount(y))',
    ];
  }
  if (recipe.output === 'wfdb') {
    return [
      'import csv',
      'import numpy as np',
      'import wfdb                                   # pip install wfdb',
      '',
      ...labels,
      'x = np.stack([wfdb.rdrecord("wfdb/" + r["record"]).p_signal[:, 0] for r in labels]).astype(np.float32)',
      'print(x.shape, x.dtype, len(labels), np.bincount(y))',
    ];
  }
  return [
    'import csv',
    'import numpy as np',
    '',
    ...labels,
    `t, v = np.loadtxt("csv/${example}.csv", delimiter=",", skiprows=1, unpack=True)  # time_s, ii_mv`,
    'print(t.shape, v.dtype, len(labels), np.bincount(y))',
  ];
}

function signalLine(recipe: SyntheticRecipe): string[] {
  if (recipe.output === 'npy')
    return ['x = np.array(self.x[k], dtype=np.float32)  # a copy: the memmap is read-only'];
  if (recipe.output === 'wfdb') {
    return ['x = wfdb.rdrecord(f"{self.root}/wfdb/{name}").p_signal[:, 0].astype(np.float32)'];
  }
  return [
    'x = np.loadtxt(f"{self.root}/csv/{name}.csv", delimiter=",", skiprows=1, usecols=1, dtype=np.float32)',
  ];
}

function torchLines(recipe: SyntheticRecipe): string[] {
  const classes = JSON.stringify(recipe.classes.filter((c) => c.count > 0).map((c) => c.className));
  return [
    'import csv',
    'import numpy as np',
    'import torch',
    ...(recipe.output === 'wfdb' ? ['import wfdb'] : []),
    '',
    'class SyntheticEcg(torch.utils.data.Dataset):',
    '    """(signal [1, samples] float32 mV, class index) per record of one split (None: all)."""',
    '',
    `    classes = ${classes}`,
    '',
    '    def __init__(self, root=".", split=None):',
    '        self.root = root',
    ...(recipe.output === 'npy' ? ['        self.x = np.load(f"{root}/signals.npy", mmap_mode="r")'] : []),
    '        with open(f"{root}/labels.csv", newline="") as f:',
    '            rows = list(csv.DictReader(f))',
    '        # k: position in this folder (its signals.npy row), even in a shard.',
    '        self.items = [(k, r["record"], self.classes.index(r["class"]))',
    '                      for k, r in enumerate(rows) if split is None or r["split"] == split]',
    '',
    '    def __len__(self):',
    '        return len(self.items)',
    '',
    '    def __getitem__(self, i):',
    '        k, name, label = self.items[i]',
    ...signalLine(recipe).map((l) => '        ' + l),
    '        return torch.from_numpy(x).unsqueeze(0), label',
    '',
    `loader = torch.utils.data.DataLoader(SyntheticEcg(split=${recipe.split ? '"train"' : 'None'}), batch_size=64, shuffle=True)`,
  ];
}

/** The README lines of the Python section, for the recipe's format; `example` is a record name. */
export function pythonSnippets(recipe: SyntheticRecipe, example: string): string[] {
  const lines = [
    'Load with Python',
    '----------------',
    'Run from inside this folder.',
    '',
    'numpy:',
    ...indent(numpyLines(recipe, example)),
    '',
  ];
  if (recipe.output === 'wfdb') {
    lines.push(
      'wfdb (one record with its annotations):',
      ...indent([
        'import wfdb',
        '',
        `rec = wfdb.rdrecord("wfdb/${example}")     # rec.p_signal[:, 0]: lead II in mV; rec.fs`,
        `ann = wfdb.rdann("wfdb/${example}", "atr")  # ann.sample, ann.symbol (N, V), ann.aux_note ("(N", ...)`,
        `fid = wfdb.rdann("wfdb/${example}", "fid")  # wave onsets "(", offsets ")", peaks p/N/t; num: 0 P, 1 QRS, 2 T`,
      ]),
      '',
    );
  }
  lines.push('PyTorch:', ...indent(torchLines(recipe)), '');
  return lines;
}
