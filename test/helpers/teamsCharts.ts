// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/**
 * Teams' Adaptive Card chart elements (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards)
 * are an extension the official parser does not know. They are registered here with the shape Teams
 * documents (and the Agents Playground renders): `data` is a non-empty list of series, each with a legend
 * and points {x: text or number, y: number}; at most 4 series for grouped bars. Opari's own rule on top:
 * every chart has a fallback, so a client without charts still shows the figures.
 */
type Raw = { data?: unknown; fallback?: unknown; yMin?: unknown; yMax?: unknown };

function chartClass(typeName: string, maxSeries: number) {
  return class extends AC.CardElement {
    raw: Raw = {};
    getJsonTypeName(): string {
      return typeName;
    }
    internalParse(source: Raw, context: unknown): void {
      super.internalParse(source, context);
      this.raw = source;
    }
    internalValidateProperties(context: { addFailure(o: unknown, e: unknown, m: string): void }): void {
      super.internalValidateProperties(context);
      const fail = (m: string) => context.addFailure(this, AC.ValidationEvent.InvalidPropertyValue, `${typeName}: ${m}`);
      const data = this.raw.data;
      if (!Array.isArray(data) || data.length === 0) return fail('data must be a non-empty list of series');
      if (data.length > maxSeries) fail(`at most ${maxSeries} series`);
      for (const s of data as { legend?: unknown; values?: unknown }[]) {
        if (typeof s.legend !== 'string' || !s.legend) fail('every series needs a legend');
        if (!Array.isArray(s.values) || s.values.length === 0) fail('every series needs values');
        for (const p of (s.values as { x?: unknown; y?: unknown }[]) ?? []) {
          if (!(typeof p.x === 'string' || typeof p.x === 'number') || typeof p.y !== 'number' || !Number.isFinite(p.y)) fail('a point is {x: text or number, y: number}');
        }
      }
      for (const k of ['yMin', 'yMax'] as const) if (this.raw[k] !== undefined && typeof this.raw[k] !== 'number') fail(`${k} must be a number`);
      if (!this.raw.fallback) fail('a chart needs a fallback for clients without charts');
    }
    internalRender(): undefined {
      return undefined;
    }
  };
}

for (const [name, max] of [
  ['Chart.VerticalBar.Grouped', 4],
  ['Chart.Line', 10],
] as const)
  AC.GlobalRegistry.elements.register(name, chartClass(name, max), AC.Versions.v1_5);
