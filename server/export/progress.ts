/**
 * How an export reports how far it is: a percentage and the step it is on. Steps are message
 * keys, so the progress bar names them in the reader's language.
 */
export type ExportStep = "exports.step.preparing" | "exports.step.chapters" | "exports.step.assembling" | "exports.step.checking";

export type ExportProgress = (percent: number, step: ExportStep) => void;
