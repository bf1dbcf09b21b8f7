import { DEBUG_POD } from './context';
import { fixedText } from './fixed';

/** What `help` prints: the commands, where they run, and which values are fixed rather than simulated. */
export function helpText(): string {
  return `A terminal into the simulated cluster. Each command is answered by the simulator from the scenario on
screen; the output is what the real tool prints for that outcome.

  kubectl get TYPE [NAME] [-n NS | -A] [-o wide|yaml|json|name] [-l SELECTOR] [--show-labels]
          types: pods services endpoints endpointslices ingresses ingressclasses networkpolicies
                 gateways gatewayclasses httproutes namespaces nodes deployments
  kubectl describe service|pod|networkpolicy|ingress NAME [-n NS]
  kubectl exec POD [-n NS] [-c CONTAINER] [-it] -- COMMAND      (-it ... -- sh opens a shell in the pod)
  kubectl run NAME --image=IMAGE [-n NS] [--labels k=v] --rm -it --restart=Never -- COMMAND
  nslookup NAME          busybox's in busybox images and the debug pod: a name with a dot is asked as
                         written, without the search list; BIND's (with the search list) elsewhere
  dig [+short] [+search] NAME [TYPE]
  wget [-q] [-O FILE|-O-] [-S] [-T SEC] URL
  curl [-sS] [-v] [-I] [-i] [-L] [-f] [-k] [-H "K: V"] [-X METHOD] [--max-time SEC] URL
  nc -zv [-w SEC] HOST PORT
  ping [-c COUNT] HOST
  cat /etc/resolv.conf | /etc/hosts | /etc/hostname
  exit                   leave a pod's shell;  clear (Ctrl+L) clears the screen

Where commands run: in the debug pod ${DEBUG_POD.namespace}/${DEBUG_POD.name} (labels ${Object.entries(DEBUG_POD.labels).map(([k, v]) => `${k}=${v}`).join(',')}; busybox tools plus curl
and dig) unless you enter another pod; after exit, on your machine outside the cluster ($ prompt), where
only public names (the Ingress and Gateway hosts) resolve. kubectl works at every prompt.
Images: busybox and alpine have no curl or dig (sh: curl: not found, as in a real cluster); busybox:1.28
has the older nslookup; other images are assumed to carry the common tools (dnsutils, curl).
A pod answers HTTP with its own name, as Kubernetes' serve-hostname test image does.
Pipes, redirections and variables are not simulated: one command per line.
${fixedText()}
`;
}
