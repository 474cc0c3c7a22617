# Labels the UK pay strings of the Adzuna "Job Salary Prediction" sample (SalaryRaw) for pay-strings-real.tsv.
#
# Source: VahidHedley/Predict-Salaries-from-Text@<HEAD>:Train_rev1.csv (2,499 UK postings of 2013, each with the job
# board it came from, SourceName, and Adzuna's own annual figure, SalaryNormalized). Run from this folder with the
# repository mirrored by the search tool's fetch; prints the rows, which are appended to pay-strings-real.tsv.
#
# The labels are read from the string's own notation here, independently of the project's parser, and each one is
# checked against SalaryNormalized: Adzuna reports the middle of the range a year, an hour counted as 1/1920 of a
# year (40 hours x 48 weeks), a day as 1/240, a week as 1/48 and a month as 1/12. A row whose reading disagrees with
# Adzuna's figure is labelled by hand in HAND below, or left out when a person could not say what was meant (LEFT_OUT).
# Strings with "$" or "USD" on a UK board are left out: their currency cannot be told.
#
# Split by job board, before any tuning: careworx.co.uk and cv-library.co.uk are the dev part, every other board is
# the test part.
import csv, re, subprocess, sys

REPO = '/work/.mirror/VahidHedley+Predict-Salaries-from-Text/repo'
DEV_BOARDS = {'careworx.co.uk', 'cv-library.co.uk'}
FACTOR = {'YEAR': 1, 'HOUR': 1920, 'DAY': 240, 'WEEK': 48, 'MONTH': 12}
PERIOD_WORDS = [
    ('HOUR', r'per hour|/hour|/hr|p\.?\s?h\b|p/h|ph\b|an hour|hourly|per hr|p\.hr'),
    ('DAY', r'per day|/day|p/d|pd\b|a day|daily'),
    ('WEEK', r'per week|/week|p/w|pw\b|a week|weekly'),
    ('MONTH', r'per month|/month|pcm|p/m|a month|monthly'),
    ('YEAR', r'per year|per annum|/annum|/year|p\.?\s?a\.?\b|pa\b|a year|annual|yearly|per anum'),
]
NUM = r'(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k)?'

# Read by hand: text -> (period, min, max); None for an open end.
HAND = {
    '30-45000': ('YEAR', 30000, 45000),
    '10,000+': ('YEAR', 10000, None),
    'To 55k plus excellent benefits': ('YEAR', None, 55000),
    'Basic to 115,000 + excellent bonus': ('YEAR', None, 115000),
    '50000-60000 - OTE 120,000': ('YEAR', 50000, 60000),
    'to 35.00 per hour': ('HOUR', None, 35),
    'to 35 per hour': ('HOUR', None, 35),
    'to 8.50 per hour': ('HOUR', None, 8.5),
    '7 per hour to 8.50 per hour per hour': ('HOUR', 7, 8.5),
    '10p/hr to 11p/hr per hour': ('HOUR', 10, 11),
    '8p/hr to 9p/hr per hour': ('HOUR', 8, 9),
    '90 per day to 120 per day per year': ('DAY', 90, 120),
    '17.00ph to 27.20ph per hour': ('HOUR', 17, 27.2),
    '16.00ph to 22.00ph per hour': ('HOUR', 16, 22),
    '7.46 plus enhancements to 9.25 per hour': ('HOUR', 7.46, 9.25),
    '15.15 ph to 16.65 ph per year': ('HOUR', 15.15, 16.65),
    '7.46 per hour to 9.25 per hour per hour': ('HOUR', 7.46, 9.25),
    '12.03 per hour to 12.44 per hour per year': ('HOUR', 12.03, 12.44),
    '7.20 ph to 8.80ph per hour': ('HOUR', 7.2, 8.8),
    '23 per hour LTD to 29 per hour LTD per hour': ('HOUR', 23, 29),
    '8.00 per hour to 8.00 per hour per hour': ('HOUR', 8, 8),
}
# Left out, with the reason printed at the end of the run.
LEFT_OUT = {
    '25,000 to 28,00 per year': 'a typing error in the maximum ("28,00")',
    '20 to 20800 per year': 'garbled range ("20 to 20800")',
    '0 to 13 per hour': 'a minimum of 0',
}


def amount(num, k):
    v = float(num.replace(',', ''))
    return v * 1000 if k else v


def read(text):
    """The first amount or range of the string and its period; None when there is no amount."""
    low = text.lower().replace('\u00a3', '')
    if re.search(r'\$|usd|eur|\u20ac', low):
        return 'currency'
    m = re.search(NUM + r'\s*(?:-|to|\u2013)\s*' + NUM, low)
    up = re.search(r'\b(?:up ?to|upto|to)\s*' + NUM, low)
    frm = re.search(r'\b(?:from|starting at|min(?:imum)?)\s*' + NUM, low)
    single = re.search(NUM, low)
    if m and (not up or m.start() <= up.start()):
        lo, hi = amount(m.group(1), m.group(2) or m.group(4)), amount(m.group(3), m.group(4))
        where = m.end()
    elif up and (not single or up.start() <= single.start() + 5):
        lo, hi = None, amount(up.group(1), up.group(2))
        where = up.end()
    elif frm:
        lo, hi = amount(frm.group(1), frm.group(2)), None
        where = frm.end()
    elif single:
        lo = hi = amount(single.group(1), single.group(2))
        where = single.end()
    else:
        return None
    rest = low[where:]
    period = None
    best = None
    for p, rx in PERIOD_WORDS:
        pm = re.search(rx, rest)
        if pm and (best is None or pm.start() < best):
            best, period = pm.start(), p
    if period is None:
        ref = hi if hi is not None else lo
        period = 'YEAR' if ref >= 1000 else None
    return period, lo, hi


def agrees(reading, normalized):
    period, lo, hi = reading
    if period is None:
        return False
    vals = [v for v in (lo, hi) if v is not None]
    mid = sum(vals) / len(vals)
    return abs(mid * FACTOR[period] - normalized) <= max(1.0, normalized * 0.005)


def plain(v):
    if v is None:
        return '-'
    return str(int(v)) if v == int(v) else ('%.2f' % v).rstrip('0').rstrip('.')


def main():
    commit = subprocess.check_output(['git', '-C', REPO, 'rev-parse', 'HEAD']).decode().strip()
    data = subprocess.check_output(['git', '-C', REPO, 'show', 'HEAD:Train_rev1.csv']).decode('utf-8')
    origin = f'VahidHedley/Predict-Salaries-from-Text@{commit}:Train_rev1.csv'
    seen = set()
    out, disagree, dropped = [], [], []
    for row in csv.DictReader(data.splitlines(True)):
        text = ' '.join(row['SalaryRaw'].split())
        if not text or text in seen:
            continue
        seen.add(text)
        split = 'dev' if row['SourceName'] in DEV_BOARDS else 'test'
        if text in LEFT_OUT:
            dropped.append((text, LEFT_OUT[text]))
            continue
        if text in HAND:
            reading = HAND[text]
        else:
            reading = read(text)
            if reading == 'currency':
                dropped.append((text, 'a dollar amount on a UK board: currency unknown'))
                continue
            if reading is None or not agrees(reading, float(row['SalaryNormalized'])):
                disagree.append((text, reading, row['SalaryNormalized'], row['SourceName']))
                continue
        period, lo, hi = reading
        out.append(f'{text}\tGB\tGBP\t{period}\t{plain(lo)}\t{plain(hi)}\t{split}\t{origin}')
    for line in out:
        print(line)
    for d in disagree:
        print('DISAGREE', d, file=sys.stderr)
    for d in dropped:
        print('LEFT OUT', d, file=sys.stderr)
    print(f'rows {len(out)} disagree {len(disagree)} left out {len(dropped)}', file=sys.stderr)


if __name__ == '__main__':
    main()
