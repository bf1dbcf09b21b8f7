import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABS, GET_TABS, tabwrite } from './tabwriter';

/**
 * Go's text/tabwriter, left-aligned with blanks. Cases: the "elastic" and "trailing tab" examples of
 * golang/go src/text/tabwriter/example_test.go (Example_elastic, Example_trailingTab), here without
 * AlignRight/Debug; and kubectl output as printed by real clusters (public transcripts of `kubectl get svc`,
 * `kubectl describe svc`).
 */
const CASES: [string, string, { minwidth: number; padding: number }, string][] = [
  [
    'elastic: the b column and the d column are different blocks (Example_elastic)',
    'a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n',
    { minwidth: 0, padding: 1 },
    'a    b  c\naa   bb cc\naaa  \naaaa dddd eeee\n',
  ],
  [
    'a last cell without a tab is not aligned (Example_trailingTab)',
    'a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n',
    { minwidth: 0, padding: 3 },
    'a      b      aligned   \naa     bb     aligned   \naaa    bbb    unaligned\naaaa   bbbb   aligned   \n',
  ],
  [
    'kubectl get svc: padding 3, a short column takes the minimum width 6',
    'NAME\tTYPE\tCLUSTER-IP\tEXTERNAL-IP\tPORT(S)\tAGE\nkube-dns\tClusterIP\t10.96.0.10\t<none>\t53/UDP,53/TCP,9153/TCP\t4d21h\n',
    GET_TABS,
    'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\nkube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   4d21h\n',
  ],
  ['kubectl get: a one-letter column is 6 wide', 'A\tB\nx\ty\n', GET_TABS, 'A     B\nx     y\n'],
  [
    'kubectl describe: keys padded by 2 to the longest in the block',
    'Name:\tmy-nginx\nSession Affinity:\tNone\nInternal Traffic Policy:\tCluster\n',
    DESCRIBE_TABS,
    'Name:                     my-nginx\nSession Affinity:         None\nInternal Traffic Policy:  Cluster\n',
  ],
  ['a line without tabs ends the block above it', 'ab\tc\nx\nd\te\n', { minwidth: 0, padding: 1 }, 'ab c\nx\nd e\n'],
];

describe('tabwriter (Go text/tabwriter, left-aligned)', () => {
  it.each(CASES)('%s', (_name, input, opts, want) => {
    expect(tabwrite(input, opts)).toBe(want);
  });
});
