# Labels the Indeed US pay strings of nathanasiou/job-postings (job_postings.csv, data-science searches on Indeed,
# salary column) for pay-strings-real.tsv. Indeed writes pay in one fixed notation: "$A - $B a year", "$A an hour",
# "From $A a year", "Up to $A an hour"; the labels are read from it here, independently of the project's parser.
# The whole source is in the test part (added after the parser was tuned; its misses were not looked at).
# Merge-conflict marker lines committed in the file are skipped. Prints the rows to append.
import csv, re, subprocess, sys

REPO = '/work/.mirror/nathanasiou+job-postings/repo'
NOTATION = re.compile(r'^(From |Up to )?\$([\d,]+(?:\.\d+)?)(?: - \$([\d,]+(?:\.\d+)?))? an? (year|hour|month|week|day)$')


def plain(v):
    return '-' if v is None else (str(int(v)) if v == int(v) else ('%.2f' % v).rstrip('0').rstrip('.'))


def main():
    commit = subprocess.check_output(['git', '-C', REPO, 'rev-parse', 'HEAD']).decode().strip()
    text = subprocess.check_output(['git', '-C', REPO, 'show', 'HEAD:job_postings.csv']).decode('utf-8')
    lines = [l for l in text.splitlines(True) if not re.match(r'^(<<<<<<<|=======|>>>>>>>)', l)]
    seen, unread = set(), []
    for row in csv.reader(lines[1:]):
        if len(row) < 5 or '$' not in row[4]:
            continue
        s = ' '.join(row[4].split())
        if s in seen:
            continue
        seen.add(s)
        m = NOTATION.match(s)
        if not m:
            unread.append(s)
            continue
        bound, a, b, period = m.groups()
        a = float(a.replace(',', ''))
        b = float(b.replace(',', '')) if b else None
        lo, hi = (a, b if b is not None else a)
        if bound == 'From ':
            hi = None
        elif bound == 'Up to ':
            lo = None
        print(f'{s}\tUS\tUSD\t{period.upper()}\t{plain(lo)}\t{plain(hi)}\ttest\t'
              f'nathanasiou/job-postings@{commit}:job_postings.csv')
    print(f'rows {len(seen) - len(unread)}; not in the notation: {unread}', file=sys.stderr)


if __name__ == '__main__':
    main()
