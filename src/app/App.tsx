/** The studio page: header with preset and seed controls, messages, status, panel and plots. */
import { DatasetPanel } from '../ui/dataset/DatasetPanel.tsx';
import { FitPanel } from '../ui/fit/FitPanel.tsx';
import { ImportPanel } from '../ui/import/ImportPanel.tsx';
import { MessageArea } from '../ui/MessageArea.tsx';
import { ParamPanel } from '../ui/ParamPanel.tsx';
import { BeatPlot } from '../ui/plots/BeatPlot.tsx';
import { StripPlot } from '../ui/plots/StripPlot.tsx';
import { PresetBar } from '../ui/PresetBar.tsx';
import { RealismPanel } from '../ui/realism/RealismPanel.tsx';
import { SeedBox } from '../ui/SeedBox.tsx';
import { StatusLine } from '../ui/StatusLine.tsx';
import { TrainPanel } from '../ui/train/TrainPanel.tsx';
import { VarietyPanel } from '../ui/variety/VarietyPanel.tsx';
import { WorkspacePanel } from '../ui/workspace/WorkspacePanel.tsx';

/** The whole page. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="title">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <h1>PQRST Studio</h1>
          <span className="subtitle">Gaussian-composition lead II synthesizer</span>
        </div>
        <div className="toolbar">
          <PresetBar />
          <SeedBox />
        </div>
      </header>
      <MessageArea />
      <StatusLine />
      <main className="workspace">
        <ParamPanel />
        <div className="plots">
          <StripPlot />
          <BeatPlot />
          <VarietyPanel />
        </div>
      </main>
      <DatasetPanel />
      <ImportPanel />
      <FitPanel />
      <RealismPanel />
      <WorkspacePanel />
      <TrainPanel />
    </div>
  );
}
