/** Types of cli-bundle.mjs, for the TypeScript that imports it (the bench, tests). */
export declare const CLI_SOURCES: string[];
export declare function bundlePath(root: string): string;
export declare function cliStaleReason(root: string): string | null;
export declare function buildCLI(root: string): boolean;
