// The isoband dashboard page. Plain JavaScript, no build step. Every name that comes from a gateway (gateway,
// band, session) reaches the page through textContent or an <option>'s text, never as HTML.
'use strict';

const LIVE_WINDOW_S = 20;      // seconds of force shown in each band's live chart
const token = new URLSearchParams(location.search).get('token');
const COLORS = { right: ['#0072B2', '#56B4E9', '#009E73', '#CC79A7', '#000000', '#999999'],
                 left: ['#D55E00', '#E69F00', '#F0E442', '#882255', '#666666', '#44AA99'] };
const VERDICT_WORDS = { HELD: 'held', SHORT: 'short', MOVED: 'moved', UNSTEADY: 'unsteady', INTERRUPTED: 'interrupted' };

const UNITS = { N: 1, kg: 9.80665, lb: 4.4482216152605 };
const unit = { symbol: 'N', perUnit: 1, bodyWeightKg: null };   // the unit force is shown in: the configuration's, or the reader's choice
const angleNames = {};         // angle index -> its name in the plan, as the gateways said it
const bands = new Map();       // "gateway/band" -> { card, chart, samples: [[tMs, n]], count }
const todayReps = new Map();   // rep id -> rep
const charts = {};
let curveChart = null;

function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
  }
  if (token) url.searchParams.set('token', token);
  return url.pathname + url.search;
}

async function getJson(path, params) {
  const response = await fetch(api(path, params), { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

function showProblem(text) {
  const p = document.getElementById('problem');
  p.textContent = text;
  p.hidden = !text;
}

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const fmt = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x)) ? '–' : Number(x).toFixed(digits);
// Force in the chosen unit: whole newtons, tenths of kg or lb.
const inUnit = n => (n === null || n === undefined || Number.isNaN(n)) ? null : n / unit.perUnit;
const force = n => inUnit(n) === null ? '–' : inUnit(n).toFixed(unit.symbol === 'N' ? 0 : 1) + ' ' + unit.symbol;
// Force relative to body weight, when the configuration gives one: "0.45 x BW".
const relative = n => unit.bodyWeightKg && n ? ' · ' + (n / (unit.bodyWeightKg * 9.80665)).toFixed(2) + ' x BW' : '';
const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
// Angles by their names, numbered from 1 as the Pi says them: "2 · high"; "angle 2" when no gateway named it.
const angleName = (a, name) => {
  if (a === null || a === undefined) return '–';
  const known = name || angleNames[a];
  if (name) angleNames[a] = name;
  return known ? (a + 1) + ' · ' + known : 'angle ' + (a + 1);
};
// The plan's numbering, as the Pi shows it: rep 4/5 · try 3 (the session's running count for older gateways).
const repLabel = r => r.plan_rep ? r.plan_rep + '/' + r.plan_reps + (r.attempt > 1 ? ' · try ' + r.attempt : '') : String(r.rep);
const zoneLabel = r => r.max_n === null || r.max_n === undefined ? '–'
  : fmt(r.pct_of_max, 0) + ' % · ' + fmt(r.time_in_zone_s) + ' s in';
const legName = l => l || '–';
const timeOf = iso => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

// ---- live -------------------------------------------------------------------------------------------------

function bandFor(gateway, band) {
  const key = gateway + '/' + band;
  let entry = bands.get(key);
  if (entry) return entry;
  const card = document.getElementById('band-card').content.firstElementChild.cloneNode(true);
  card.dataset.band = key;
  card.querySelector('.band-name').textContent = band + ' · ' + gateway;
  const canvas = card.querySelector('canvas');
  canvas.dataset.samples = '0';
  const cards = document.getElementById('bands');
  // keep cards sorted by name so they do not jump around
  const after = [...cards.children].find(c => c.dataset.band > key);
  cards.insertBefore(card, after || null);
  document.getElementById('no-bands').hidden = true;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [{ label: 'force (N)', data: [], borderColor: '#0072B2', borderWidth: 2, pointRadius: 0, parsing: false }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: { x: { type: 'linear', min: -LIVE_WINDOW_S, max: 0, title: { display: true, text: 's' } },
                y: { title: { display: true, text: 'N' } } }
    }
  });
  entry = { card, chart, samples: [], count: 0, dirty: false };
  bands.set(key, entry);
  return entry;
}

function showState(s) {
  const b = bandFor(s.gateway, s.band);
  const phase = b.card.querySelector('.phase');
  phase.textContent = s.phase;
  phase.dataset.phase = s.phase;
  b.card.querySelector('.leg').textContent = legName(s.leg);
  b.card.querySelector('.angle').textContent = angleName(s.angle);
  b.card.querySelector('.rep').textContent = s.rep;
  b.card.querySelector('.steady').textContent = fmt(s.steady_s) + ' s';
  b.card.querySelector('.level').textContent = force(s.level_n);
  b.card.querySelector('.today').textContent = s.held_today + ' / ' + s.reps_today + ' held';
  const link = b.card.querySelector('.link');
  link.textContent = s.link.toLowerCase();
  link.className = 'link pill ' + (s.link === 'STREAMING' ? 'on' : 'off');
}

function addForce(f) {
  const b = bandFor(f.gateway, f.band);
  const start = Date.parse(f.start);
  for (let i = 0; i < f.n.length; i++) b.samples.push([start + f.t_ms[i], f.n[i]]);
  b.count += f.n.length;
  const newest = b.samples.length ? b.samples[b.samples.length - 1][0] : start;
  while (b.samples.length && b.samples[0][0] < newest - LIVE_WINDOW_S * 1000) b.samples.shift();
  b.newest = newest;
  b.dirty = true;
  if (f.last_n !== null && f.last_n !== undefined) b.card.querySelector('.level').textContent = force(f.last_n);
}

// Redraw at most ten times a second whatever the force rate, on the browser's own frame clock.
function redrawLive() {
  for (const b of bands.values()) {
    if (!b.dirty) continue;
    b.dirty = false;
    b.chart.data.datasets[0].data = b.samples.map(([t, n]) => ({ x: (t - b.newest) / 1000, y: inUnit(n) }));
    b.chart.options.scales.y.title.text = unit.symbol;
    b.chart.update('none');
    b.chart.canvas.dataset.samples = String(b.count);
  }
}

function showGateway(gateway, status) {
  const box = document.getElementById('gateways');
  let pill = [...box.children].find(p => p.dataset.gateway === gateway);
  if (!pill) {
    pill = el('span', null, { class: 'pill' });
    pill.dataset.gateway = gateway;
    box.appendChild(pill);
  }
  pill.textContent = gateway + ': ' + status;
  pill.className = 'pill ' + (status === 'online' ? 'on' : 'off');
}

function showLive(live) {
  for (const [g, status] of Object.entries(live.gateways || {})) showGateway(g, status);
  (live.states || []).forEach(showState);
  (live.forces || []).forEach(addForce);
}

function connect() {
  const status = document.getElementById('connection');
  const events = new EventSource(api('/events'));
  events.addEventListener('hello', e => {
    status.textContent = 'live';
    status.className = 'pill on';
    showLive(JSON.parse(e.data));
  });
  events.addEventListener('state', e => showState(JSON.parse(e.data)));
  events.addEventListener('force', e => addForce(JSON.parse(e.data)));
  events.addEventListener('status', e => { const s = JSON.parse(e.data); showGateway(s.gateway, s.status); });
  events.addEventListener('rep', e => addTodayRep(JSON.parse(e.data), true));
  events.addEventListener('session', () => { loadHistory(); loadLogSoon(); });
  events.addEventListener('max_test', () => loadLogSoon());
  events.onerror = () => {
    status.textContent = 'reconnecting…';
    status.className = 'pill off';
  };
}

// ---- today ------------------------------------------------------------------------------------------------

function isToday(iso) {
  const d = new Date(iso), now = new Date();
  return d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
}

function addTodayRep(rep, fresh) {
  if (todayReps.has(rep.id) || (fresh && !isToday(rep.start))) return;
  todayReps.set(rep.id, rep);
  const tr = repRow(rep, true);
  tr.addEventListener('click', () => showCurve(rep, tr));
  const body = document.querySelector('#today tbody');
  const later = [...body.children].find(r => todayReps.get(r.dataset.id).start > rep.start);
  body.insertBefore(tr, later || null);
  document.getElementById('no-reps').hidden = true;
  document.getElementById('today-hint').hidden = false;
  const all = [...todayReps.values()];
  document.getElementById('today-summary').textContent =
    '· ' + all.filter(r => r.verdict === 'HELD').length + ' of ' + plural(all.length, 'rep') + ' held';
  if (fresh) loadHistorySoon();
}

async function loadToday() {
  const today = await getJson('/api/today');
  today.reps.forEach(r => addTodayRep(r, false));
}

/** A rep as a table row that opens its curve: the where, then what matters (steady, verdict, force, zone). */
function repRow(rep, withBand) {
  const tr = document.createElement('tr');
  tr.dataset.id = rep.id;
  tr.className = 'opens';
  tr.tabIndex = 0;
  tr.title = 'show the force curve of this rep';
  const cell = (cls, text) => tr.appendChild(el('td', text, { class: cls }));
  cell('c-time', timeOf(rep.start));
  if (withBand) cell('c-band', rep.band);
  cell('c-leg', legName(rep.leg));
  cell('c-angle', angleName(rep.angle, rep.angle_name));
  cell('c-rep', repLabel(rep));
  cell('c-steady', fmt(rep.steady_s) + ' s');
  const verdict = el('td', VERDICT_WORDS[rep.verdict] || rep.verdict, { class: 'verdict c-verdict' });
  verdict.dataset.verdict = rep.verdict;
  tr.appendChild(verdict);
  cell('c-force', force(rep.mean_n));
  cell('c-zone', zoneLabel(rep));
  cell('c-open', '›');
  tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); tr.click(); } });
  return tr;
}

async function showCurve(rep, row) {
  document.querySelectorAll('#today tr.selected').forEach(r => r.classList.remove('selected'));
  row.classList.add('selected');
  const box = document.getElementById('curve-box');
  box.hidden = false;
  document.getElementById('curve-title').textContent =
    'Rep ' + repLabel(rep) + ' · ' + legName(rep.leg) + ' ' + angleName(rep.angle, rep.angle_name) + ' · '
    + (VERDICT_WORDS[rep.verdict] || rep.verdict) + ' · steady ' + fmt(rep.steady_s) + ' s of ' + fmt(rep.target_s) + ' s'
    + (rep.max_n ? ' · ' + fmt(rep.pct_of_max, 0) + ' % of ' + force(rep.max_n) : '');
  const note = document.getElementById('curve-note');
  if (curveChart) { curveChart.destroy(); curveChart = null; }
  if (!rep.has_curve) {
    note.textContent = 'The force curve of this rep was not stored: the dashboard did not see its force live.';
    return;
  }
  note.textContent = '';
  try {
    const c = await getJson('/api/reps/' + encodeURIComponent(rep.id) + '/curve');
    const points = c.t_ms.map((t, i) => ({ x: t / 1000, y: inUnit(c.n[i]) }));
    const inside = points.filter(p => p.x >= 0);
    const stretch = steadyStretch(inside, rep.steady_s);
    const zone = zoneOf(rep);
    curveChart = new Chart(document.getElementById('curve'), {
      type: 'line',
      data: { datasets: [{ label: 'force', data: points, borderColor: '#0072B2', pointRadius: 0, borderWidth: 2, parsing: false }] },
      options: { animation: false, maintainAspectRatio: false,
                 plugins: { legend: { display: false }, shading: { zones: zone ? [zone] : [], stretches: stretch ? [stretch] : [] } },
                 scales: { x: { type: 'linear', title: { display: true, text: 's from the start of the rep' } },
                           y: { title: { display: true, text: unit.symbol } } } },
      plugins: [shading]
    });
    note.textContent = (stretch ? 'Shaded: the steady stretch (' + fmt(rep.steady_s) + ' s, bar at its mean)' : '')
      + (zone ? (stretch ? ' and the' : 'Shaded: the') + ' target zone ' + fmt(rep.zone_low_pct, 0) + '-' + fmt(rep.zone_high_pct, 0)
        + ' % of the maximum' : '') + (stretch || zone ? '.' : '');
  } catch (e) {
    note.textContent = e.message;
  }
}

// ---- history ----------------------------------------------------------------------------------------------

function seriesLabel(key) {
  const [leg, angle] = key.split(':');
  return (leg === 'none' ? 'no plan' : leg) + (angle === '-' ? '' : ' ' + angleName(Number(angle)));
}

/** Chooses the unit: the reader's last choice on this browser, else the dashboard's configured one. */
async function loadSettings() {
  const settings = await getJson('/api/settings');
  unit.bodyWeightKg = settings.body_weight_kg;
  let chosen = settings.unit;
  try { chosen = localStorage.getItem('isoband.unit') || chosen; } catch (e) { /* private mode */ }
  setUnit(UNITS[chosen] ? chosen : 'N');
}

function setUnit(symbol) {
  unit.symbol = symbol;
  unit.perUnit = UNITS[symbol];
  document.getElementById('unit-select').value = symbol;
}

function seriesColor(key, index) {
  const [leg] = key.split(':');
  const palette = COLORS[leg] || ['#777777'];
  return palette[index % palette.length];
}

function drawChart(id, config) {
  if (charts[id]) charts[id].destroy();
  config.options = Object.assign({ animation: false, maintainAspectRatio: false, responsive: true }, config.options || {});
  charts[id] = new Chart(document.getElementById(id), config);
}

async function loadHistory() {
  const [gateway, band] = (document.getElementById('band-filter').value || '/').split('/');
  const weeks = document.getElementById('weeks-filter').value;
  document.getElementById('csv').setAttribute('href', api('/api/reps.csv', { gateway, band, unit: unit.symbol }));
  const h = await getJson('/api/history', { gateway, band, weeks });
  const labels = h.weeks.map(w => w.week);
  const t = h.totals;
  document.getElementById('totals').textContent = plural(t.reps, 'rep') + ', ' + (t.held_pct === null ? '–' : t.held_pct + ' %')
    + ' held, ' + plural(t.sessions, 'session') + '; target of ' + h.sessions_target + ' a week met in ' + t.weeks_on_target
    + ' of ' + plural(t.weeks, 'week');
  const perLeg = { right: 0, left: 0, none: 0 };
  drawChart('steady-chart', {
    type: 'line',
    data: { labels, datasets: h.series.map(key => {
      const leg = key.split(':')[0];
      const index = perLeg[leg]++;
      return { label: seriesLabel(key), data: h.weeks.map(w => w.steady_s[key] || 0), borderColor: seriesColor(key, index),
               backgroundColor: seriesColor(key, index), borderDash: leg === 'left' ? [6, 3] : [], tension: 0.2 };
    }) },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 's' } } } }
  });
  drawChart('held-chart', {
    type: 'bar',
    data: { labels, datasets: [{ label: 'held %', data: h.weeks.map(w => w.held_pct), backgroundColor: '#009E73' }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100 } } }
  });
  drawChart('balance-chart', {
    type: 'bar',
    data: { labels, datasets: [{ label: 'right vs left %', data: h.weeks.map(w => w.asymmetry_pct),
      backgroundColor: h.weeks.map(w => (w.asymmetry_pct || 0) >= 0 ? '#0072B2' : '#D55E00') }] },
    options: { plugins: { legend: { display: false } },
               scales: { y: { suggestedMin: -20, suggestedMax: 20, title: { display: true, text: '+ right stronger, − left' } } } }
  });
  drawChart('sessions-chart', {
    type: 'bar',
    data: { labels, datasets: [
      { label: 'sessions', data: h.weeks.map(w => w.sessions), backgroundColor: h.weeks.map(w => w.on_target ? '#009E73' : '#E69F00') },
      { label: 'target', type: 'line', data: h.weeks.map(() => h.sessions_target), borderColor: '#000000', borderDash: [4, 4], pointRadius: 0 }
    ] },
    options: { scales: { y: { beginAtZero: true, ticks: { stepSize: 1 } } } }
  });
}

/** Everything that shows force, again in the new unit. */
function redrawInUnit() {
  for (const b of bands.values()) b.dirty = true;
  const body = document.querySelector('#today tbody');
  const reps = [...todayReps.values()];
  body.replaceChildren();
  todayReps.clear();
  reps.forEach(r => addTodayRep(r, false));
  document.getElementById('curve-box').hidden = true;
  loadHistory().catch(e => showProblem(e.message));
  loadLog().catch(e => showProblem(e.message));
}

let historyTimer = null;
function loadHistorySoon() {
  clearTimeout(historyTimer);
  historyTimer = setTimeout(() => loadHistory().catch(e => showProblem(e.message)), 2000);
}

async function loadBands() {
  const select = document.getElementById('band-filter');
  const known = new Set([...select.options].map(o => o.value));
  for (const b of await getJson('/api/bands')) {
    const value = b.gateway + '/' + b.band;
    if (known.has(value)) continue;
    const option = document.createElement('option');
    option.value = value;
    option.textContent = b.band + ' · ' + b.gateway;
    select.appendChild(option);
  }
}

async function loadStats() {
  const s = await getJson('/api/stats');
  document.getElementById('stats').textContent = (s.broker ? 'broker ' + (s.broker_connected ? 'connected' : 'not connected') : 'no broker')
    + ' · ' + s.reps + ' reps received, ' + s.duplicates + ' duplicates, ' + s.malformed + ' malformed dropped · ';
}

async function start() {
  try {
    await loadSettings();
    await Promise.all([loadToday(), loadBands(), loadHistory(), loadStats(), loadLog()]);
  } catch (e) {
    showProblem(e.status === 401 ? 'This dashboard needs its access token: open it as ' + location.pathname + '?token=…' : e.message);
    if (e.status === 401) return;
  }
  connect();
  setInterval(redrawLive, 100);
  setInterval(() => loadStats().catch(() => {}), 10000);
  document.getElementById('band-filter').addEventListener('change', () => {
    loadHistory().catch(e => showProblem(e.message));
    loadLog().catch(e => showProblem(e.message));
  });
  document.getElementById('unit-select').addEventListener('change', e => {
    setUnit(e.target.value);
    try { localStorage.setItem('isoband.unit', unit.symbol); } catch (err) { /* private mode */ }
    redrawInUnit();
  });
  document.getElementById('weeks-filter').addEventListener('change', () => loadHistory().catch(e => showProblem(e.message)));
}

document.addEventListener('DOMContentLoaded', start);
