# Proves that conventions.py catches what it is meant to: each case breaks one thing in a copy of a rendered overlay
# and expects exactly that error; the unbroken copy must pass. Usage: conventions_test.py rendered.yaml
import copy
import sys

import yaml

import conventions

docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
routes, keys = conventions.read_routes(), conventions.read_secret_keys()


def find(kind, name):
    return next(d for d in docs if d['kind'] == kind and d['metadata']['name'] == name)


def container(d):
    return d['spec']['template']['spec']['containers'][0]


def ingress_paths(d):
    return d['spec']['rules'][0]['http']['paths']


def case(name, expect, mutate):
    broken = copy.deepcopy(docs)
    mutate(lambda kind, n: next(d for d in broken if d['kind'] == kind and d['metadata']['name'] == n), broken)
    errors = conventions.check_docs(broken, routes, keys)
    ok = any(expect in e for e in errors)
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else f': expected "{expect}" in {errors}'))
    return ok


unbroken = conventions.check_docs(docs, routes, keys)
print('ok   the unbroken copy passes' if not unbroken else f'FAIL the unbroken copy: {unbroken}')
results = [not unbroken]
results += [
    case('no startupProbe', 'chat-service/chat-service startupProbe',
         lambda f, b: container(f('Deployment', 'chat-service')).pop('startupProbe')),
    case('no readinessProbe', 'commerce-gateway/commerce-gateway readinessProbe',
         lambda f, b: container(f('Deployment', 'commerce-gateway')).pop('readinessProbe')),
    case('writable root filesystem', 'readOnlyRootFilesystem',
         lambda f, b: container(f('Deployment', 'cart-service'))['securityContext'].update(readOnlyRootFilesystem=False)),
    case('privilege escalation', 'allowPrivilegeEscalation',
         lambda f, b: container(f('Deployment', 'cart-service'))['securityContext'].pop('allowPrivilegeEscalation')),
    case('capabilities kept', 'capabilities drop ALL',
         lambda f, b: container(f('Deployment', 'chat-service'))['securityContext']['capabilities'].update(drop=['NET_RAW'])),
    case('root allowed', 'runAsNonRoot',
         lambda f, b: (f('Deployment', 'verification-service')['spec']['template']['spec']['securityContext'].pop('runAsNonRoot'),
                       container(f('Deployment', 'verification-service'))['securityContext'].pop('runAsNonRoot', None))),
    case('no memory limit', 'resources',
         lambda f, b: container(f('Deployment', 'chat-service'))['resources']['limits'].pop('memory')),
    case('/tmp not an emptyDir', '/tmp emptyDir',
         lambda f, b: f('Deployment', 'chat-service')['spec']['template']['spec']['volumes'].__setitem__(
             0, {'name': 'tmp', 'configMap': {'name': 'csc-config'}})),
    case('replicas beside the HPA', 'replicas must be left to the HPA',
         lambda f, b: f('Deployment', 'chat-service')['spec'].update(replicas=2)),
    case('chat-service HPA missing', "HPAs ['cart-service']",
         lambda f, b: b.remove(f('HorizontalPodAutoscaler', 'chat-service'))),
    case('chat-service PDB missing', 'PDBs',
         lambda f, b: b.remove(f('PodDisruptionBudget', 'chat-service'))),
    case('/q routed', 'exposes an internal or broad path',
         lambda f, b: ingress_paths(f('Ingress', 'csc')).append(
             {'path': '/q', 'pathType': 'Prefix', 'backend': {'service': {'name': 'chat-service', 'port': {'name': 'http'}}}})),
    case('/internal routed', 'exposes an internal or broad path',
         lambda f, b: ingress_paths(f('Ingress', 'csc')).append(
             {'path': '/internal/tenants', 'pathType': 'Prefix', 'backend': {'service': {'name': 'commerce-gateway', 'port': {'name': 'http'}}}})),
    case('route missing', "misses route ('/admin', 'Prefix', 'commerce-gateway')",
         lambda f, b: ingress_paths(f('Ingress', 'csc')).remove(next(p for p in ingress_paths(f('Ingress', 'csc')) if p['path'] == '/admin'))),
    case('route to the wrong service', "route ('/api/admin/chat', 'Prefix', 'commerce-gateway') is not in",
         lambda f, b: next(p for p in ingress_paths(f('Ingress', 'csc')) if p['path'] == '/api/admin/chat')['backend']['service'].update(name='commerce-gateway')),
    case('wrong match type', "route ('/embed.js', 'Prefix', 'chat-service') is not in",
         lambda f, b: next(p for p in ingress_paths(f('Ingress', 'csc')) if p['path'] == '/embed.js').update(pathType='Prefix')),
    case('secret key not in secrets.example.env', 'secret key NOT_A_KEY',
         lambda f, b: container(f('Deployment', 'chat-service'))['env'].append(
             {'name': 'X', 'valueFrom': {'secretKeyRef': {'name': 'csc-secrets', 'key': 'NOT_A_KEY'}}})),
    case('a Secret in the output', 'ships a Secret',
         lambda f, b: b.append({'kind': 'Secret', 'metadata': {'name': 'csc-secrets'}})),
]
print(f'{sum(results)} passed, {len(results) - sum(results)} failed')
sys.exit(0 if all(results) else 1)
