// The training log: the sessions, one session's reps by leg and angle with their curves, strength per leg and
// angle over weeks with the left/right asymmetry, and the printable reports. Uses app.js's helpers; names from
// gateways reach the page through textContent only.
'use strict';

const POSITION_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#999999'];
const VERDICT_COLORS = { HELD: '#009E73', SHORT: '#E69F00', MOVED: '#D55E00', UNSTEADY: '#CC79A7', INTERRUPTED: '#999999' };
const sessionCharts = [];
let selectedSession = null;

function bandFilter() {
  const [gateway, band] = (document.getElementById('band-filter').value || '/').split('/');
  return { gateway, band };
}

const clockOf = iso => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const dayOf = iso => new Date(iso).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const legLabel = l => l === 'right' ? 'Right leg' : l === 'left' ? 'Left leg' : 'No plan';

async function loadLog() {
  await Promise.all([loadSessions(), loadStrength()]);
}

let logTimer = null;
function loadLogSoon() {
  clearTimeout(logTimer);
  logTimer = setTimeout(() => loadLog().catch(e => showProblem(e.message)), 2000);
}

// ---- sessions ---------------------------------------------------------------------------------------------

async function loadSessions() {
  const sessions = await getJson('/api/sessions', Object.assign({ limit: 12 }, bandFilter()));
  const body = document.querySelector('#sessions tbody');
  body.replaceChildren();
  for (const s of sessions) {
    const tr = el('tr', null, { class: 'opens', tabindex: '0', title: 'open this session: its reps by leg and angle' });
    tr.dataset.session = s.session;
    tr.appendChild(el('td', dayOf(s.start) + ' ' + clockOf(s.start), { class: 'c-day' }));
    tr.appendChild(el('td', s.band, { class: 'c-band' }));
    tr.appendChild(el('td', plural(s.reps, 'rep')));
    tr.appendChild(el('td', s.held + ' held'));
    tr.appendChild(el('td', fmt(s.steady_s, 0) + ' s steady', { class: 'c-steady' }));
    tr.appendChild(el('td', s.zone_reps ? fmt(s.time_in_zone_s, 0) + ' s in zone' : '–', { class: 'c-zone' }));
    tr.appendChild(el('td', s.max_tests ? plural(s.max_tests, 'test') : '–', { class: 'c-tests' }));
    tr.appendChild(el('td', '›', { class: 'c-open' }));
    tr.addEventListener('click', () => showSession(s.session, tr).catch(e => showProblem(e.message)));
    tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); tr.click(); } });
    if (s.session === selectedSession) tr.classList.add('selected');
    body.appendChild(tr);
  }
  document.getElementById('no-sessions').hidden = sessions.length > 0;
  document.getElementById('sessions-summary').textContent = sessions.length ? '· ' + 'the newest ' + plural(sessions.length, 'session') : '';
  if (selectedSession && sessions.some(s => s.session === selectedSession)) {
    await showSession(selectedSession, body.querySelector('tr.selected'));
  }
}

/** One session: a card per leg and angle with every rep's curve over its zone, and the reps in the plan's order. */
async function showSession(id, row) {
  selectedSession = id;
  document.querySelectorAll('#sessions tr.selected').forEach(r => r.classList.remove('selected'));
  if (row) row.classList.add('selected');
  const s = await getJson('/api/sessions/' + encodeURIComponent(id));
  sessionCharts.splice(0).forEach(c => c.destroy());
  const box = document.getElementById('session-detail');
  box.hidden = false;
  const held = s.reps.filter(r => r.verdict === 'HELD').length;
  document.getElementById('session-title').textContent = 'Session of ' + dayOf(s.start) + ', ' + clockOf(s.start)
    + ' · ' + s.band;
  const inZone = s.reps.reduce((t, r) => t + (r.time_in_zone_s || 0), 0);
  document.getElementById('session-facts').textContent = plural(s.reps.length, 'rep') + ', ' + held + ' held, '
    + fmt(s.reps.reduce((t, r) => t + r.steady_s, 0), 0) + ' s steady'
    + (s.reps.some(r => r.max_n) ? ', ' + fmt(inZone, 0) + ' s in the target zone' : '')
    + (s.max_tests.length ? '; ' + plural(s.max_tests.length, 'maximum test') : '');
  const groups = new Map();
  for (const r of s.reps) {
    const key = (r.leg || 'none') + ':' + (r.angle === null ? '-' : r.angle);
    if (!groups.has(key)) groups.set(key, { leg: r.leg, angle: r.angle, name: r.angle_name, reps: [], tests: [] });
    groups.get(key).reps.push(r);
  }
  for (const t of s.max_tests) {
    const key = t.leg + ':' + t.angle;
    if (!groups.has(key)) groups.set(key, { leg: t.leg, angle: t.angle, name: t.angle_name, reps: [], tests: [] });
    groups.get(key).tests.push(t);
  }
  const order = k => (k.startsWith('right') ? 0 : k.startsWith('left') ? 100 : 200) + (Number(k.split(':')[1]) || 0);
  const positions = document.getElementById('session-positions');
  positions.replaceChildren();
  for (const key of [...groups.keys()].sort((a, b) => order(a) - order(b))) {
    positions.appendChild(positionCard(groups.get(key)));
  }
}

function positionCard(g) {
  const card = el('article', null, { class: 'position' });
  card.dataset.position = (g.leg || 'none') + ':' + g.angle;
  const zoned = g.reps.find(r => r.max_n);
  const test = g.tests[g.tests.length - 1];
  card.appendChild(el('h4', legLabel(g.leg) + ' · ' + angleName(g.angle, g.name)
    + (test ? ' · maximum ' + force(test.max_n) + relative(test.max_n) + ' (tested: ' + test.pulls_n.map(p => p === null ? '–' : force(p)).join(', ') + ')' : '')
    + (zoned ? ' · zone ' + fmt(zoned.zone_low_pct, 0) + '-' + fmt(zoned.zone_high_pct, 0) + ' %: '
      + force(zoned.max_n * zoned.zone_low_pct / 100) + '-' + force(zoned.max_n * zoned.zone_high_pct / 100) : '')));
  const withCurves = g.reps.filter(r => r.curve);
  if (withCurves.length) {
    const wrap = el('div', null, { class: 'chart small' });
    const canvas = el('canvas');
    wrap.appendChild(canvas);
    card.appendChild(wrap);
    const zone = zoned ? zoneOf(zoned) : null;
    const datasets = withCurves.map(r => ({
      label: repLabel(r), data: r.curve.t_ms.map((t, i) => ({ x: t / 1000, y: inUnit(r.curve.n[i]) })),
      borderColor: VERDICT_COLORS[r.verdict] || '#777777', borderWidth: 1.5, pointRadius: 0, parsing: false
    }));
    const stretches = withCurves.map(r => {
      const st = steadyStretch(r.curve.t_ms.map((t, i) => ({ x: t / 1000, y: inUnit(r.curve.n[i]) })).filter(p => p.x >= 0), r.steady_s);
      // many reps on one chart: only each held rep's bar at its steady mean, no shading that would pile up
      return st && r.verdict === 'HELD' ? Object.assign(st, { fill: false }) : null;
    }).filter(Boolean);
    const chart = new Chart(canvas, {
      type: 'line', data: { datasets },
      options: { animation: false, maintainAspectRatio: false,
                 plugins: { legend: { display: false }, shading: { zones: zone ? [zone] : [], stretches } },
                 scales: { x: { type: 'linear', title: { display: true, text: 's from each rep\'s start' } },
                           y: { title: { display: true, text: unit.symbol } } } },
      plugins: [shading]
    });
    canvas.dataset.curves = String(withCurves.length);
    sessionCharts.push(chart);
  } else {
    card.appendChild(el('p', 'No force curves stored for these reps (the dashboard did not see their force live).', { class: 'muted' }));
  }
  const table = el('table');
  const head = el('thead');
  const hr = el('tr');
  ['rep', 'steady', 'verdict', 'force', '% of max', 'in zone'].forEach(h => hr.appendChild(el('th', h)));
  head.appendChild(hr);
  table.appendChild(head);
  const body = el('tbody');
  for (const r of g.reps) {
    const tr = el('tr', null, { class: 'opens', tabindex: '0', title: 'show the force curve of this rep' });
    tr.appendChild(el('td', repLabel(r)));
    tr.appendChild(el('td', fmt(r.steady_s) + ' s'));
    const v = el('td', VERDICT_WORDS[r.verdict] || r.verdict, { class: 'verdict' });
    v.dataset.verdict = r.verdict;
    tr.appendChild(v);
    tr.appendChild(el('td', force(r.mean_n)));
    const pct = el('td', r.max_n ? fmt(r.pct_of_max, 0) + ' %' : '–');
    if (r.max_n) pct.className = r.pct_of_max >= r.zone_low_pct && r.pct_of_max <= r.zone_high_pct ? 'zone-in' : 'zone-out';
    tr.appendChild(pct);
    tr.appendChild(el('td', r.max_n ? fmt(r.time_in_zone_s) + ' s' : '–'));
    tr.addEventListener('click', () => showCurve(r, tr));
    tr.addEventListener('keydown', e => { if (e.key === 'Enter') tr.click(); });
    body.appendChild(tr);
  }
  table.appendChild(body);
  card.appendChild(table);
  return card;
}

// ---- strength ---------------------------------------------------------------------------------------------

async function loadStrength() {
  const weeks = document.getElementById('weeks-filter').value;
  const h = await getJson('/api/strength', Object.assign({ weeks }, bandFilter()));
  Object.entries(h.angle_names).forEach(([i, name]) => { angleNames[Number(i)] = name; });
  const list = document.getElementById('asymmetry');
  list.replaceChildren();
  for (const a of h.asymmetry) {
    const li = el('li');
    const pct = a.asymmetry_pct;
    const weaker = pct > 0 ? 'left' : 'right';
    li.appendChild(el('span', angleName(a.angle, a.angle_name) + ': '));
    li.appendChild(el('b', Math.abs(pct) < 0.5 ? 'even' : weaker + ' ' + fmt(Math.abs(pct), 0) + ' % weaker'));
    li.appendChild(el('span', ' (' + (a.basis === 'max_test' ? 'maxima ' : 'held reps ') + force(a.right_n) + relative(a.right_n)
      + ' right, ' + force(a.left_n) + relative(a.left_n) + ' left)', { class: 'muted' }));
    li.dataset.asymmetry = String(pct);
    list.appendChild(li);
  }
  const hasMax = Object.values(h.max_n).some(v => v.some(x => x !== null));
  document.getElementById('no-strength').hidden = hasMax;
  const perLeg = { right: 0, left: 0, none: 0 };
  const datasets = [];
  for (const key of h.series) {
    const [leg] = key.split(':');
    const color = seriesColor(key, perLeg[leg]++);
    datasets.push({ label: seriesLabel(key) + ' maximum', data: h.max_n[key].map(inUnit), borderColor: color,
                    backgroundColor: color, spanGaps: true, pointRadius: 4, tension: 0.1 });
    datasets.push({ label: seriesLabel(key) + ' held', data: h.hold_n[key].map(inUnit), borderColor: color,
                    backgroundColor: color, borderDash: [5, 4], spanGaps: true, pointRadius: 1, tension: 0.1 });
  }
  drawChart('strength-chart', {
    type: 'line', data: { labels: h.weeks, datasets },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: unit.symbol } } },
               plugins: { legend: { labels: { boxWidth: 12, font: { size: 11 } } } } }
  });
  document.getElementById('strength-chart').dataset.series = String(h.series.length);
}

// ---- reports ----------------------------------------------------------------------------------------------

function printAs(kind) {
  document.body.dataset.print = kind;
  window.print();
}
window.addEventListener('afterprint', () => { delete document.body.dataset.print; });

/** One month on one page for a physio: totals, the newest maxima per leg and angle, the sessions. */
async function buildMonthReport(month) {
  const [y, m] = month.split('-').map(Number);
  const from = month + '-01';
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const to = month + '-' + String(last).padStart(2, '0');
  const filter = bandFilter();
  const [sessions, strength] = await Promise.all([
    getJson('/api/sessions', Object.assign({ from, to, limit: 500 }, filter)),
    getJson('/api/strength', Object.assign({ to, weeks: 6 }, filter))]);
  const title = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString([], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  document.getElementById('report-title').textContent = 'isoband report · ' + title + (filter.band ? ' · ' + filter.band : '');
  const reps = sessions.reduce((t, s) => t + s.reps, 0), held = sessions.reduce((t, s) => t + s.held, 0);
  document.getElementById('report-facts').textContent = plural(sessions.length, 'session') + ', ' + plural(reps, 'rep') + ', '
    + held + ' held (' + (reps ? fmt(100 * held / reps, 0) : '–') + ' %), '
    + fmt(sessions.reduce((t, s) => t + s.steady_s, 0) / 60, 1) + ' min steady; force in ' + unit.symbol;
  const newest = {};
  for (const t of strength.max_tests) if (t.at.slice(0, 7) === month) newest[t.leg + ':' + t.angle] = t;
  const angles = [...new Set(Object.keys(newest).map(k => Number(k.split(':')[1])))].sort((a, b) => a - b);
  const sbody = document.querySelector('#report-strength tbody');
  sbody.replaceChildren();
  for (const a of angles) {
    const r = newest['right:' + a], l = newest['left:' + a];
    const tr = el('tr');
    tr.appendChild(el('td', angleName(a, (r || l).angle_name)));
    tr.appendChild(el('td', r ? force(r.max_n) : '–'));
    tr.appendChild(el('td', l ? force(l.max_n) : '–'));
    tr.appendChild(el('td', r && l ? fmt(100 * (r.max_n - l.max_n) / Math.max(r.max_n, l.max_n), 0) + ' %' : '–'));
    sbody.appendChild(tr);
  }
  if (!angles.length) {
    const tr = el('tr');
    tr.appendChild(el('td', 'no maximum test this month', { colspan: '4' }));
    sbody.appendChild(tr);
  }
  const body = document.querySelector('#report-sessions tbody');
  body.replaceChildren();
  for (const s of [...sessions].reverse()) {
    const tr = el('tr');
    [dayOf(s.start), s.band, s.reps, s.held, fmt(s.steady_s, 0) + ' s', s.zone_reps ? fmt(s.time_in_zone_s, 0) + ' s' : '–']
      .forEach(v => tr.appendChild(el('td', v)));
    body.appendChild(tr);
  }
  document.getElementById('report').hidden = false;
}

document.addEventListener('DOMContentLoaded', () => {
  const month = document.getElementById('report-month');
  month.value = new Date().toISOString().slice(0, 7);
  document.getElementById('print-month').addEventListener('click', () =>
    buildMonthReport(month.value || new Date().toISOString().slice(0, 7)).then(() => printAs('month')).catch(e => showProblem(e.message)));
  document.getElementById('print-session').addEventListener('click', () => printAs('session'));
  document.getElementById('weeks-filter').addEventListener('change', () => loadStrength().catch(e => showProblem(e.message)));
});
