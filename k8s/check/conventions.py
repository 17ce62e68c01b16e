# Checks rendered kustomize output for what DESIGN.md and STYLE.md require of the manifests (k8s/check/run);
# a misspelled field shows up as missing.
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
secret_keys = {l.split('=')[0].lstrip('# ').strip() for l in open(os.path.join(HERE, '..', 'base', 'secrets.example.env'))
               if re.match(r'^#? ?[A-Z_]+=', l)}
errors = []
def check(cond, msg):
    if not cond: errors.append(msg)
for f in sys.argv[1:]:
    docs = list(yaml.safe_load_all(open(f)))
    cm = next(d for d in docs if d['kind'] == 'ConfigMap' and d['metadata']['name'] == 'csc-config')['data']
    svcs = {d['metadata']['name']: d for d in docs if d['kind'] == 'Service'}
    for d in docs:
        md = d['metadata']; where = f"{f}:{d['kind']}/{md['name']}"
        if d['kind'] in ('Deployment', 'StatefulSet'):
            pod = d['spec']['template']['spec']; psc = pod.get('securityContext', {})
            check(pod.get('automountServiceAccountToken') is False, where + ' automountServiceAccountToken')
            check(psc.get('runAsNonRoot') is True, where + ' runAsNonRoot')
            check(psc.get('seccompProfile', {}).get('type') == 'RuntimeDefault', where + ' seccomp')
            for c in pod['containers']:
                sc = c.get('securityContext', {})
                check(sc.get('allowPrivilegeEscalation') is False, where + ' allowPrivilegeEscalation')
                check(sc.get('readOnlyRootFilesystem') is True, where + ' readOnlyRootFilesystem')
                check(sc.get('capabilities', {}).get('drop') == ['ALL'], where + ' capabilities')
                check({'cpu', 'memory'} <= set(c['resources'].get('requests', {})) and
                      {'cpu', 'memory'} <= set(c['resources'].get('limits', {})), where + ' resources')
                for e in c.get('env', []):
                    vf = e.get('valueFrom', {})
                    if 'configMapKeyRef' in vf:
                        r = vf['configMapKeyRef']
                        check(r['name'] == 'csc-config' and (r['key'] in cm or r.get('optional')), where + ' cm key ' + r['key'])
                    if 'secretKeyRef' in vf:
                        r = vf['secretKeyRef']
                        check(r['name'] == 'csc-secrets' and r['key'] in secret_keys, where + ' secret key ' + r['key'])
            if md['labels'].get('app.kubernetes.io/component') == 'api':
                c = pod['containers'][0]
                check(pod.get('serviceAccountName') == md['name'], where + ' serviceAccountName')
                check(psc.get('runAsUser') == 185, where + ' uid 185')
                check(c['startupProbe']['httpGet']['path'] == '/q/health/started', where + ' startup')
                check(c['livenessProbe']['httpGet']['path'] == '/q/health/live', where + ' liveness')
                check(c['readinessProbe']['httpGet']['path'] == '/q/health/ready', where + ' readiness')
                check(any(v['mountPath'] == '/tmp' for v in c['volumeMounts']), where + ' /tmp')
                check(d['spec']['template']['metadata']['labels'].get('app.kubernetes.io/part-of') == 'customer-service-chat', where + ' part-of')
                check(md['name'] in svcs, where + ' has Service')
                port = c['ports'][0]['containerPort']
                check(svcs[md['name']]['spec']['ports'][0]['port'] == port, where + ' service port')
                check(f"{md['name']}:{port}" in ' '.join(cm.values()) or md['name'] == 'commerce-gateway' and 'commerce-gateway:8081' in cm['COMMERCE_GATEWAY_URL'], where + ' peer URL in ConfigMap')
        if d['kind'] == 'Ingress':
            paths = [p['path'] for r in d['spec']['rules'] for p in r['http']['paths']]
            check(not any(p.startswith('/internal') or p in ('/', '/api', '/q') for p in paths), where + ' exposes internal/broad path')
            # The public routes of DESIGN.md.
            check(sorted(paths) == sorted(['/api/woocommerce/stock', '/api/test-woocommerce', '/api/admin', '/api/webhooks/woocommerce',
                  '/api/carts/events', '/api/carts/unsubscribe', '/api/carts/stats', '/api/woocommerce/abandoned-carts',
                  '/api/chat', '/api/woocommerce/customer-action', '/api/privacy', '/api/admin/chat', '/embed.js', '/embed',
                  '/demo']), where + ' paths ' + str(paths))
            # chat-service's operator routes must be matched before the gateway's /api/admin
            check(paths.index('/api/admin/chat') < paths.index('/api/admin'), where + ' /api/admin/chat ahead of /api/admin')
            for r in d['spec']['rules']:
                for p in r['http']['paths']:
                    check(p['backend']['service']['name'] in svcs, where + ' backend ' + p['backend']['service']['name'])
        if d['kind'] == 'HorizontalPodAutoscaler':
            check(d['spec']['scaleTargetRef']['name'] == 'cart-service', where + ' target')
    deps = [d for d in docs if d['kind'] == 'Deployment' and d['metadata']['name'] == 'cart-service']
    check(deps and 'replicas' not in deps[0]['spec'], f + ' cart-service replicas must be left to the HPA')
    check(sum(d['kind'] == 'PodDisruptionBudget' for d in docs) == 4, f + ' PDBs')
    check(not any(d['kind'] == 'Secret' for d in docs), f + ' ships a Secret')
print('\n'.join(errors) or 'conventions OK', f'({len(sys.argv)-1} files)')
sys.exit(1 if errors else 0)
