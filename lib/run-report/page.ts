// The run report as one self-contained HTML page: the verdict and why, what changed since the
// previous run, the coverage grid, and each load scenario's figures and charts. No network: the
// chart library (uPlot) and its styles are inlined from node_modules, and a Content-Security-Policy
// forbids every fetch, so the page opens the same from a CI artefact as from the disk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { escapeMarkup } from '../markup.ts';
import type { ContractPart, LoadPart } from './collect.ts';
import type { RunRecord } from './write.ts';

const require = createRequire(import.meta.url);
let assets: { js: string; css: string } | undefined;
function chartAssets(): { js: string; css: string } {
  assets ??= {
    js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return assets;
}

/** Where the Playwright HTML report shows one test, relative to the reports folder. */
export function playwrightLink(testId: string): string {
  return `contracts/html/index.html#?testId=${encodeURIComponent(testId)}`;
}

export function renderRunReport(record: RunRecord): string {
  const { js, css } = chartAssets();
  const title = `Run report: ${record.verdict.toUpperCase()}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}\n${STYLE}</style>
</head>
<body>
<header class="verdict ${record.verdict === 'passed' ? 'ok' : record.verdict === 'failed' ? 'bad' : 'none'}" id="verdict">
  <h1>${esc(title)}</h1>
  <ul>${record.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
  ${record.notes.length ? `<ul class="notes">${record.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
  <p class="meta">Written ${esc(record.generatedAt)}${record.contracts && record.scope.contracts ? ` · contract run ${esc(record.contracts.results.generatedAt)} (${(record.contracts.results.durationMs / 1000).toFixed(1)} s)` : ''}${record.load.filter((l) => record.scope.load.includes(l.scenario)).map((l) => ` · load ${esc(l.scenario)} ${esc(l.run?.finishedAt ?? l.run?.startedAt ?? '')}`).join('')}</p>
</header>
<nav><a href="#why">Why</a> <a href="#changes">Changes</a> <a href="#coverage">Coverage</a> <a href="#load">Load</a> <a href="#files">Files</a></nav>
<main>
${whySection(record.contracts, record.scope.contracts)}
${changesSection(record)}
${coverageSection(record.contracts)}
${loadSection(record.load, record.scope.load)}
${filesSection(record)}
</main>
<script type="application/json" id="load-series">${jsonForScript(seriesData(record.load))}</script>
<script>${js}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

function whySection(contracts: ContractPart | undefined, inScope: boolean): string {
  if (!contracts) return '<section id="why"><h2>Contract checks</h2><p>No contract run in this folder yet (<code>npm start</code> or <code>npx playwright test</code> writes one).</p></section>';
  const { counts } = contracts;
  const failureRows = (kind: string) => contracts.failures.filter((f) => f.kind === kind).map((f) =>
    `<tr class="failed"><td>${esc(f.project)}</td><td><a href="${esc(playwrightLink(f.id))}">${esc(f.title)}</a></td><td><code>${esc(f.headline)}</code></td></tr>`).join('');
  const table = (heading: string, kind: string, blurb: string) => {
    const rows = failureRows(kind);
    return rows ? `<h3>${heading}</h3><p>${blurb}</p><table class="list"><thead><tr><th>target</th><th>test</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>` : '';
  };
  return `<section id="why">
<h2>Contract checks</h2>
${inScope ? '' : `<p class="earlier">From an earlier contract run (${esc(contracts.results.generatedAt)}), not part of this verdict.</p>`}
<p class="counts"><span class="chip failed">${counts.failed} failed</span> <span class="chip finding">${counts.finding} passed with findings</span> <span class="chip exercised">${counts.passed} passed</span> <span class="chip skipped">${counts.skipped} skipped</span></p>
${table('Contract failures', 'documented', 'A rule the provider\'s documentation states was broken: these block the release.')}
${table('Unconfirmed assumptions that failed', 'assumption', 'Inferred rules enforced on this target (the twin and the mock are built from them; a live run only with STRICT=1).')}
${table('Other failures', 'other', 'Flows, time-outs and harness errors: the message says what happened.')}
${contracts.assumptions.length ? `<h3>Unconfirmed assumptions (findings, not failures)</h3>
<p>The spec inferred these where the docs are silent, and the server did otherwise. Confirm with the provider, then calibrate the spec (<code>npm run calibrate</code>).</p>
<table class="list"><thead><tr><th>target</th><th>assumption</th><th>where</th><th>the server answered</th><th>inferred from</th><th>tests</th></tr></thead><tbody>
${contracts.assumptions.map((a) => `<tr class="finding"><td>${esc(a.project)}</td><td>${esc(a.check)}</td><td>${esc(a.where.slice(0, 8).join(', '))}${a.where.length > 8 ? ` and ${a.where.length - 8} more` : ''}</td><td>${esc(a.observed)}</td><td>${esc(a.source)}</td><td>${a.tests}</td></tr>`).join('')}
</tbody></table>` : ''}
${contracts.skips.length ? `<h3>Skipped, with reasons</h3><table class="list"><thead><tr><th>target</th><th>tests</th><th>reason</th></tr></thead><tbody>
${contracts.skips.map((s) => `<tr><td>${esc(s.project)}</td><td>${s.count}</td><td>${esc(s.reason)}</td></tr>`).join('')}
</tbody></table>` : ''}
</section>`;
}

function changesSection(record: RunRecord): string {
  const c = record.comparison;
  if (c.against === 'nothing') return '<section id="changes"><h2>Changes</h2><p>Nothing to compare with: this is the first run in this folder (set <code>REPORT_BASELINE</code> to a committed <code>run.json</code> to compare with a baseline).</p></section>';
  const what = c.against === 'baseline' ? `the baseline ${esc(c.source ?? '')}` : 'the previous run in this folder';
  const rows = c.changed.map((ch) => `<tr class="${ch.after}"><td>${esc(ch.project)}</td><td><a href="${esc(playwrightLink(ch.id))}">${esc(ch.title)}</a></td><td><span class="chip ${ch.before}">${ch.before}</span> → <span class="chip ${ch.after}">${ch.after}</span></td></tr>`).join('');
  const moves = c.p95Moves.map((m) => `<tr class="${m.change > 0 ? 'failed' : 'exercised'}"><td>${esc(m.scenario)}</td><td>${esc(m.operation)}</td><td>${m.beforeMs.toFixed(1)} → ${m.afterMs.toFixed(1)} ms</td><td>${m.change > 0 ? '+' : ''}${(m.change * 100).toFixed(0)}%</td></tr>`).join('');
  return `<section id="changes">
<h2>Changes since ${what}</h2>
<p>${c.changed.length} check${c.changed.length === 1 ? '' : 's'} changed state${c.added ? `; ${c.added} new` : ''}${c.removed ? `; ${c.removed} not run this time` : ''}.
${c.scenariosCompared.length ? `p95 compared on ${esc(c.scenariosCompared.join(', '))}: ${c.p95Moves.length} moved by more than ${(c.margin * 100).toFixed(0)}%.` : ''}</p>
${rows ? `<table class="list" id="changed-checks"><thead><tr><th>target</th><th>check</th><th>state</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${moves ? `<table class="list" id="p95-moves"><thead><tr><th>scenario</th><th>operation</th><th>p95</th><th>change</th></tr></thead><tbody>${moves}</tbody></table>` : ''}
</section>`;
}

function coverageSection(contracts: ContractPart | undefined): string {
  if (!contracts) return '';
  const grids = contracts.grid.map((g) => {
    const rows = g.rows.map((row) => `<tr><th class="op${row.provenance === 'inferred' ? ' inferred' : ''}" title="operation ${esc(row.provenance)}">${esc(row.operationId)}</th>${g.projects.map((p) =>
      `<td>${row.statuses.map((s) => {
        const cell = s.cells[p];
        const label = `${row.operationId} ${s.status} on ${p}: ${cell.state}${s.provenance === 'inferred' ? ' (status inferred)' : ''}`;
        const chip = `<span class="chip ${cell.state.replace(' ', '-')}${s.provenance === 'inferred' ? ' inferred' : ''}" title="${esc(label)}">${s.status}</span>`;
        return cell.testId ? `<a href="${esc(playwrightLink(cell.testId))}">${chip}</a>` : chip;
      }).join(' ')}</td>`).join('')}</tr>`).join('');
    const exercised = g.rows.flatMap((r) => r.statuses.flatMap((s) => g.projects.map((p) => s.cells[p].state))).filter((s) => s !== 'not exercised').length;
    const total = g.rows.reduce((n, r) => n + r.statuses.length, 0) * g.projects.length;
    return `<h3>${esc(g.api)}</h3><p>${exercised}/${total} (operation, status, target) cells exercised.</p>
<table class="grid" data-api="${esc(g.api)}"><thead><tr><th>operation</th>${g.projects.map((p) => `<th>${esc(p)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  }).join('\n');
  const requests = Object.entries(contracts.requests).sort(([a], [b]) => a.localeCompare(b));
  return `<section id="coverage">
<h2>Contract coverage</h2>
<p>Every operation of the spec × each documented status × target. <span class="chip exercised">exercised</span> <span class="chip failed">failed</span> <span class="chip not-exercised">not exercised</span> <span class="chip exercised inferred">inferred status</span> — a chip links to the test in the Playwright report.</p>
${grids}
${requests.length ? `<p>Requests per target: ${esc(requests.map(([t, r]) => `${t} ${r.total}`).join('; '))}.</p>` : ''}
</section>`;
}

function loadSection(load: LoadPart[], inScope: string[]): string {
  if (!load.length) return '<section id="load"><h2>Load</h2><p>No load run in this folder (<code>npm run load -- &lt;scenario&gt;</code>; the gate runs <code>gate</code> when k6 is installed).</p></section>';
  // This run's scenarios first; the others are earlier runs left in the folder.
  const ordered = [...load].sort((a, b) => Number(inScope.includes(b.scenario)) - Number(inScope.includes(a.scenario)));
  return `<section id="load"><h2>Load</h2>${ordered.map((p) => loadPart(p, inScope.includes(p.scenario))).join('\n')}</section>`;
}

function loadPart(part: LoadPart, inScope: boolean): string {
  const s = part.summary;
  const run = part.run;
  const when = part.run?.finishedAt ?? part.run?.startedAt;
  const head = `<h3>${esc(part.scenario)}${s ? `: <span class="chip ${s.verdict === 'passed' ? 'exercised' : 'failed'}">${s.verdict}</span>` : ''}</h3>`
    + (inScope ? '' : `<p class="earlier">An earlier run${when ? ` (${esc(when)})` : ''}, not part of this verdict.</p>`);
  const line = s
    ? `<p>${esc(s.profile)} on ${esc(s.target)}, ${(s.durationMs / 1000).toFixed(1)} s, ${s.totals.requests} requests (${s.totals.requestsPerSecond.toFixed(1)}/s), failed ${(s.totals.failedRate * 100).toFixed(2)}%, contract violations ${s.totals.contractViolations} of ${s.totals.contractChecked} responses validated (sample ${s.contractSample}).</p>`
    : `<p>No k6 summary: ${esc(run?.outcome ?? 'the run did not finish')}.</p>`;
  const budget = run ? budgetLine(run, s?.totals.requests) : '';
  const opThresholds = (op: string) => (s?.thresholds ?? []).filter((t) => t.metric === `http_req_duration{operation:${op}}`);
  const ops = s?.operations.length ? `<table class="list"><thead><tr><th>operation</th><th>requests</th><th>p95 ms</th><th>p99 ms</th><th>threshold</th><th>contract violations</th></tr></thead><tbody>
${s.operations.map((op) => {
    const th = opThresholds(op.operation);
    const bad = th.some((t) => !t.ok) || (op.contractViolations ?? 0) > 0;
    return `<tr class="${bad ? 'failed' : ''}"><td>${esc(op.operation)}</td><td>${op.requests ?? '-'}</td><td>${fmt(op.p95Ms)}</td><td>${fmt(op.p99Ms)}</td><td>${th.map((t) => `${t.ok ? '✓' : '✗'} ${esc(t.threshold)}`).join(', ') || '-'}</td><td>${op.contractViolations ?? 0}</td></tr>`;
  }).join('')}</tbody></table>` : '';
  const thresholds = s?.thresholds.length ? `<table class="list"><thead><tr><th>metric</th><th>threshold</th><th>observed</th><th></th></tr></thead><tbody>
${s.thresholds.map((t) => `<tr class="${t.ok ? '' : 'failed'}"><td>${esc(t.metric)}</td><td>${esc(t.threshold)}</td><td>${fmt(t.observed)}</td><td>${t.ok ? '✓' : '✗ crossed'}</td></tr>`).join('')}</tbody></table>` : '';
  const charts = part.series?.buckets.length
    ? `<div class="charts"><div class="chart" data-chart="traffic" data-scenario="${esc(part.scenario)}"></div><div class="chart" data-chart="latency" data-scenario="${esc(part.scenario)}"></div></div>`
    : `<p class="note">No time series for this run${run?.seriesNote ? `: ${esc(run.seriesNote)}` : ''}.</p>`;
  return `<div class="load-part${inScope ? '' : ' earlier-run'}" data-scenario="${esc(part.scenario)}">${head}${line}${budget}${charts}${ops}${thresholds}</div>`;
}

function budgetLine(run: NonNullable<LoadPart['run']>, spent: number | undefined): string {
  const plan = run.plan;
  if (run.target !== 'sandbox') return `<p class="budget">${spent ?? '?'} requests sent; no rate budget on a local target (${esc(run.target)}).</p>`;
  const planned = plan.total === null ? 'unbounded (VU-based)' : String(plan.total);
  const share = spent !== undefined && plan.allowed ? Math.min(100, (spent / plan.allowed) * 100) : undefined;
  return `<p class="budget">Rate budget: ${spent ?? '?'} requests sent; planned ${esc(planned)} (${plan.perHour ?? '?'} in the busiest hour, setup ${plan.setup}); allowed ${plan.allowed} per hour = 80% of ${run.rateLimitPerHour}.${share !== undefined ? ` <span class="bar"><span style="width:${share.toFixed(1)}%"></span></span> ${share.toFixed(0)}% of the allowance` : ''}</p>`;
}

function filesSection(record: RunRecord): string {
  const files = [
    ...(record.contracts ? ['contracts/html/index.html', 'contracts/junit.xml', 'contracts/coverage.json', 'contracts/assumptions.json', 'contracts/results.json'] : []),
    ...record.load.flatMap((l) => l.files),
    'run.json',
  ];
  return `<section id="files"><h2>Files</h2><ul>${files.map((f) => `<li><a href="${esc(f)}">${esc(f)}</a></li>`).join('')}</ul></section>`;
}

/** Per scenario: columns for uPlot (x = seconds from the start). */
function seriesData(load: LoadPart[]): Record<string, { t: number[]; rps: number[]; errors: number[]; violations: number[]; p95: (number | null)[]; p95Limit: number | null }> {
  const out: ReturnType<typeof seriesData> = {};
  for (const part of load) {
    const series = part.series;
    if (!series?.buckets.length) continue;
    const per = series.bucketSeconds;
    // The strictest p95 limit of the run (overall or per operation) is drawn across the latency chart.
    const limits = (part.summary?.thresholds ?? []).filter((t) => t.metric.startsWith('http_req_duration') && /^p\(95\)\s*</.test(t.threshold))
      .map((t) => Number(/<\s*=?\s*([\d.]+)/.exec(t.threshold)?.[1])).filter((n) => Number.isFinite(n));
    out[part.scenario] = {
      t: series.buckets.map((b) => b.t),
      rps: series.buckets.map((b) => b.requests / per),
      errors: series.buckets.map((b) => b.failed / per),
      violations: series.buckets.map((b) => b.contractViolations / per),
      p95: series.buckets.map((b) => b.p95Ms),
      p95Limit: limits.length ? Math.min(...limits) : null,
    };
  }
  return out;
}

function fmt(n: number | undefined): string {
  return n === undefined ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(n < 1 ? 4 : 1);
}

const esc = escapeMarkup;

/** JSON inside a script element: `<` escaped, so no text can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; }
header.verdict { padding: 16px 24px; color: #fff; }
header.ok { background: #1f7a3a; } header.bad { background: #b3261e; } header.none { background: #5b6270; }
header h1 { margin: 0 0 6px; font-size: 22px; } header ul { margin: 4px 0; padding-left: 20px; } header .meta { opacity: .85; font-size: 12px; margin: 6px 0 0; }
header .notes { font-style: italic; }
nav { padding: 8px 24px; background: #eef0f3; position: sticky; top: 0; } nav a { margin-right: 14px; }
main { padding: 8px 24px 40px; } h2 { margin-top: 28px; border-bottom: 1px solid #d5d9e0; } h3 { margin-top: 20px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d5d9e0; padding: 3px 6px; text-align: left; vertical-align: top; }
table.list td code { white-space: pre-wrap; font-size: 12px; }
tr.failed td { background: #fdecea; } tr.finding td { background: #fff6e0; }
table.grid th.op { font-weight: 500; font-family: ui-monospace, monospace; font-size: 12px; } table.grid th.op.inferred { font-style: italic; }
.chip { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; font-family: ui-monospace, monospace; border: 1px solid transparent; }
.chip.exercised, .chip.passed { background: #d3f0da; color: #14532d; } .chip.failed { background: #f9c9c4; color: #7f1d1d; font-weight: 600; }
.chip.not-exercised, .chip.skipped { background: #e6e8ec; color: #5b6270; } .chip.finding { background: #ffe7a8; color: #6b4e00; }
.chip.inferred { border-style: dashed; border-color: #5b6270; }
a .chip { text-decoration: none; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { width: 560px; min-height: 260px; }
.bar { display: inline-block; width: 160px; height: 8px; background: #e6e8ec; vertical-align: middle; } .bar span { display: block; height: 8px; background: #3b6fd8; }
.note { color: #5b6270; } .earlier { color: #6b4e00; background: #fff6e0; padding: 2px 6px; display: inline-block; }
`;

/** Draws the load charts from the embedded series; runs in the page. */
const CHART_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('load-series').textContent);
  document.querySelectorAll('.chart').forEach(function (el) {
    var s = data[el.getAttribute('data-scenario')];
    if (!s) return;
    var width = Math.max(320, el.clientWidth || 560);
    var x = { label: 'seconds from start' };
    if (el.getAttribute('data-chart') === 'traffic') {
      // Failures and violations on their own axis (right): a few per second would vanish beside thousands of requests.
      new uPlot({ title: 'Throughput and errors per second', width: width, height: 240, scales: { x: { time: false }, err: {} },
        axes: [x, { label: 'requests/s' }, { scale: 'err', side: 1, grid: { show: false }, label: 'failed, violations /s' }],
        series: [{}, { label: 'requests/s', stroke: '#3b6fd8' }, { label: 'failed/s', stroke: '#b3261e', scale: 'err' }, { label: 'contract violations/s', stroke: '#e08a00', scale: 'err' }] },
        [s.t, s.rps, s.errors, s.violations], el);
    } else {
      var series = [{}, { label: 'p95 ms', stroke: '#6b3bd8' }];
      var cols = [s.t, s.p95];
      if (s.p95Limit) { series.push({ label: 'p95 threshold (strictest)', stroke: '#b3261e', dash: [6, 4] }); cols.push(s.t.map(function () { return s.p95Limit; })); }
      new uPlot({ title: 'Latency p95 per bucket', width: width, height: 240, scales: { x: { time: false } }, axes: [x, {}], series: series }, cols, el);
    }
  });
})();
`;
