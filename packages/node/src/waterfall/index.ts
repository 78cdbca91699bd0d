// Placeholder so the package builds; the waterfall exporter lands here.
export class WaterfallSpanExporter {}
