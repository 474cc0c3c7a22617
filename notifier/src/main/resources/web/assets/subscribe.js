// The subscribe form: posts JSON to the API, shows each problem next to its field, and what to do next.
(function () {
  const f = document.getElementById('f');
  const out = document.getElementById('out');
  const list = (v, sep) => v.split(sep).map(s => s.trim()).filter(s => s);
  const ticked = name => [...f.querySelectorAll('input[name="' + name + '"]:checked')].map(i => i.value);

  for (let h = 0; h < 24; h++) {
    const o = document.createElement('option');
    o.value = String(h);
    o.textContent = String(h).padStart(2, '0') + ':00';
    if (h === 8) o.selected = true;
    f.digestHour.appendChild(o);
  }
  f.timeZone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const digestShown = () => { f.querySelector('.digest').hidden = f.frequency.value === 'instant'; };
  f.frequency.addEventListener('change', digestShown);
  digestShown();
  f.salaryCurrency.addEventListener('change', () => {
    document.getElementById('payHint').textContent = f.salaryCurrency.value === 'INR'
      ? 'In lakh rupees a year: 10 means ₹10 lakh (₹10,00,000) a year.'
      : 'A yearly amount, such as 90000.';
  });

  function showErrors(errors) {
    f.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
    for (const e of errors) {
      const name = e.field.replace(/^criteria\./, '').replace(/\[\d+\]$/, '');
      const slot = f.querySelector('.error[data-for="' + name + '"]');
      if (slot) slot.textContent = slot.textContent ? slot.textContent + ' ' + e.message : e.message;
      else out.textContent += ' ' + e.message;
    }
  }

  f.addEventListener('submit', async ev => {
    ev.preventDefault();
    out.textContent = '';
    const body = {email: f.email.value.trim(), frequency: f.frequency.value, tiers: ticked('tiers'),
      levels: ticked('levels'), workModes: ticked('workModes'), countries: list(f.countries.value, ','),
      locations: list(f.locations.value, ';'), includeKeywords: list(f.includeKeywords.value, ','),
      excludeKeywords: list(f.excludeKeywords.value, ','), excludeCompanies: list(f.excludeCompanies.value, ',')};
    if (f.frequency.value !== 'instant') {
      body.digestHour = Number(f.digestHour.value);
      body.timeZone = f.timeZone.value.trim();
    }
    if (f.minAnnualSalary.value) {
      const n = Number(f.minAnnualSalary.value);
      body.salaryCurrency = f.salaryCurrency.value;
      body.minAnnualSalary = f.salaryCurrency.value === 'INR' ? Math.round(n * 100000) : n;
    }
    let r;
    try {
      r = await fetch('/api/subscriptions', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
    } catch (e) {
      out.textContent = 'The alert service did not answer. Please try again in a minute.';
      return;
    }
    const j = await r.json().catch(() => ({}));
    if (r.ok) {
      showErrors([]);
      out.textContent = j.same ? 'You already have this alert: ' + (j.next || '') : 'Almost done: ' + j.next;
      out.className = 'ok';
    } else {
      out.className = 'problem';
      out.textContent = 'Please fix the fields marked below.';
      showErrors(j.errors || [{field: '', message: j.error || 'The request was refused.'}]);
    }
  });
})();
