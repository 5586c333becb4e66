import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CaseResult } from '../bench-case.js';
import { parseChartData } from './parse-chart-data.js';

/** A vega expression labelling a duration in ms with its natural unit. */
const timeLabel =
  "datum.value < 1 ? format(datum.value * 1000, '~r') + ' µs' : datum.value < 1000 ? format(datum.value, '~r') + ' ms' : " +
  "datum.value < 3.6e6 ? format(datum.value / 1000, '~r') + ' s' : format(datum.value / 3.6e6, '.2~r') + ' h'";

/**
 * A log-log SVG chart of parse time against document size for every library:
 * a straight line of slope 1 is linear work, slope 2 is re-parsing. Drawn
 * with vega-lite compiled to vega and rendered headless (`toSVG`, no canvas).
 */
export async function renderParseChart(results: readonly CaseResult[]): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Streaming parse time vs document size', subtitle: '4-character chunks, current value read after every chunk; median of the run; hollow = estimated' },
    width: 560,
    height: 380,
    background: 'white',
    padding: 10,
    data: { values: parseChartData(results) },
    encoding: {
      x: {
        field: 'bytes',
        type: 'quantitative',
        scale: { type: 'log', domain: [7_000, 1_400_000] },
        title: 'document size',
        axis: { values: [10_000, 100_000, 1_000_000], labelExpr: "datum.value >= 1e6 ? format(datum.value / 1e6, '~r') + ' MB' : format(datum.value / 1e3, '~r') + ' KB'" },
      },
      y: {
        field: 'ms',
        type: 'quantitative',
        scale: { type: 'log' },
        title: 'time per document',
        axis: { values: [0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7], labelExpr: timeLabel },
      },
      color: { field: 'library', type: 'nominal', title: 'library', legend: { labelLimit: 300, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 } },
    },
    layer: [
      // Dashes tell apart lines that overlap (the AI SDK's and partial-json's nearly coincide).
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { strokeDash: { field: 'library', type: 'nominal', title: 'library' } } },
      {
        mark: { type: 'point', size: 70, strokeWidth: 2 },
        encoding: {
          fill: { condition: { test: "datum.measured === 'measured'", field: 'library', type: 'nominal' }, value: 'white' },
          tooltip: [{ field: 'library' }, { field: 'bytes' }, { field: 'ms', format: '.3~f' }, { field: 'measured' }],
        },
      },
    ],
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
