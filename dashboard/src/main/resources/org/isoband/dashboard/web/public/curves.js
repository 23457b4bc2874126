// Drawing a rep's force curve like the analyze plot: the steady stretch found on the stored curve, and a plugin
// for Chart.js that shades the target zone and the steady stretch with a bar at its mean. Used by app.js and log.js.
'use strict';

/**
 * The steady stretch on a stored curve: the window of the rep's steady seconds with the least variance (the
 * rep event says how long the stretch was and its mean, not where; on a steady hold the steadiest window is it).
 */
function steadyStretch(points, steadyS) {
  if (!(steadyS > 0) || points.length < 3) return null;
  let best = null;
  let j = 0, sum = 0, sq = 0;
  for (let i = 0; i < points.length; i++) {
    sum += points[i].y; sq += points[i].y * points[i].y;
    while (points[i].x - points[j].x > steadyS) { sum -= points[j].y; sq -= points[j].y * points[j].y; j++; }
    const n = i - j + 1;
    if (points[i].x - points[j].x < steadyS * 0.95 || n < 3) continue;
    const mean = sum / n, variance = sq / n - mean * mean;
    if (!best || variance < best.variance) best = { from: points[j].x, to: points[i].x, mean, variance };
  }
  return best;
}

/** Shades what the analyze plot shades: the target zone (a band across) and the steady stretch with its mean. */
const shading = {
  id: 'shading',
  beforeDatasetsDraw(chart, args, options) {
    const { ctx, chartArea: a, scales: { x, y } } = chart;
    ctx.save();
    for (const z of options.zones || []) {
      const top = y.getPixelForValue(z.high), bottom = y.getPixelForValue(z.low);
      ctx.fillStyle = 'rgba(0, 158, 115, 0.12)';
      ctx.fillRect(a.left, top, a.right - a.left, bottom - top);
    }
    for (const s of options.stretches || []) {
      const left = x.getPixelForValue(s.from), right = x.getPixelForValue(s.to);
      if (s.fill !== false) {
        ctx.fillStyle = 'rgba(0, 114, 178, 0.12)';
        ctx.fillRect(left, a.top, right - left, a.bottom - a.top);
      }
      ctx.fillStyle = '#000000';
      ctx.fillRect(left, y.getPixelForValue(s.mean) - 1.5, right - left, 3);
    }
    ctx.restore();
  }
};

function zoneOf(rep) {
  if (rep.max_n === null || rep.max_n === undefined) return null;
  return { low: inUnit(rep.max_n * rep.zone_low_pct / 100), high: inUnit(rep.max_n * rep.zone_high_pct / 100) };
}
