import csv, json, subprocess, re, collections, sys
csv.field_size_limit(10**9)
M='/work/.mirror/'
def show(repo, path):
    d=M+repo.replace('/','+')+'/repo'
    c=subprocess.check_output(['git','-C',d,'rev-parse','HEAD']).decode().strip()
    return c, subprocess.check_output(['git','-C',d,'show','HEAD:'+path]).decode('utf-8','replace')
rows=[]
def add(repo,path,titles):
    seen=set()
    for t in titles:
        t=(t or '').strip().replace('\t',' ').replace('\n',' ')
        if not t or t in seen: continue
        seen.add(t)
        rows.append((t, f'{repo}@{c}:{path}'))
import io
for dept in ['department_of_labor','department_of_commerce','department_of_energy','department_of_housing_and_urban_development','general_services_administration','department_of_state','national_aeronautics_and_space_administration','legislative_branch','department_of_education','executive_office_of_the_president','judicial_branch','court_services_and_offender_supervision_agency_for_dc']:
    p=f'tracking/public/data/raw_jobs/jobs_{dept}.json'
    c,txt=show('abigailhaddad/usajobs_historical',p)
    add('abigailhaddad/usajobs_historical',p,[j['position_title'] for j in json.loads(txt)])
for repo,path,col in [('parishinde/Marketplace-analysis_linktin','postings_utf8.csv','title'),
    ('Abhishek-2505/data_scientist_salary_proj','glassdoor_jobs.csv','Job Title'),
    ('PoorvalDhotre/salary_glassdoor_aus','glassdoor_jobs.csv','Job Title'),
    ('Clairevoyanceee/job_postings','job_postings.csv','job_title')]:
    c,txt=show(repo,path)
    add(repo,path,[r.get(col) for r in csv.DictReader(io.StringIO(txt.lstrip('\ufeff')))])
# dedupe titles across sources: first source wins
seen=set(); out=[]
for t,s in rows:
    k=t.lower()
    if k in seen: continue
    seen.add(k); out.append((t,s))
with open('pool.tsv','w') as f:
    for t,s in out: f.write(f'{t}\t{s}\n')
print(len(out)); print(collections.Counter(s.split('@')[0]+':'+s.split(':')[-1][-40:] for t,s in out))
