// The PyTorch reference of the train benchmark: the same reference CNN (conv1d 16 k7 → max-pool 2 →
// conv1d 32 k7 → global average pool → dense, 3,810 parameters), batch 64, Adam and cross-entropy, on
// one thread, at 1000 and 5000 samples. Runs where python3 has torch (Debian: python3-torch); else it
// says so on stderr and emits nothing.
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import json, statistics, time, torch
torch.set_num_threads(1)
torch.manual_seed(1)
class Ref(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv1d(1, 16, 7, padding=3)
        self.c2 = torch.nn.Conv1d(16, 32, 7, padding=3)
        self.fc = torch.nn.Linear(32, 2)
    def forward(self, x):
        x = torch.nn.functional.max_pool1d(torch.relu(self.c1(x)), 2)
        return self.fc(torch.relu(self.c2(x)).mean(-1))
for length in (1000, 5000):
    model = Ref()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.randn(64, 1, length)
    y = torch.randint(0, 2, (64,))
    times = []
    for i in range(6):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
        times.append(time.perf_counter() - t0)
    print(json.dumps({"bench": "train", "backend": "pytorch", "model": "cnn", "depth": 2, "width": 16,
        "params": sum(p.numel() for p in model.parameters()), "inputLength": length, "batch": 64,
        "threads": 1, "trainSamplesPerSec": round(64 / statistics.median(times[1:]), 1)}))
`;

/** PyTorch's lines, or none (with a note on stderr) where python3 or torch is missing. */
export function benchTrainPytorch(): object[] {
  const r = spawnSync('python3', ['-c', SCRIPT], { encoding: 'utf8', timeout: 300_000 });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`);
    process.stderr.write(`bench train: PyTorch reference skipped (${why})\n`);
    return [];
  }
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as object);
}
