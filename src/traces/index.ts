// The trace importers and their analysis, for the CLI and the page (pure TypeScript, no Node).
export { agreementOf, type RequestAgreement } from './agreement';
export { importTrace } from './import-trace';
export type * from './model';
export { emptyModel } from './model';
export { findStalls, STALL_MS, type Stall, type Waiter } from './stalls';
export { stallTable } from './stall-table';
export { summarise, type TraceSummary } from './summary';
export { stepsOfRuns, toScenario, type ScenarioDocument, type ScenarioStep } from './to-scenario';
export { whatIf, type StepFilter, type StretchChange } from './what-if';
