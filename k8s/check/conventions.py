# Checks rendered kustomize output (k8s/check/run) for what the manifests must hold; a misspelled field shows up as
# missing. Usage: conventions.py rendered.yaml...   (conventions_test.py breaks a copy on purpose and expects errors)
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROUTES = os.path.join(HERE, '..', '..', 'deploy', 'routes.txt')
SECRETS_EXAMPLE = os.path.join(HERE, '..', 'base', 'secrets.example.env')
# Deployments whose replica count belongs to a HorizontalPodAutoscaler (hpa.yaml).
AUTOSCALED = {'cart-service', 'chat-service'}
# Our four services: each has a PodDisruptionBudget.
SERVICES = {'commerce-gateway', 'verification-service', 'cart-service', 'chat-service'}


def read_routes(path=ROUTES):
    """deploy/routes.txt: (path, match, service) per line; '#' starts a comment."""
    routes = []
    for line in open(path):
        line = line.split('#', 1)[0].strip()
        if line:
            p, match, service = line.split()
            routes.append((p, {'prefix': 'Prefix', 'exact': 'Exact'}[match], service))
    return routes


def read_secret_keys(path=SECRETS_EXAMPLE):
    return {l.split('=')[0].lstrip('# ').strip() for l in open(path) if re.match(r'^#? ?[A-Z_]+=', l)}


def check_docs(docs, routes, secret_keys, where_file='rendered'):
    errors = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    cms = [d for d in docs if d['kind'] == 'ConfigMap' and d['metadata']['name'] == 'csc-config']
    check(len(cms) == 1, where_file + ' ConfigMap csc-config')
    cm = cms[0]['data'] if cms else {}
    svcs = {d['metadata']['name']: d for d in docs if d['kind'] == 'Service'}
    hpas = {d['spec']['scaleTargetRef']['name']: d for d in docs if d['kind'] == 'HorizontalPodAutoscaler'}
    for d in docs:
        md = d['metadata']
        where = f"{where_file}:{d['kind']}/{md['name']}"
        if d['kind'] in ('Deployment', 'StatefulSet'):
            pod = d['spec']['template']['spec']
            psc = pod.get('securityContext', {})
            volumes = {v['name']: v for v in pod.get('volumes', [])}
            volumes.update({t['metadata']['name']: t for t in d['spec'].get('volumeClaimTemplates', [])})
            check(pod.get('automountServiceAccountToken') is False, where + ' automountServiceAccountToken')
            check(psc.get('seccompProfile', {}).get('type') == 'RuntimeDefault', where + ' seccomp')
            for c in pod['containers']:
                sc = c.get('securityContext', {})
                cw = f"{where}/{c['name']}"
                check(sc.get('runAsNonRoot', psc.get('runAsNonRoot')) is True, cw + ' runAsNonRoot')
                check(sc.get('allowPrivilegeEscalation') is False, cw + ' allowPrivilegeEscalation')
                check(sc.get('readOnlyRootFilesystem') is True, cw + ' readOnlyRootFilesystem')
                check(sc.get('capabilities', {}).get('drop') == ['ALL'], cw + ' capabilities drop ALL')
                check(not sc.get('capabilities', {}).get('add'), cw + ' adds capabilities')
                check(not sc.get('privileged'), cw + ' privileged')
                res = c.get('resources', {})
                check({'cpu', 'memory'} <= set(res.get('requests', {})) and
                      {'cpu', 'memory'} <= set(res.get('limits', {})), cw + ' resources requests/limits cpu+memory')
                for probe in ('startupProbe', 'livenessProbe', 'readinessProbe'):
                    check(probe in c, cw + ' ' + probe)
                for vm in c.get('volumeMounts', []):
                    check(vm['name'] in volumes, cw + ' mounts undeclared volume ' + vm['name'])
                for e in c.get('env', []):
                    vf = e.get('valueFrom', {})
                    if 'configMapKeyRef' in vf:
                        r = vf['configMapKeyRef']
                        check(r['name'] == 'csc-config' and (r['key'] in cm or r.get('optional')),
                              cw + ' cm key ' + r['key'])
                    if 'secretKeyRef' in vf:
                        r = vf['secretKeyRef']
                        check(r['name'] == 'csc-secrets' and r['key'] in secret_keys, cw + ' secret key ' + r['key'])
            if md['labels'].get('app.kubernetes.io/component') == 'api':
                c = pod['containers'][0]
                check(md['name'] in SERVICES, where + ' unknown service')
                check(pod.get('serviceAccountName') == md['name'], where + ' serviceAccountName')
                check(psc.get('runAsUser') == 185, where + ' uid 185')
                check(c.get('startupProbe', {}).get('httpGet', {}).get('path') == '/q/health/started', where + ' startup path')
                check(c.get('livenessProbe', {}).get('httpGet', {}).get('path') == '/q/health/live', where + ' liveness path')
                check(c.get('readinessProbe', {}).get('httpGet', {}).get('path') == '/q/health/ready', where + ' readiness path')
                # Quarkus (JVM hsperfdata, Vert.x file cache) writes to java.io.tmpdir: a writable emptyDir there.
                tmp = [v for v in c.get('volumeMounts', []) if v['mountPath'] == '/tmp']
                check(tmp and 'emptyDir' in volumes.get(tmp[0]['name'], {}), where + ' /tmp emptyDir')
                check(d['spec']['template']['metadata']['labels'].get('app.kubernetes.io/part-of') == 'customer-service-chat', where + ' part-of')
                check(md['name'] in svcs, where + ' has Service')
                if md['name'] in svcs:
                    port = c['ports'][0]['containerPort']
                    check(svcs[md['name']]['spec']['ports'][0]['port'] == port, where + ' service port')
                    check(svcs[md['name']]['spec']['ports'][0].get('name') == 'http', where + ' service port name http')
                    check(f"{md['name']}:{port}" in ' '.join(map(str, cm.values())), where + ' peer URL in ConfigMap')
                if md['name'] in AUTOSCALED:
                    check('replicas' not in d['spec'], where + ' replicas must be left to the HPA')
                    check(md['name'] in hpas, where + ' has no HorizontalPodAutoscaler')
        if d['kind'] == 'Ingress':
            entries = [(p['path'], p['pathType'], p['backend']['service']['name'])
                       for r in d['spec']['rules'] for p in r['http']['paths']]
            paths = [e[0] for e in entries]
            check(not any(p == '/' or p.startswith(('/internal', '/q/')) or p in ('/q', '/api') for p in paths),
                  where + ' exposes an internal or broad path')
            check(len(paths) == len(set(paths)), where + ' a path twice')
            # Exactly deploy/routes.txt: the same paths, match types and services, nothing more, nothing less.
            for e in sorted(set(routes) - set(entries)):
                errors.append(f"{where} misses route {e} of deploy/routes.txt")
            for e in sorted(set(entries) - set(routes)):
                errors.append(f"{where} route {e} is not in deploy/routes.txt")
            for r in d['spec']['rules']:
                for p in r['http']['paths']:
                    b = p['backend']['service']
                    check(b['name'] in svcs, where + ' backend ' + b['name'])
                    check(b.get('port', {}).get('name') == 'http', where + ' backend port ' + str(b.get('port')))
        if d['kind'] == 'HorizontalPodAutoscaler':
            check(d['spec']['scaleTargetRef']['name'] in AUTOSCALED, where + ' target')
            check(d['spec']['minReplicas'] >= 1 and d['spec']['maxReplicas'] >= d['spec']['minReplicas'], where + ' bounds')
    check(set(hpas) == AUTOSCALED, where_file + ' HPAs ' + str(sorted(hpas)))
    pdbs = {d['spec']['selector']['matchLabels'].get('app.kubernetes.io/name') for d in docs if d['kind'] == 'PodDisruptionBudget'}
    check(pdbs == SERVICES, where_file + ' PDBs ' + str(sorted(pdbs)))
    check(sum(d['kind'] == 'Ingress' for d in docs) == 1, where_file + ' one Ingress')
    check(not any(d['kind'] == 'Secret' for d in docs), where_file + ' ships a Secret')
    return errors


def main(files):
    routes, keys, errors = read_routes(), read_secret_keys(), []
    errors += [f'deploy/routes.txt makes {r[0]} public' for r in routes
               if r[0] == '/' or r[0] in ('/q', '/internal') or r[0].startswith(('/q/', '/internal/'))]
    for f in files:
        errors += check_docs([d for d in yaml.safe_load_all(open(f)) if d], routes, keys, f)
    print('\n'.join(errors) or 'conventions OK', f'({len(files)} files, {len(routes)} routes)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
