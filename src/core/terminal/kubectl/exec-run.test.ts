import { describe, expect, it } from 'vitest';
import { term, transcriptOf, type Transcript } from '../testing';

/**
 * `kubectl exec` and `kubectl run`, written from staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (`exec
 * [POD] [COMMAND] is not supported anymore`, `you must specify at least one command for the container`;
 * a failing command is reported as `command terminated with exit code N` and kubectl exits with N) and
 * pkg/cmd/run/run.go (`NAME is required for run`, `required flag(s) "image" not set`, `--rm should only be
 * used for attached containers`, `pod "%s" deleted from %s namespace` after an attached --rm pod,
 * `pod %s/%s terminated (Error)` and the container's exit status when its command fails), with the API
 * server's NotFound/AlreadyExists errors. The pod of `kubectl run` exists for that one command.
 */
const ROWS: Transcript[] = [
  ['exec runs the command in the pod: its policies and resolv.conf apply', 'kubectl exec web -n shop -- wget -qO- -T 2 http://api', undefined, 0, 'api-0\n', ''],
  ['exec: a failing command', 'kubectl exec web -n shop -- wget -qO- -T 2 http://db:5432', undefined, 1, '', 'wget: download timed out\ncommand terminated with exit code 1\n'],
  ['exec: sh -c runs its script', `kubectl exec api-1 -n shop -- sh -c 'nc -zv db 5432'`, undefined, 0, '', 'db (10.96.100.20:5432) open\n'],
  ['exec: busybox has no bash', 'kubectl exec toolbox -n shop -- bash', undefined, 126, '', 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n'],
  ['exec: an unknown pod', 'kubectl exec nope -n shop -- ls', undefined, 1, '', 'Error from server (NotFound): pods "nope" not found\n'],
  ['exec: no -- before the command', 'kubectl exec web -n shop ls', undefined, 1, '', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
  ['exec: no command', 'kubectl exec web -n shop', undefined, 1, '', 'error: you must specify at least one command for the container\n'],
  [
    'run: a one-shot busybox pod, deleted after its command',
    'kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- -T 2 http://api.shop',
    undefined,
    0,
    'api-0\npod "tmp" deleted from default namespace\n',
    '',
  ],
  [
    'run: the command fails, kubectl reports the pod and exits with its status',
    'kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- -T 2 http://db.shop:5432',
    undefined,
    1,
    'pod "tmp" deleted from default namespace\n',
    'wget: download timed out\npod default/tmp terminated (Error)\n',
  ],
  ['run: busybox has no curl', 'kubectl run tmp --image=busybox --rm -it --restart=Never -- curl http://api.shop', undefined, 127, 'pod "tmp" deleted from default namespace\n', 'sh: curl: not found\npod default/tmp terminated (Error)\n'],
  ['run: labels decide which policies select the pod', 'kubectl run tmp -n shop --labels=app=api --image=curlimages/curl --rm -it --restart=Never -- nc -zv -w 2 db 5432', undefined, 0, 'pod "tmp" deleted from shop namespace\n', 'db (10.96.100.20:5432) open\n'],
  ['run: no name', 'kubectl run --image=busybox', undefined, 1, '', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
  ['run: no image', 'kubectl run tmp', undefined, 1, '', 'error: required flag(s) "image" not set\n'],
  ['run: --rm without attaching', 'kubectl run tmp --image=busybox --rm', undefined, 1, '', 'error: --rm should only be used for attached containers\n'],
  ['run: an unknown namespace', 'kubectl run tmp -n nope --image=busybox --rm -it -- ls', undefined, 1, '', 'Error from server (NotFound): namespaces "nope" not found\n'],
  ['run: the name is taken', 'kubectl run web -n shop --image=busybox --rm -it -- ls', undefined, 1, '', 'Error from server (AlreadyExists): pods "web" already exists\n'],
];

describe('kubectl exec and run', () => {
  it.each(ROWS)('%s: %s', (_name, line, from, exit, stdout, stderr) => {
    expect(transcriptOf(line, from)).toEqual({ exit, stdout, stderr });
  });

  it('exec -it ... -- sh opens a shell in the pod; run -it with a shell opens one in a new pod', () => {
    expect(term('kubectl exec -it web -n shop -- sh').change).toEqual({ enter: { from: 'shop/web', label: 'shop/web' } });
    const r = term('kubectl run tmp --image=busybox -it --rm --restart=Never -- sh');
    expect(r.stdout).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.change).toEqual({ enter: { pod: { name: 'tmp', namespace: 'default', image: 'busybox', labels: { run: 'tmp' } }, rm: true, label: 'default/tmp' } });
  });

  it('run without attaching only creates the pod', () => {
    const r = term('kubectl run tmp --image=busybox');
    expect([r.exitCode, r.stdout]).toEqual([0, 'pod/tmp created\n']);
  });
});
