import subprocess,re,html,csv,sys
exec(open('labels.py').read())
pool=[l.rstrip('\n').split('\t') for l in open('pool.tsv')]
d='/work/.mirror/astockwell+dh-careers-java/repo'
c=subprocess.check_output(['git','-C',d,'rev-parse','HEAD']).decode().strip()
t=subprocess.check_output(['git','-C',d,'show','HEAD:static/js/data.js']).decode()
seen={x[0].lower() for x in pool}
for x in re.findall(r'"title":"<a [^>]*>(.*?)</a>"',t):
    x=html.unescape(x.replace('\\','')).strip()
    if x.lower() in seen: continue
    seen.add(x.lower()); pool.append([x,f'astockwell/dh-careers-java@{c}:static/js/data.js'])
TEST_SOURCES=('astockwell/dh-careers-java','parishinde/','PoorvalDhotre/','Clairevoyanceee/',
  'jobs_department_of_state','jobs_national_aeronautics','jobs_legislative_branch')
used=set()
with open('titles-real.tsv','w') as f:
    f.write('# title\ttier\tlevel\tsplit\tsource (owner/repo@commit:path)\n')
    for title,src in pool:
        tier,level=HAND.get(title,('none','-'))
        if title in HAND: used.add(title)
        split='test' if any(s in src for s in TEST_SOURCES) else 'dev'
        f.write(f'{title}\t{tier}\t{level}\t{split}\t{src}\n')
missing=set(HAND)-used
print('rows',len(pool),'missing labels',missing)
