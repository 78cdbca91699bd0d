// Types for apps/shared/exercise.cjs, which the runner copies next to this file.
export function exercise(baseUrl: string): Promise<unknown>;
export function report(
  responses: unknown,
  exporter: { getFinishedSpans(): unknown[] },
): Promise<void>;
