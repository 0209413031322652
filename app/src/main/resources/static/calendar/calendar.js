// The calendar page: a year as the SLA clocks count it, and a due-date preview. Reads /calendar/api/**.
(function () {
  const API = '/calendar/api';
  const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
  const filters = document.getElementById('filters');
  const preview = document.getElementById('preview');
  const error = document.getElementById('error');

  async function get(path) {
    const r = await fetch(API + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const fields = (body.errors || []).map(e => e.message).join('；');
      throw new Error(fields || body.title || ('请求失败：' + r.status));
    }
    return body;
  }

  function showError(e) {
    error.textContent = e ? e.message : '';
    error.hidden = !e;
  }

  function cell(d) {
    const td = document.createElement('td');
    const span = document.createElement('span');
    const date = new Date(d.date + 'T00:00:00');
    const weekend = date.getDay() === 0 || date.getDay() === 6;
    span.className = 'day ' + (d.kind === 'HOLIDAY' ? 'holiday' : d.kind === 'WORKDAY' ? 'makeup' : weekend ? 'rest' : 'work');
    span.textContent = String(date.getDate());
    span.title = d.date + ' 星期' + d.weekday.slice(-1) + (d.name ? ' ' + d.name + '（' + d.kindLabel + '）' : '')
      + (d.working ? ' 工作日' : ' 休息日') + (d.listedBy === 'community' ? ' · 本社区' : '');
    td.appendChild(span);
    return td;
  }

  function render(y) {
    document.getElementById('title').textContent = y.year + '年' + (y.community ? '（社区 ' + y.community + '）' : '（全国）');
    document.getElementById('summary').textContent = (y.loaded
      ? '已载入：' + (y.source || '国务院办公厅节假日安排')
      : '尚未载入该年的节假日安排：按周一至周五上班计算，请尽快载入。')
      + (y.loaded ? '。' : '') + '全年工作日 ' + y.workingDays + ' 天；工作时间 ' + y.workingHours + '。';
    const months = document.getElementById('months');
    months.replaceChildren();
    for (let m = 1; m <= 12; m++) {
      const days = y.days.filter(d => Number(d.date.slice(5, 7)) === m);
      const box = document.createElement('div');
      box.className = 'month';
      const h = document.createElement('h3');
      h.textContent = m + '月';
      const table = document.createElement('table');
      const head = table.insertRow();
      WEEK.forEach(w => { const th = document.createElement('th'); th.textContent = w; head.appendChild(th); });
      let row = table.insertRow();
      const first = (new Date(days[0].date + 'T00:00:00').getDay() + 6) % 7;
      for (let i = 0; i < first; i++) row.appendChild(document.createElement('td'));
      days.forEach(d => {
        if (row.cells.length === 7) row = table.insertRow();
        row.appendChild(cell(d));
      });
      box.append(h, table);
      months.appendChild(box);
    }
  }

  async function load() {
    const data = new FormData(filters);
    const q = data.get('community') ? '?community=' + encodeURIComponent(data.get('community')) : '';
    try {
      showError(null);
      render(await get('/' + encodeURIComponent(data.get('year')) + q));
    } catch (e) {
      showError(e);
    }
  }

  async function clocks() {
    const select = preview.elements.clock;
    try {
      (await get('/sla/clocks')).forEach(c => {
        const o = document.createElement('option');
        o.value = c.key;
        o.textContent = (c.label ? c.label + ' ' : '') + c.key + '（' + c.lengthLabel + '）';
        select.appendChild(o);
      });
    } catch (e) {
      showError(e);
    }
  }

  filters.addEventListener('submit', e => { e.preventDefault(); load(); });
  preview.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new FormData(preview);
    const community = new FormData(filters).get('community');
    const q = new URLSearchParams({ clock: data.get('clock') });
    if (data.get('from')) q.set('from', data.get('from'));
    if (community) q.set('community', community);
    try {
      showError(null);
      const p = await get('/sla/due-preview?' + q.toString());
      document.getElementById('due').textContent =
        '从 ' + p.fromLabel + ' 起算' + p.lengthLabel + '，到期于 ' + p.dueLabel + '（北京时间）';
    } catch (err) {
      showError(err);
    }
  });

  filters.elements.year.value = new Date().getFullYear();
  clocks();
  load();
})();
