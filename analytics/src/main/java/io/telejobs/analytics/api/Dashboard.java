package io.telejobs.analytics.api;

/** The dashboard page: markup only; the script and styles are files (strict CSP, no inline script or style). */
final class Dashboard {
  private Dashboard() {}

  static String page() {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Telehealth PM job market</title>
        <link rel="stylesheet" href="/assets/dashboard.css"></head><body>
        <header><h1>Telehealth project-management job market</h1>
        <p class="lead">Matched jobs by tier, level, pay, place and employer. <span id="sample" class="sample" hidden></span></p></header>
        <form id="filters" class="filters">
          <label>From <input type="date" name="from" id="from"></label>
          <label>To <input type="date" name="to" id="to"></label>
          <label>Every <select name="interval" id="interval"><option value="day">day</option>
            <option value="week" selected>week</option><option value="month">month</option></select></label>
          <label>Country <select name="country" id="country"><option value="">any</option><option>US</option>
            <option>IN</option><option>GB</option><option>CA</option><option>AU</option></select></label>
          <label>Tier <select name="tier" id="tier"><option value="">any</option><option value="core">core</option>
            <option value="adjacent">adjacent</option><option value="pathway">pathway</option></select></label>
          <label>Level <select name="level" id="level"><option value="">any</option><option>entry</option>
            <option>mid</option><option>senior</option><option>lead</option></select></label>
          <label>Currency <select name="currency" id="currency"><option value="">any</option><option>USD</option>
            <option>INR</option><option>GBP</option><option>EUR</option></select></label>
        </form>
        <p id="status" role="status"></p>
        <main class="grid">
          <section class="card wide"><h2>New jobs, by tier <a class="csv" data-table="series" href="#">CSV</a></h2>
            <div class="chart" id="chart-new"></div></section>
          <section class="card wide"><h2>Live jobs, by tier <a class="csv" data-table="series" href="#">CSV</a></h2>
            <div class="chart" id="chart-live"></div></section>
          <section class="card wide"><h2>Yearly pay by level and currency <a class="csv" data-table="pay" href="#">CSV</a></h2>
            <div class="chart" id="chart-pay"></div></section>
          <section class="card"><h2>Remote, hybrid, on site <a class="csv" data-table="workModes" href="#">CSV</a></h2>
            <div class="chart" id="chart-modes"></div></section>
          <section class="card"><h2>Top employers <a class="csv" data-table="employers" href="#">CSV</a></h2>
            <div class="chart" id="chart-employers"></div></section>
          <section class="card"><h2>Top skills <a class="csv" data-table="skills" href="#">CSV</a></h2>
            <div class="chart" id="chart-skills"></div></section>
          <section class="card"><h2>Top certifications <a class="csv" data-table="certifications" href="#">CSV</a></h2>
            <div class="chart" id="chart-certs"></div></section>
          <section class="card wide"><h2>Latest matched jobs <a class="csv" id="jobs-csv" href="#">CSV</a></h2>
            <table id="latest"><thead><tr><th>First seen</th><th>Job</th><th>Employer</th><th>Country</th><th>Mode</th>
            <th>Tier</th><th>Level</th></tr></thead><tbody></tbody></table></section>
        </main>
        <script src="/vendor/echarts/echarts.min.js"></script>
        <script src="/assets/dashboard.js"></script>
        </body></html>""";
  }
}
