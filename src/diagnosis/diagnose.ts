import { decide } from './decide';
import { toPlainText } from './plain-text';
import { recognize } from './recognize';
import type { Decision, Recognition, Route, StepId } from './types';

/** The batch interface's result for one message; its shape is how accuracy is measured: keep it stable. */
export interface DiagnoseResult {
  id: string;
  step: Route;
  statusCode: string | null;
  objectCode: string | null;
  candidates: StepId[];
  confidence: number;
}

export interface Diagnosis {
  recognition: Recognition;
  decision: Decision;
}

/** Recognise and decide for one message, as the chat would before it answers or asks. */
export function diagnose(text: string): Diagnosis {
  const recognition = recognize(toPlainText(text));
  return { recognition, decision: decide(recognition) };
}

export function toResult(id: string, { decision }: Diagnosis): DiagnoseResult {
  return {
    id,
    step: decision.route,
    statusCode: decision.statusCode,
    objectCode: decision.objectCode,
    candidates: decision.candidates.map((c) => c.step),
    confidence: decision.confidence,
  };
}
