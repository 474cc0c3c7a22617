// The market dashboard: reads /api/stats and /api/jobs for the chosen filters and draws them with ECharts.
(function () {
  const form = document.getElementById('filters');
  const status = document.getElementById('status');
  const charts = {};
  const TIERS = ['core', 'adjacent', 'pathway'];
  const chart = id => charts[id] || (charts[id] = echarts.init(document.getElementById(id)));
  // drawn at once: the numbers are the point, and a screenshot or a reader never sees a half-grown bar
  const base = {animation: false};

  function params() {
    const p = new URLSearchParams();
    for (const el of form.elements) {
      if (el.name && el.value) p.set(el.name, el.value);
    }
    return p;
  }

  function bars(id, rows) {
    chart(id).setOption({...base,
      grid: {left: 10, right: 20, top: 10, bottom: 30, containLabel: true}, tooltip: {},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, data: rows.map(r => r.name),
        axisLabel: {width: 170, overflow: 'truncate'}},
      series: [{type: 'bar', data: rows.map(r => r.count), itemStyle: {color: '#0b6e99'}}]
    }, true);
  }

  function draw(s) {
    const periods = s.periods.map(p => p.start);
    chart('chart-new').setOption({...base,
      tooltip: {trigger: 'axis'}, legend: {data: TIERS}, grid: {left: 40, right: 20, top: 30, bottom: 30},
      xAxis: {type: 'category', data: periods}, yAxis: {type: 'value', minInterval: 1},
      series: TIERS.map(t => ({name: t, type: 'bar', stack: 'new', data: s.periods.map(p => p.newByTier[t])}))
    }, true);
    chart('chart-live').setOption({...base,
      tooltip: {trigger: 'axis'}, legend: {data: TIERS}, grid: {left: 40, right: 20, top: 30, bottom: 30},
      xAxis: {type: 'category', data: periods}, yAxis: {type: 'value', minInterval: 1},
      series: TIERS.map(t => ({name: t, type: 'line', data: s.periods.map(p => p.liveByTier[t])}))
    }, true);
    // one panel per currency: rupees and dollars on one axis would flatten the dollars
    const currencies = [...new Set(s.pay.map(p => p.currency))];
    const width = 100 / Math.max(1, currencies.length);
    chart('chart-pay').setOption({...base,
      tooltip: {},
      title: currencies.map((c, i) => ({text: c + ' a year', left: (i * width + 2) + '%', top: 0,
        textStyle: {fontSize: 12, fontWeight: 'normal'}})),
      grid: currencies.map((c, i) => ({left: (i * width + 2) + '%', width: (width - 4) + '%', top: 30, bottom: 30,
        containLabel: true})),
      xAxis: currencies.map((c, i) => ({type: 'category', gridIndex: i,
        data: s.pay.filter(p => p.currency === c).map(p => p.level + ' (' + p.count + ')')})),
      yAxis: currencies.map((c, i) => ({type: 'value', gridIndex: i, scale: true})),
      series: currencies.map((c, i) => ({type: 'boxplot', xAxisIndex: i, yAxisIndex: i, name: c,
        data: s.pay.filter(p => p.currency === c).map(p => [p.min, p.p25, p.p50, p.p75, p.max])}))
    }, true);
    chart('chart-modes').setOption({...base,
      tooltip: {}, legend: {bottom: 0},
      series: [{type: 'pie', radius: ['35%', '65%'],
        data: Object.entries(s.workModes).filter(e => e[1] > 0).map(e => ({name: e[0], value: e[1]}))}]
    }, true);
    bars('chart-employers', s.employers);
    bars('chart-skills', s.skills);
    bars('chart-certs', s.certifications);
    const sample = document.getElementById('sample');
    sample.hidden = !s.sampleJobs;
    sample.textContent = s.sampleJobs ? s.sampleJobs + ' of these ' + s.jobs + ' jobs are sample data (the local run\'s sample history).' : '';
  }

  function table(jobs) {
    const body = document.querySelector('#latest tbody');
    body.replaceChildren();
    for (const j of jobs) {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.textContent = j.title;
      if (/^https?:\/\//i.test(j.link || '')) link.href = j.link;
      const cells = [j.firstSeen, link, j.company || '', j.country || '', j.workMode, j.tier, j.level];
      for (const c of cells) {
        const td = document.createElement('td');
        if (c instanceof Node) td.appendChild(c); else td.textContent = c;
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
  }

  async function refresh() {
    const p = params();
    document.querySelectorAll('a.csv[data-table]').forEach(a => {
      const q = new URLSearchParams(p); q.set('format', 'csv'); q.set('table', a.dataset.table);
      a.href = '/api/stats?' + q;
    });
    const jq = new URLSearchParams(p); jq.set('format', 'csv');
    document.getElementById('jobs-csv').href = '/api/jobs?' + jq;
    try {
      const [s, j] = await Promise.all([fetch('/api/stats?' + p), fetch('/api/jobs?' + p)]);
      const stats = await s.json();
      const jobs = await j.json();
      if (!s.ok) { status.textContent = stats.error || 'The statistics could not be read.'; return; }
      status.textContent = '';
      draw(stats);
      table(jobs.jobs || []);
      document.body.dataset.ready = p.toString();
    } catch (e) {
      status.textContent = 'The statistics service did not answer; try again in a moment.';
    }
  }

  fetch('/api/days').then(r => r.json()).then(d => {
    if (d.days && d.days.length) {
      form.from.value = d.days[0];
      form.to.value = d.days[d.days.length - 1];
    }
    refresh();
  }).catch(refresh);
  form.addEventListener('change', refresh);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
})();
