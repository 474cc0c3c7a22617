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

  // Edit mode: the manage page links here with #manage=ID&t=TOKEN (a fragment, so the token never reaches a
  // server log or a Referer); the alert is read with that token, shown in the form, and saved with PUT.
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const editing = params.get('manage') ? {id: params.get('manage'), token: params.get('t')} : null;
  let before = null;
  const summary = c => ({roles: (c.tiers || []).slice().sort().join(','), levels: (c.levels || []).slice().sort().join(','),
    'work modes': (c.workModes || []).slice().sort().join(','), countries: (c.countries || []).slice().sort().join(','),
    places: (c.locations || []).slice().sort().join(';'), 'minimum pay': String(c.minAnnualSalary || '') + (c.salaryCurrency || ''),
    'words to mention': (c.includeKeywords || []).join(','), 'words to leave out': (c.excludeKeywords || []).join(','),
    'companies to leave out': (c.excludeCompanies || []).join(',')});
  if (editing) {
    document.querySelector('h1').textContent = 'Edit your job alert';
    f.querySelector('button[type=submit]').textContent = 'Save changes';
    fetch('/api/subscriptions/' + encodeURIComponent(editing.id), {headers: {Authorization: 'Bearer ' + editing.token}})
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(s => {
        const c = s.criteria || {};
        before = summary(c);
        f.email.value = s.email || '';
        const tick = (name, values) => f.querySelectorAll('input[name="' + name + '"]').forEach(i => {
          i.checked = (values || []).map(v => String(v).toLowerCase()).includes(i.value); });
        tick('tiers', c.tiers); tick('levels', c.levels); tick('workModes', c.workModes);
        f.countries.value = (c.countries || []).slice().sort().join(', ');
        f.locations.value = (c.locations || []).join('; ');
        f.includeKeywords.value = (c.includeKeywords || []).join(', ');
        f.excludeKeywords.value = (c.excludeKeywords || []).join(', ');
        f.excludeCompanies.value = (c.excludeCompanies || []).join(', ');
        if (c.minAnnualSalary) {
          f.salaryCurrency.value = c.salaryCurrency;
          f.minAnnualSalary.value = c.salaryCurrency === 'INR' ? c.minAnnualSalary / 100000 : c.minAnnualSalary;
          f.salaryCurrency.dispatchEvent(new Event('change'));
        }
        f.frequency.value = String(s.frequency || 'instant').toLowerCase();
        if (s.digestHour != null) f.digestHour.value = String(s.digestHour);
        if (s.timeZone) f.timeZone.value = s.timeZone;
        digestShown();
      })
      .catch(() => { out.className = 'problem'; out.textContent = 'This manage link is not valid any more.'; });
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
      r = editing
        ? await fetch('/api/subscriptions/' + encodeURIComponent(editing.id), {method: 'PUT',
            headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + editing.token}, body: JSON.stringify(body)})
        : await fetch('/api/subscriptions', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify(body)});
    } catch (e) {
      out.textContent = 'The alert service did not answer. Please try again in a minute.';
      return;
    }
    const j = await r.json().catch(() => ({}));
    if (r.ok && editing) {
      showErrors([]);
      const after = summary(j.criteria || {});
      const changed = Object.keys(after).filter(k => before && after[k] !== before[k]);
      before = after;
      out.className = 'ok';
      out.textContent = changed.length ? 'Saved. Changed: ' + changed.join(', ') + '.' : 'Saved. Nothing changed.';
      if (j.liveFits != null) {
        out.textContent += ' ' + j.liveFits + (j.liveFits === 1 ? ' live job fits' : ' live jobs fit') + ' it now'
          + (changed.length && j.liveFits ? '; the ones you have not had come in one email.' : '.');
      }
      if (j.placesWithNoJob && j.placesWithNoJob.length) {
        out.textContent += ' No live job is in ' + j.placesWithNoJob.join(', ') + ' at the moment; the alert still watches for it.';
      }
      if (j.next) out.textContent += ' ' + j.next;
    } else if (r.ok) {
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
