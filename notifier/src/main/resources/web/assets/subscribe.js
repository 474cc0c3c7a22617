// The subscribe form: posts JSON to the API and shows what to do next.
document.getElementById('f').addEventListener('submit', async e => {
  e.preventDefault();
  const f = e.target, body = {email: f.email.value, frequency: f.frequency.value,
    tiers: [...f.tiers.selectedOptions].map(o => o.value),
    countries: f.countries.value.split(',').map(s => s.trim()).filter(s => s),
    locations: f.locations.value.split(';').map(s => s.trim()).filter(s => s),
    bands: [...f.bands.selectedOptions].map(o => o.value)};
  if (f.minAnnualSalary.value) { body.minAnnualSalary = Number(f.minAnnualSalary.value); body.salaryCurrency = f.salaryCurrency.value; }
  const r = await fetch('/api/subscriptions', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  const j = await r.json();
  document.getElementById('out').textContent = r.ok ? 'Almost done: ' + j.next : 'Please fix ' + j.error;
});
